"""The ``foiextract compile`` command: one request, many responses, one dataset.

>>> compile_command.name
'compile'
"""

from __future__ import annotations

import signal
import sys

import click

from ..errors import FoiExtractError
from ..cli_corrections import corrections_option, load_corrections, warn_stale
from ..cli_ocr import ocr_options

FORMAT_CHOICE = click.Choice(["csv", "parquet", "jsonl", "sqlite", "xlsx"])
COMPILE_TABLES = click.Choice(["dataset", "answers", "request", "review", "cells", "labels",
                               "audit", "errors"])


@click.command(name="compile")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-r", "--request", "request", type=click.Path(dir_okay=False), default=None,
              help="The request as sent: numbered questions (Markdown, text, Word, PDF). "
                   "Default: inferred from the responses that restate it.")
@click.option("-o", "--out", required=True, type=click.Path(allow_dash=True),
              help="Output: an .xlsx workbook, a .db SQLite file, a folder (csv, parquet, "
                   "jsonl), a .csv or .jsonl file of one table, or - for standard output.")
@click.option("--format", "fmt", type=FORMAT_CHOICE, default=None,
              help="Output format (default: from the output's extension, else csv).")
@click.option("-t", "--table", type=COMPILE_TABLES, default="dataset", show_default=True,
              help="The table a one-table output (-o -, -o x.csv, -o x.jsonl) takes.")
@click.option("--follow-symlinks", is_flag=True,
              help="Read files that symbolic links in a folder lead to outside it "
                   "(default: each is an error row).")
@click.option("--labels", "labels_file", type=click.Path(dir_okay=False), default=None,
              help="A labels mapping (CSV with raw_label and label columns: the labels table "
                   "a compile writes, edited) saying which label each table label printed "
                   "stands for, so spellings that differ count as one category.")
@ocr_options
@corrections_option
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
@click.option("-v", "--verbose", is_flag=True, help="Also print each table written.")
def compile_command(paths: tuple[str, ...], request: str | None, out: str, fmt: str | None,
                    table: str, follow_symlinks: bool, labels_file: str | None,
                    no_ocr: bool, ocr_language: str,
                    ocr_page_timeout: float, corrections: str | None, quiet: bool,
                    verbose: bool) -> None:
    """Compile many authorities' responses to one request into one dataset.

    PATHS are response files, folders, or a request platform's batch download
    (a ZIP with one folder per authority). A response may be a spreadsheet
    (.xlsx, .xls, .ods, .csv) beside or instead of a letter. Writes dataset (one
    row per authority, one column per request item; an item answered by a table
    takes the total the table prints), answers (one row per authority and item),
    request, review (cells that need a look), cells (every figure of every
    authority's tables, one row a figure, with the item it answers, its period
    and its labels normalised), labels (each table label and the label it
    stands for: edit the label column and give it back with --labels), audit
    (per authority and item: answered yes/partly/no/refused, in what form, by
    what period, and every caveat sentence with its page) and errors.
    Corrections (OUT/corrections.csv, or --corrections) are applied on every
    run; `foiextract review OUT` makes them.

    \b
    Example:
      foiextract compile responses/ --request request.md -o dataset.xlsx
      foiextract compile batch-download.zip -o out/ --format csv
      foiextract compile responses/ -o - | csvlook
      foiextract compile responses/ -r request.md -o out/ --labels labels.csv
    """
    from ..cli import _verbosity, usage_checked
    from ..limits import Limits
    from ..writers import check_output
    from .labels import read_labels
    from .run import TABLE_NAMES, compile_responses

    level = _verbosity(quiet, verbose)
    usage_checked(lambda: check_output(out, fmt, table, TABLE_NAMES))
    corrector = load_corrections(corrections, out)
    # A kill (SIGTERM) ends the command as an exit does, so the unpacked ZIPs are removed.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    try:
        limits = Limits(ocr=not no_ocr, ocr_language=ocr_language,
                        ocr_page_timeout=ocr_page_timeout or None)
        labels = read_labels(labels_file) if labels_file else None
        batch = compile_responses(list(paths), request=request, follow_symlinks=follow_symlinks,
                                  limits=limits, labels=labels)
    except FoiExtractError as err:
        raise click.ClickException(str(err)) from None
    from ..corrections.compiled import correct_compilation
    from .output import write_compilation

    batch = correct_compilation(batch, corrector)
    try:
        written = write_compilation(batch, out, fmt, table=table)
    except (OSError, ValueError) as err:
        raise click.ClickException(f"could not write {out}: {err}") from None
    if level == 2:
        for path in written:
            click.echo(f"wrote: {path}", err=True)
    warn_stale(corrector, out)
    origin = "inferred" if batch.request.inferred else "from " + (batch.request.source or "a list")
    review = len(batch.review)
    if level:
        click.echo(f"{len(batch.dataset)} authorit{'y' if len(batch.dataset) == 1 else 'ies'}, "
                   f"{len(batch.request.items)} request item(s) ({origin}), "
                   f"{review} cell(s) to review, "
                   f"{len(batch.errors)} error(s)", err=True)
    # One status a file: a file that could not be read is an error, not also skipped.
    failed = set(batch.errors["source"].dropna())
    for source in batch.skipped:
        if level and source not in failed:
            click.echo(f"skipped (answers nothing): {source}", err=True)
    for row in batch.errors.itertuples(index=False):
        click.echo(f"error: {row.message} [{row.kind}]", err=True)
    sys.exit(1 if batch.failed else 0)
