"""A one-line progress report on stderr: documents done, failed, skipped and the rate.

It writes only when stderr is a terminal (or when told to), at most ten times
a second, and clears its line at the end, so logs and pipes stay clean.

>>> import io
>>> line = Progress(total=3, stream=io.StringIO(), enabled=True)
>>> line.update(failed=False); line.update(failed=True); line.close()
>>> line.done, line.failed
(2, 1)
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Counts finished documents and redraws one stderr line."""

    def __init__(self, total: int | None, *, stream: TextIO | None = None,
                 enabled: bool | None = None) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.done = self.failed = self.skipped = 0
        self._started = time.monotonic()
        self._drawn = 0.0
        self._width = 0

    def update(self, *, failed: bool, skipped: bool = False) -> None:
        """One more document finished (read, failed, or skipped as already done)."""
        self.done += 1
        self.failed += failed
        self.skipped += skipped
        now = time.monotonic()
        if self.enabled and (now - self._drawn >= 0.1 or self.done == self.total):
            self._draw(now)

    def _draw(self, now: float) -> None:
        self._drawn = now
        read = self.done - self.skipped
        rate = read / max(now - self._started, 1e-9)
        of = f"/{self.total}" if self.total is not None else ""
        skipped = f", {self.skipped} skipped" if self.skipped else ""
        text = (f"{self.done}{of} documents, {self.failed} failed{skipped}, "
                f"{rate:.1f} docs/s")
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()
        self._width = len(text)

    def close(self) -> None:
        """Clear the line."""
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
