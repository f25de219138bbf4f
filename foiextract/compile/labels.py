"""Table labels made comparable across authorities, and the mapping a journalist corrects.

Five police forces print "Violence without injury", "VIOLENCE WITHOUT INJURY" and
"Violence Without Injury:"; a long table lines them up only when each raw label has one
normalised label. :func:`fold_label` folds case, punctuation and spacing (a label naming a
period is spelt as :func:`~foiextract.cells.periods.period_label` spells it: "2019/20" and
"Apr 2019 - Mar 2020" are both ``FY 2019/20``); a ``labels``
mapping (raw label -> label), written beside the compiled ``cells`` and edited by hand,
merges what folding cannot ("Violence w/o injury" -> "violence without injury") and is
fed back with ``foiextract compile ... --labels labels.csv``.

>>> fold_label("  VIOLENCE WITHOUT   Injury: ")
'violence without injury'
>>> fold_label("Criminal Damage & Arson")
'criminal damage and arson'
>>> Labels({"Violence w/o injury": "violence without injury"}).label("VIOLENCE W/O INJURY")
'violence without injury'
>>> Labels().label("2019/2020")
'FY 2019/20'
"""

from __future__ import annotations

import csv
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..cells.periods import period_label, period_of_label
from ..errors import CorruptFile, NotFound

# The mapping file's columns: the label as printed, and the label it stands for.
RAW_COLUMN = "raw_label"
LABEL_COLUMN = "label"
_PUNCTUATION = re.compile(r"[^\w\s]+")
_JOINS = (("&", " and "), ("+", " and "))


def fold_label(label: str) -> str:
    """A label with case, accents, punctuation and spacing folded ("&" read as "and")."""
    text = unicodedata.normalize("NFKC", label)
    for mark, word in _JOINS:
        text = text.replace(mark, word)
    text = _PUNCTUATION.sub(" ", text.replace("_", " "))
    return " ".join(text.casefold().split())


@dataclass(frozen=True)
class Labels:
    """Raw label -> the label it stands for. A label the mapping does not name is folded
    (:func:`fold_label`), or spelt as a period where it names one; one it names is matched
    as printed, else by its folded form."""

    given: Mapping[str, str] = field(default_factory=dict)
    # The mapping by folded raw label, so "VIOLENCE W/O INJURY" takes "Violence w/o injury"'s.
    folded: Mapping[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "folded", {fold_label(raw): label.strip()
                                            for raw, label in self.given.items() if label.strip()})

    def label(self, raw: str) -> str:
        """The normalised label of ``raw``."""
        if self.edited(raw):
            given = self.given.get(raw, "").strip()
            return given or self.folded[fold_label(raw)]
        period = period_of_label(raw)
        return period_label(period) if period is not None else fold_label(raw)

    def path(self, raws: Iterable[str]) -> str:
        """A header path's labels, each normalised, joined as the cells table joins them."""
        return " / ".join(self.label(raw) for raw in raws)

    def edited(self, raw: str) -> bool:
        """True when the mapping names ``raw`` (as printed or folded)."""
        return bool(self.given.get(raw, "").strip()) or fold_label(raw) in self.folded


def read_labels(path: str | os.PathLike[str]) -> Labels:
    """The mapping in a labels CSV (the compile's ``labels`` table, edited): its ``raw_label``
    and ``label`` columns; other columns are ignored."""
    name = os.fspath(path)
    if not os.path.isfile(name):
        raise NotFound(name)
    try:
        with open(name, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise CorruptFile(name, f"the labels file could not be read ({type(err).__name__})") \
            from None
    if rows and (RAW_COLUMN not in rows[0] or LABEL_COLUMN not in rows[0]):
        raise CorruptFile(name, f"a labels file needs the columns {RAW_COLUMN} and {LABEL_COLUMN}")
    return Labels({row[RAW_COLUMN]: row[LABEL_COLUMN] or "" for row in rows
                   if row.get(RAW_COLUMN)})
