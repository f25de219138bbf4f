"""The ``foiextract compile`` command: one request, many responses, one dataset.

>>> compile_command.name
'compile'
"""

from __future__ import annotations

import signal
import sys

import click

from ..errors import FoiExtractError

FORMAT_CHOICE = click.Choice(["csv", "parquet", "jsonl", "sqlite", "xlsx"])


@click.command(name="compile")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-r", "--request", "request", type=click.Path(dir_okay=False), default=None,
              help="The request as sent: numbered questions (Markdown, text, Word, PDF). "
                   "Default: inferred from the responses that restate it.")
@click.option("-o", "--out", required=True, type=click.Path(),
              help="Output: an .xlsx workbook, a .db SQLite file, "
                   "or a folder (csv, parquet, jsonl).")
@click.option("--format", "fmt", type=FORMAT_CHOICE, default=None,
              help="Output format (default: from the output's extension, else csv).")
@click.option("--follow-symlinks", is_flag=True,
              help="Read files that symbolic links in a folder lead to outside it "
                   "(default: each is an error row).")
def compile_command(paths: tuple[str, ...], request: str | None, out: str, fmt: str | None,
                    follow_symlinks: bool) -> None:
    """Compile many authorities' responses to one request into one dataset.

    PATHS are response files, folders, or a request platform's batch download
    (a ZIP with one folder per authority). Writes dataset (one row per
    authority, one column per request item), answers (one row per authority
    and item), request, review (cells that need a look) and errors.

    \b
    Example:
      foiextract compile responses/ --request request.md -o dataset.xlsx
      foiextract compile batch-download.zip -o out/ --format csv
    """
    from .run import compile_responses

    # A kill (SIGTERM) ends the command as an exit does, so the unpacked ZIPs are removed.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    try:
        batch = compile_responses(list(paths), request=request, follow_symlinks=follow_symlinks)
    except FoiExtractError as err:
        raise click.ClickException(str(err)) from None
    try:
        batch.write(out, fmt)
    except (OSError, ValueError) as err:
        raise click.ClickException(f"could not write {out}: {err}") from None
    origin = "inferred" if batch.request.inferred else "from " + (batch.request.source or "a list")
    review = len(batch.review)
    click.echo(f"{len(batch.dataset)} authorit{'y' if len(batch.dataset) == 1 else 'ies'}, "
               f"{len(batch.request.items)} request item(s) ({origin}), "
               f"{review} cell(s) to review, "
               f"{len(batch.errors)} error(s)", err=True)
    for source in batch.skipped:
        click.echo(f"skipped (answers nothing): {source}", err=True)
    for row in batch.errors.itertuples(index=False):
        click.echo(f"error: {row.message} [{row.kind}]", err=True)
    sys.exit(1 if batch.failed else 0)
