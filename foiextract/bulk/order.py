"""Row order across parts: every table streamed in table order, without holding a table.

Rows are ordered by :func:`foiextract.tables.sort_rows` (the order
:class:`~foiextract.result.Result` gives its tables). Each document's rows are sorted when they are made; the merge then streams
every table out of the per-document parts in one pass, holding only the parts
whose rows are due next (documents rarely overlap, so usually one). Ties keep
the order the inputs were listed in, as pandas' stable sort does, so the
merged table equals ``Result.from_rows`` row for row.

>>> rows = [{"source": "b"}, {"source": None}, {"source": "a"}]
>>> [r["source"] for r in sort_rows("errors", rows)]
['a', 'b', None]
"""

from __future__ import annotations

import heapq
from typing import Callable, Iterator, Sequence

from ..tables import Row, RowKey, row_key, sort_rows

__all__ = ["Row", "RowKey", "merge_parts", "row_key", "sort_rows"]

def merge_parts(table: str, first_keys: Sequence[RowKey | None],
                load: Callable[[int], Sequence[Row]]) -> Iterator[Row]:
    """Every row of ``table`` from the parts, in table order.

    ``first_keys[i]`` is the key of part ``i``'s first row of the table
    (``None`` when it has none) and ``load(i)`` its rows, already in table
    order. A part is loaded only when its first row could be next.
    """
    waiting = sorted((key, i) for i, key in enumerate(first_keys) if key is not None)
    heap: list[tuple[RowKey, int, int]] = []
    loaded: dict[int, Sequence[Row]] = {}
    position = 0

    def activate(part: int) -> None:
        loaded[part] = load(part)
        if loaded[part]:
            heapq.heappush(heap, (row_key(table, loaded[part][0]), part, 0))

    while heap or position < len(waiting):
        if not heap:
            activate(waiting[position][1])
            position += 1
            continue
        while position < len(waiting) and waiting[position][0] <= heap[0][0]:
            activate(waiting[position][1])
            position += 1
        _, part, index = heapq.heappop(heap)
        rows = loaded[part]
        yield rows[index]
        if index + 1 < len(rows):
            heapq.heappush(heap, (row_key(table, rows[index + 1]), part, index + 1))
        else:
            del loaded[part]
