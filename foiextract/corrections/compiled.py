"""Corrections applied to a compiled batch: its ``answers`` corrected, and the ``dataset``,
``request`` and ``review`` tables made again from them, so a fix shows everywhere.

>>> corrector = Corrector(read_corrections("out/corrections.csv"))  # doctest: +SKIP
>>> batch = correct_compilation(batch, corrector)  # doctest: +SKIP
>>> batch.answers["corrected"].sum()  # doctest: +SKIP
1
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from .apply import Corrector

if TYPE_CHECKING:
    from ..compile.run import Compilation


def correct_compilation(batch: Compilation, corrector: Corrector) -> Compilation:
    """``batch`` with every correction of ``corrector`` applied (the same batch when none)."""
    from ..compile.tables import dataset_table, request_table, review_table
    from ..tables import compile_frame

    rows = list(corrector.rows("answers", batch.answers.to_dict("records")))
    if not corrector:
        return batch
    answers = compile_frame("answers", rows)
    return dataclasses.replace(
        batch, answers=answers, dataset=dataset_table(batch.request, answers),
        questions=request_table(batch.request, answers), review=review_table(answers))
