"""Word's automatic list numbering, rendered to the markers Word prints.

The numbers of an auto-numbered list are not in the runs: they come from
``numbering.xml``. A paragraph names a list instance (``numId``) and a level
(``ilvl``); the instance points to an abstract definition whose levels give a
format (``decimal``, ``lowerLetter``, ``upperRoman``, ``bullet``, ...), a
pattern (``lvlText`` such as ``"%1."`` or ``"(%1)"``) and a start value. A
:class:`ListCounter` walks the document in order and keeps one counter per
list instance and level, restarting deeper levels as Word does.

>>> level = Level(fmt="lowerLetter", text="(%1)")
>>> counter = ListCounter(Numbering({"1": NumberingInstance({0: level})}))
>>> [counter.marker("1", 0) for _ in range(3)]
['(a)', '(b)', '(c)']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Callable

from .docx_styles import qn


BULLET = "•"
MAX_LEVELS = 9
_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


@dataclass(frozen=True, slots=True)
class Level:
    """One level of a list definition (``w:lvl``).

    ``restart`` is ``w:lvlRestart``: None restarts after any shallower level,
    0 never restarts, n restarts after level n (1-based) or shallower.
    """

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None
    legal: bool = False
    style_id: str | None = None


@dataclass(frozen=True, slots=True)
class NumberingInstance:
    """A list instance (``w:num``): its levels, with overrides applied."""

    levels: dict[int, Level]
    start_overrides: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Numbering:
    """Every list instance of a document, by ``numId``."""

    instances: dict[str, NumberingInstance] = field(default_factory=dict)

    @classmethod
    def from_element(cls, root: Any,
                     style_num: Callable[[str], str | None] = lambda _: None) -> "Numbering":
        """Read the root ``w:numbering`` element (``style_num`` resolves ``w:numStyleLink``)."""
        if root is None:
            return cls()
        abstracts: dict[str, dict[int, Level]] = {}
        links: dict[str, str] = {}
        style_links: dict[str, str] = {}
        for abstract in root.iterchildren(qn("w:abstractNum")):
            abstract_id = abstract.get(qn("w:abstractNumId")) or ""
            abstracts[abstract_id] = {
                lvl_index: lvl for lvl_index, lvl in map(_level, abstract.iterchildren(qn("w:lvl")))
                if 0 <= lvl_index < MAX_LEVELS}
            link = abstract.find(qn("w:numStyleLink"))
            if link is not None and link.get(qn("w:val")):
                links[abstract_id] = link.get(qn("w:val"))
            own = abstract.find(qn("w:styleLink"))
            if own is not None and own.get(qn("w:val")):
                style_links[own.get(qn("w:val"))] = abstract_id
        nums: dict[str, str] = {}
        for num in root.iterchildren(qn("w:num")):
            abstract_el = num.find(qn("w:abstractNumId"))
            if abstract_el is not None:
                nums[num.get(qn("w:numId")) or ""] = abstract_el.get(qn("w:val")) or ""
        instances: dict[str, NumberingInstance] = {}
        for num in root.iterchildren(qn("w:num")):
            num_id = num.get(qn("w:numId")) or ""
            abstract_id = nums.get(num_id, "")
            if abstract_id in links:  # a list defined through a numbering style
                linked_num = style_num(links[abstract_id])
                abstract_id = style_links.get(links[abstract_id],
                                              nums.get(linked_num or "", abstract_id))
            levels = dict(abstracts.get(abstract_id, {}))
            starts: dict[int, int] = {}
            for override in num.iterchildren(qn("w:lvlOverride")):
                index = _int(override.get(qn("w:ilvl")), -1)
                if not 0 <= index < MAX_LEVELS:
                    continue
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    starts[index] = _int(start.get(qn("w:val")), 1)
                lvl = override.find(qn("w:lvl"))
                if lvl is not None:
                    levels[index] = _level(lvl)[1]
            instances[num_id] = NumberingInstance(levels, starts)
        return cls(instances)

    def level_for_style(self, num_id: str, style_id: str | None) -> int:
        """The level whose ``w:pStyle`` is the paragraph's style (0 if none)."""
        instance = self.instances.get(num_id)
        if instance is not None and style_id is not None:
            for index, level in sorted(instance.levels.items()):
                if level.style_id == style_id:
                    return index
        return 0


class ListCounter:
    """Counts list items in document order and renders each one's marker.

    >>> counter = ListCounter(Numbering({"3": NumberingInstance(
    ...     {0: Level(), 1: Level(fmt="lowerRoman", text="(%2)")})}))
    >>> [counter.marker("3", i) for i in (0, 1, 1, 0, 1)]
    ['1.', '(i)', '(ii)', '2.', '(i)']
    """

    def __init__(self, numbering: Numbering) -> None:
        self._numbering = numbering
        self._counts: dict[str, dict[int, int]] = {}

    def is_list(self, num_id: str | None) -> bool:
        """True when ``num_id`` names a defined list instance (``"0"`` means no list)."""
        return bool(num_id) and num_id != "0" and num_id in self._numbering.instances

    def marker(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of ``(num_id, ilvl)`` and return the printed marker."""
        instance = self._numbering.instances.get(num_id)
        if instance is None:
            return ""
        ilvl = min(max(ilvl, 0), MAX_LEVELS - 1)
        level = instance.levels.get(ilvl, Level(text=f"%{ilvl + 1}."))
        counts = self._counts.setdefault(num_id, {})
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else _start(instance, ilvl, level)
        for deeper in [d for d in counts if d > ilvl]:
            restart = instance.levels.get(deeper, Level()).restart
            if restart is None or (restart > 0 and ilvl < restart):
                del counts[deeper]
        if level.fmt == "bullet":
            return BULLET
        if level.fmt == "none":
            return ""

        def number(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            shown = instance.levels.get(index, Level())
            value = counts.get(index, _start(instance, index, shown))
            return format_number(value, "decimal" if level.legal else shown.fmt)

        return _PLACEHOLDER.sub(number, level.text).strip()


def format_number(value: int, fmt: str) -> str:
    """A counter value in a Word number format.

    >>> [format_number(28, f) for f in ("decimal", "lowerLetter", "upperRoman", "ordinal")]
    ['28', 'bb', 'XXVIII', '28th']
    """
    if fmt in ("lowerLetter", "upperLetter"):
        # Word goes a..z, then aa..zz, aaa..: the letter repeats.
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else "0"
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman = ""
        for amount, digits in _ROMAN:
            while value >= amount:
                roman, value = roman + digits, value - amount
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "ordinal":
        suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(
            value % 10, "th")
        return f"{value}{suffix}"
    return str(value)


def _start(instance: NumberingInstance, index: int, level: Level) -> int:
    return instance.start_overrides.get(index, level.start)


def _level(element: Any) -> tuple[int, Level]:
    def val(name: str) -> str | None:
        child = element.find(qn(name))
        return child.get(qn("w:val")) if child is not None else None

    restart = val("w:lvlRestart")
    legal = element.find(qn("w:isLgl"))
    level = Level(
        fmt=val("w:numFmt") or "decimal",
        text=val("w:lvlText") or "",
        start=_int(val("w:start"), 1),
        restart=_int(restart, 0) if restart is not None else None,
        legal=legal is not None and (legal.get(qn("w:val")) or "1") not in ("0", "false", "off"),
        style_id=val("w:pStyle"))
    if element.find(qn("w:lvlText")) is None:
        level = replace(level, text=f"%{_int(element.get(qn('w:ilvl')), 0) + 1}.")
    return _int(element.get(qn("w:ilvl")), 0), level


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
