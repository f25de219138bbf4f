"""How a web page presents its text: block elements, whitespace, and the style CSS gives it.

Bold, italic and colour come from tags, inline ``font-weight``/``font-style``/
``color`` and simple ``<style>`` rules (``.class``, ``tag``, ``tag.class``).

>>> style_of(lxml.html.fromstring('<b style="color:#00f">x</b>'), Style(), {})
Style(bold=True, italic=False, color='0000FF', href=None)
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import lxml.html  # noqa: F401  (the doctest builds an element with it)

BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre "
    "section summary table tbody td tfoot th thead tr ul".split())
WHITESPACE = re.compile(r"[ \t\n\r\f\v\u00a0\u200b]+")
_DECLARATION = re.compile(r"([a-z-]+)\s*:\s*([^;]+)", re.IGNORECASE)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_SIMPLE_SELECTOR = re.compile(r"^([a-z][a-z0-9]*)?(?:\.([\w-]+))?$", re.IGNORECASE)
_HEX = re.compile(r"^#([0-9a-f]{3}|[0-9a-f]{6})$", re.IGNORECASE)
_RGB = re.compile(r"^rgba?\(\s*(\d+)\D+(\d+)\D+(\d+)", re.IGNORECASE)
_NAMED_COLORS = {"black": "000000", "blue": "0000FF", "red": "FF0000", "green": "008000",
                 "navy": "000080", "purple": "800080", "maroon": "800000", "teal": "008080",
                 "gray": "808080", "grey": "808080", "orange": "FFA500", "white": "FFFFFF"}

class Style(NamedTuple):
    """The effective style of text at one point of the tree."""

    bold: bool = False
    italic: bool = False
    color: str | None = None
    href: str | None = None


def stylesheet(root: Any) -> dict[tuple[str, str], Style]:
    """Simple ``<style>`` rules: ``(tag or "*", class or "")`` -> the style they set."""
    rules: dict[tuple[str, str], Style] = {}
    for style in root.iter("style"):
        css = re.sub(r"/\*.*?\*/", "", style.text or "", flags=re.DOTALL)
        for selectors, body in _RULE.findall(css):
            declared = _declarations(body, Style(), explicit_only=True)
            if declared is None:
                continue
            for selector in selectors.split(","):
                match = _SIMPLE_SELECTOR.match(selector.strip())
                if match and (match[1] or match[2]):
                    rules[((match[1] or "*").lower(), match[2] or "")] = declared
    return rules


def _declarations(css: str, base: Style, explicit_only: bool = False) -> Style | None:
    bold, italic, color = base.bold, base.italic, base.color
    seen = False
    for name, value in _DECLARATION.findall(css):
        name, value = name.lower(), value.strip().lower()
        if name == "font-weight":
            bold, seen = value in ("bold", "bolder") or (value.isdigit() and int(value) >= 600), True
        elif name == "font-style":
            italic, seen = value in ("italic", "oblique"), True
        elif name == "color":
            color, seen = _color(value), True
    if explicit_only and not seen:
        return None
    return Style(bold, italic, color, base.href)


def _color(value: str) -> str | None:
    value = value.strip().lower()
    hex_match, rgb = _HEX.match(value), _RGB.match(value)
    if hex_match:
        digits = hex_match[1]
        code = "".join(c * 2 for c in digits) if len(digits) == 3 else digits
    elif rgb:
        code = "".join(f"{min(int(n), 255):02X}" for n in rgb.groups())
    else:
        code = _NAMED_COLORS.get(value, "000000")
    code = code.upper()
    return None if code == "000000" else code


def style_of(element: Any, parent: Style, sheet: dict[tuple[str, str], Style]) -> Style:
    tag = element.tag
    style = parent
    if tag in ("b", "strong", "th", "h1", "h2", "h3", "h4", "h5", "h6"):
        style = style._replace(bold=True)
    elif tag in ("i", "em", "cite", "dfn", "var"):
        style = style._replace(italic=True)
    elif tag == "a" and element.get("href"):
        style = style._replace(href=element.get("href"))
    elif tag == "font" and element.get("color"):
        style = style._replace(color=_color(element.get("color")))
    if sheet:
        classes = (element.get("class") or "").split()
        for key in [(tag, "")] + [(t, c) for c in classes for t in ("*", tag)]:
            rule = sheet.get(key)
            if rule is not None:
                style = rule._replace(href=style.href)
    inline = element.get("style")
    if inline:
        style = _declarations(inline, style) or style
    return style
