"""The options that say how scans are read, shared by ``extract`` and ``compile``.

>>> import click
>>> [p.name for p in click.command()(ocr_options(lambda **kw: None)).params]
['no_ocr', 'ocr_language', 'ocr_page_timeout']
"""

from __future__ import annotations

from typing import Any

import click


def ocr_options(command: Any) -> Any:
    """``--no-ocr``, ``--ocr-language`` and ``--ocr-page-timeout``: how scans are read."""
    command = click.option("--ocr-page-timeout", type=click.FloatRange(min=0), default=60.0,
                           show_default=True, help="Seconds OCR may take on one page "
                           "(0: no limit).")(command)
    command = click.option("--ocr-language", default="eng", show_default=True, metavar="LANG",
                           help="Tesseract's language for scans, e.g. eng, cym, eng+cym.")(command)
    return click.option("--no-ocr", is_flag=True,
                        help="Read no scans: a scanned PDF or an image is a no_text_layer "
                             "error row (default: read by OCR with Tesseract).")(command)
