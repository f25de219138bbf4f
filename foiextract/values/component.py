"""A spaCy pipeline component that reads a Doc's text as an FOI answer value.

Registered both with ``@Language.factory`` and through the ``spacy_factories``
entry point, so ``nlp.add_pipe("foi_values")`` works on a blank pipeline.
The question, when known, goes in ``doc.user_data["foi_question"]``.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("foi_values")
>>> nlp("Fewer than 5")._.foi_value.value
'<5'
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from foiextract.values import parse_answer

QUESTION_KEY = "foi_question"

if not Doc.has_extension("foi_value"):
    Doc.set_extension("foi_value", default=None)


class FoiValues:
    """Sets ``doc._.foi_value`` to :func:`parse_answer` of the doc's text."""

    def __init__(self, name: str = "foi_values") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        question = doc.user_data.get(QUESTION_KEY)
        doc._.foi_value = parse_answer(doc.text, question if isinstance(question, str) else None)
        return doc


@Language.factory("foi_values")
def make_foi_values(nlp: Language, name: str) -> FoiValues:
    """Build the ``foi_values`` component (the entry point names this function)."""
    return FoiValues(name)
