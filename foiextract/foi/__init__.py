"""The facts around the answers: authority, reference, dates, law, exemptions, outcome.

>>> from foiextract.model import Block, Document, Span
>>> doc = Document((Block("paragraph", (Span("Kent County Council"),)),), "text", "k.txt")
>>> read_facts(doc).authority_code
'E10000016'
"""

from __future__ import annotations

from .boilerplate import boilerplate_heading
from .facts import Citation, Facts, read_facts
from ..lexicon.guidance import drafting_guidance, public_interest_heading

__all__ = ["Citation", "Facts", "boilerplate_heading", "drafting_guidance", "public_interest_heading",
           "read_facts"]
