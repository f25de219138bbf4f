"""What every stage reads text by: the vocabularies and the small text helpers they share.

- :mod:`.data` loads the versioned data files of ``foiextract/data`` (phrases, number words,
  exemptions, the authority gazetteer), each with a user's overlay on top: a folder named by
  ``FOIEXTRACT_DATA`` (or ``--data DIR`` on the command line) whose files of the same names
  add phrases, words and rows without touching the code.
- :mod:`.text` folds and compares texts (``normalise``, ``similarity``, ``stems``).
- :mod:`.scan` finds literal openings cheaply before a pattern runs.
- :mod:`.guidance` tells drafting guidance and public-interest headings.

Readers, the segmenter, the value reader, the facts and the compiler all import from here,
never from one another for these.

>>> from foiextract.lexicon import load_json, similarity
>>> load_json("values_vocab.json")["months"]["march"]
3
>>> similarity("How many?", "how many")
1.0
"""

from __future__ import annotations

from .data import ENV, data_dir, load_json, load_text, use_data_dir
from .text import LIKE, SAME, normalise, similarity, stems, words

__all__ = ["ENV", "LIKE", "SAME", "data_dir", "load_json", "load_text", "normalise",
           "similarity", "stems", "use_data_dir", "words"]
