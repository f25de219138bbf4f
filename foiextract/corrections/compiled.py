"""Corrections applied to a compiled batch: its ``answers`` corrected, and the ``dataset``,
``request``, ``review`` and ``audit`` tables made again from them, so a fix shows everywhere.

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
    from ..compile.audit import audit_table
    from ..compile.long import table_totals
    from ..compile.tables import dataset_table, request_table, review_table
    from ..tables import compile_frame

    rows = list(corrector.rows("answers", batch.answers.to_dict("records")))
    if not corrector:
        return batch
    answers = compile_frame("answers", rows)
    totals = table_totals(batch.cells)
    return dataclasses.replace(
        batch, answers=answers, dataset=dataset_table(batch.request, answers, totals),
        questions=request_table(batch.request, answers, totals), review=review_table(answers),
        audit=audit_table(answers, batch.cells, batch.caveats, totals))
