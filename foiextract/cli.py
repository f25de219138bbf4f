"""The command line: thin commands over the library.

Each command parses its options, calls one library function, and turns a
:class:`~foiextract.errors.FoiExtractError` into a one-line error. Exit codes:
0 when every input was read, 1 when some failed, 2 for a usage error.

Unix habits: ``-`` as an input reads a document from standard input, ``-o -``
writes one table to standard output; messages go to standard error (``-q``
keeps only the errors, ``-v`` adds a line per document).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
import tempfile
import textwrap
from collections import Counter
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping

import click

from .cli_corrections import corrections_option, load_corrections, warn_stale
from .cli_ocr import ocr_options

if TYPE_CHECKING:
    import pandas as pd

    from .extraction import Extraction

from . import __version__
from .errors import FoiExtractError

FORMAT_CHOICE = click.Choice(["csv", "parquet", "jsonl", "sqlite", "xlsx"])
EXTRACT_TABLES = click.Choice(["documents", "pairs", "values", "exemptions", "requests", "cells",
                               "checks", "errors"])
STDIN = "-"


@contextlib.contextmanager
def stdin_as_file(paths: tuple[str, ...]) -> Iterator[tuple[list[str], dict[str, str]]]:
    """The paths with ``-`` replaced by a temporary file holding standard input, and the
    labels that show that file as ``-`` (its format is sniffed from the content, as always)."""
    if STDIN not in paths:
        yield list(paths), {}
        return
    folder = tempfile.mkdtemp(prefix="foiextract-stdin-")
    try:
        path = os.path.join(folder, "stdin")
        with open(path, "wb") as handle:
            shutil.copyfileobj(getattr(sys.stdin, "buffer", sys.stdin), handle, 1 << 20)
        yield [path if p == STDIN else p for p in dict.fromkeys(paths)], {path: STDIN}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def usage_checked(check: Callable[[], str]) -> str:
    """The result of an output check, or a usage error (exit 2) saying what is wrong."""
    try:
        return check()
    except ValueError as err:
        raise click.UsageError(str(err)) from None


class LazyGroup(click.Group):
    """A group whose commands in other modules are imported only when one is named (or the
    group's help lists them), so ``foiextract parse`` never loads the compile machinery.

    >>> group = LazyGroup(lazy={"review": "foiextract.review.command:review_command"})
    >>> group.list_commands(click.Context(group))
    ['review']
    """

    def __init__(self, *args: Any, lazy: Mapping[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            import importlib

            module, attr = self.lazy[cmd_name].split(":")
            self.add_command(getattr(importlib.import_module(module), attr), cmd_name)
        return super().get_command(ctx, cmd_name)


# Commands that live in their own modules: imported when named, not when the CLI starts.
LAZY_COMMANDS = {
    "compile": "foiextract.compile.command:compile_command",
    "review": "foiextract.review.command:review_command",
    "corrections": "foiextract.cli_corrections:corrections_group",
}


def _verbosity(quiet: bool, verbose: bool) -> int:
    if quiet and verbose:
        raise click.UsageError("-q and -v contradict each other: choose one")
    return 0 if quiet else 2 if verbose else 1


@click.group(cls=LazyGroup, lazy=LAZY_COMMANDS,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="foiextract")
@click.option("--data", "data_dir", type=click.Path(exists=True, file_okay=False), default=None,
              envvar="FOIEXTRACT_DATA", help="A folder of your own phrases, number words and "
              "authorities, read over the packaged ones (files named as in foiextract/data; "
              "also FOIEXTRACT_DATA).")
def main(data_dir: str | None) -> None:
    """Turn Freedom of Information responses into tidy tables.

    \b
    Example:
      foiextract extract responses/ -o out/
    """
    if data_dir:
        from .lexicon.data import use_data_dir

        use_data_dir(data_dir)  # before anything is read; worker processes inherit it


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--out", required=True, type=click.Path(allow_dash=True),
              help="Output: a folder (csv, parquet, jsonl), a .db/.sqlite or .xlsx file, "
                   "a .csv or .jsonl file of one table, or - for standard output.")
@click.option("--format", "fmt", type=FORMAT_CHOICE, default=None,
              help="Output format (default: from the output's extension, else csv).")
@click.option("-t", "--table", type=EXTRACT_TABLES, default="pairs", show_default=True,
              help="The table a one-table output (-o -, -o x.csv, -o x.jsonl) takes.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Documents read at once, by as many worker processes (default: every core).")
@click.option("--timeout", type=click.FloatRange(min=0), default=120.0, show_default=True,
              help="Seconds one document may take (0: no limit).")
@click.option("--memory-limit", default="2G", show_default=True,
              help="Memory one document may take, e.g. 512M, 2G (0: no limit).")
@click.option("--max-size", default="256M", show_default=True,
              help="Largest file read, e.g. 100M (0: no limit).")
@click.option("--max-pages", type=click.IntRange(min=0), default=5000, show_default=True,
              help="Most pages a PDF may have (0: no limit).")
@click.option("--retry-failed", is_flag=True,
              help="Read again the documents that failed in an earlier run into OUT.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="Run on this machine, or on a Dask cluster.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="The Dask scheduler, e.g. tcp://HOST:8786 (with --engine dask).")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress line (default: when stderr is a terminal).")
@click.option("--follow-symlinks", is_flag=True,
              help="Read files that symbolic links in a folder lead to outside it "
                   "(default: each is an error row).")
@ocr_options
@corrections_option
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
@click.option("-v", "--verbose", is_flag=True, help="Also print a line per document read.")
def extract(paths: tuple[str, ...], out: str, fmt: str | None, table: str, jobs: int | None,
            timeout: float, memory_limit: str, max_size: str, max_pages: int,
            retry_failed: bool, engine: str, scheduler: str | None,
            progress: bool | None, follow_symlinks: bool, no_ocr: bool, ocr_language: str,
            ocr_page_timeout: float, corrections: str | None, quiet: bool,
            verbose: bool) -> None:
    """Extract question/answer pairs and facts from FOI responses.

    PATHS are files or folders (folders are searched); - reads one document from
    standard input. Any format foiextract reads: PDF (scans by OCR), Word, web
    pages, email, Markdown, text, and spreadsheets (.xlsx, .xls, .ods, .csv:
    every sheet's tables as cells). Writes documents, pairs, values, exemptions,
    requests, cells, checks and errors tables. Each document is read in a worker process under a time and
    memory limit; a document that fails becomes one row of errors. Progress is
    kept in OUT/.foiextract/, so running the same command again only reads what
    is new or changed. Corrections (OUT/corrections.csv, or --corrections) are
    applied to the rows on every run; `foiextract review OUT` makes them.

    \b
    Example:
      foiextract extract corpora/barnet-scr-dhr/barnet_6015464.md -o out/
      foiextract extract responses/ -o responses.db --jobs 4 --timeout 60
      foiextract extract letter.pdf -o - | csvlook
      foiextract extract reply.xlsx -o - --table cells
      cat letter.md | foiextract extract - -o - --format jsonl --table documents
      foiextract extract responses/ -o out/ --engine dask --scheduler tcp://HOST:8786
    """
    from .bulk import BulkOptions, Limits, parse_size, run_bulk
    from .tables import TABLES, frame
    from .writers import check_output, fmt_for, one_table

    level = _verbosity(quiet, verbose)
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if engine == "dask":
        if usage_checked(lambda: fmt_for(out, fmt or "parquet")) != "parquet" or one_table(out):
            raise click.UsageError("--engine dask writes partitioned Parquet to a folder: "
                                   "leave out --format and give -o a folder")
    else:
        usage_checked(lambda: check_output(out, fmt, table, TABLES))
    try:
        limits = Limits(timeout=timeout or None, memory_limit=parse_size(memory_limit),
                        max_bytes=parse_size(max_size), max_pages=max_pages or None,
                        ocr=not no_ocr, ocr_language=ocr_language,
                        ocr_page_timeout=ocr_page_timeout or None)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None
    corrector = load_corrections(corrections, out)
    with stdin_as_file(paths) as (inputs, labels), _output(out, fmt, table) as target:
        options = BulkOptions(jobs=jobs, limits=limits, retry_failed=retry_failed,
                              engine=engine, scheduler=scheduler,  # type: ignore[arg-type]
                              progress=False if level == 0 else progress, corrections=corrector,
                              follow_symlinks=follow_symlinks, table=table, labels=labels)
        try:
            summary = run_bulk(inputs, target, fmt, options)
        except RuntimeError as err:  # the engine (Dask missing, no scheduler), a locked output
            raise click.ClickException(str(err)) from None
        except (OSError, ValueError) as err:
            raise click.ClickException(f"could not write {out}: {err}") from None
    if level == 2:
        for source, pairs in summary.read_documents:
            click.echo(f"read: {source}: {pairs} pair(s)", err=True)
        for path in summary.outputs:
            click.echo(f"wrote: {STDIN if out == STDIN else path}", err=True)
    if level:
        _summary(summary.documents, summary.pairs, len(summary.errors))
    _errors(frame("errors", summary.errors))
    warn_stale(corrector, out)
    if level:
        for source in summary.no_pairs:
            click.echo(f"warning: {source}: no question/answer pairs found, outcome not read "
                       "from answers [no_pairs]", err=True)
    sys.exit(1 if summary.failed else 0)


@contextlib.contextmanager
def _output(out: str, fmt: str | None, table: str) -> Iterator[str]:
    """Where to write: ``out`` itself, or for ``-`` a file in a temporary folder that is
    copied to standard output once whole."""
    if out != STDIN:
        yield out
        return
    from .writers import copy_to_stdout, fmt_for

    folder = tempfile.mkdtemp(prefix="foiextract-stdout-")
    try:
        path = os.path.join(folder, f"{table}.{fmt_for(out, fmt)}")
        yield path
        if os.path.isfile(path):
            copy_to_stdout(path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _summary(documents: int, pairs: int, errors: int) -> None:
    click.echo(f"{documents} document(s), {pairs} pair(s), {errors} error(s)", err=True)


def _errors(errors: pd.DataFrame) -> None:
    for row in errors.itertuples(index=False):
        click.echo(f"error: {row.message} [{row.kind}]", err=True)


@main.command()
@click.argument("path", type=click.Path(allow_dash=True))
@click.option("--explain", "explained", is_flag=True,
              help="Also show how each paragraph was read: its role and the rule that decided.")
@click.option("--json", "as_json", is_flag=True,
              help="Print the documents, each with its pairs (and their values), exemptions "
                   "and request items, as JSON.")
@click.option("--tables/--no-tables", "with_tables", default=True, show_default=True,
              help="Also show each table as a grid of its labels and cells, with its printed "
                   "totals checked (! a total that does not add up, ? one that cannot be told).")
def show(path: str, explained: bool, as_json: bool, with_tables: bool) -> None:
    """Show one response's pairs as a readable list, then its tables (- reads standard input).

    \b
    Examples:
      foiextract show corpora/barnet-scr-dhr/barnet_6015464.md
      foiextract show --explain letter.pdf     # why a paragraph is (or is not) a question
      foiextract show --no-tables annex.pdf    # the pairs alone
      cat letter.md | foiextract show - --json | jq '.[0].pairs[].value'
    """
    from .cells.render import render_tables, table_checks
    from .pipeline import extract_file

    if explained and as_json:
        raise click.UsageError("--explain and --json cannot go together")
    with stdin_as_file((path,)) as (inputs, labels):
        read = inputs[0]
        try:
            extractions = extract_file(read)
        except FoiExtractError as err:
            raise click.ClickException(str(err).replace(read, labels.get(read, read))) from None
        if explained:
            _explain(read)
    shown = labels.get(read)
    if as_json:
        click.echo(json.dumps([_as_json(e, read, shown) for e in extractions],
                              ensure_ascii=False, indent=1, default=str))
        return
    width = 100
    for extraction in extractions:
        rows = extraction.rows()
        doc = rows["documents"][0]
        source = str(doc["source"]).replace(read, shown) if shown else doc["source"]
        click.secho(f"{source} ({doc['format']})", bold=True)
        facts = [f"{k}: {doc[k]}" for k in ("authority", "reference", "received_date",
                                            "response_date", "legislation", "exemptions",
                                            "flags") if doc.get(k)]
        click.echo("  " + "; ".join(facts))
        for pair in rows["pairs"]:
            item = f" [item {pair['request_item']}]" if pair["request_item"] else ""
            shared = " (shared)" if pair["shared"] else ""
            click.echo("")
            click.secho(textwrap.fill(f"{pair['pair_no']}. {pair['question']}{item}", width,
                                      subsequent_indent="   "), bold=True)
            answer = pair["answer"] or "(no answer)"
            click.echo(textwrap.fill(answer, width, initial_indent="   ",
                                     subsequent_indent="   "))
            value = f" = {pair['value']}" if pair.get("value") else ""
            click.secho(f"   -> {pair.get('kind')}{value}{shared}", fg="cyan")
        unanswered = doc.get("unanswered_items")
        if unanswered:
            click.echo(f"\nunanswered request items: {unanswered}")
        if rows["cells"] and not with_tables:
            tables = len({cell["table_no"] for cell in rows["cells"]})
            status = Counter(str(check["status"]) for check in rows["checks"])
            checked = ", ".join(f"{n} {name}" for name, n in sorted(status.items()))
            click.echo(f"\n  {len(rows['cells'])} table cells in {tables} table(s)"
                       + (f"; printed totals: {checked}" if checked else "")
                       + " (without --no-tables, show prints them)")
        if not extraction.pairs and not explained:
            click.echo("\n  no question/answer pairs found: the letter may answer in running text "
                       "or tables alone (--explain shows how each paragraph was read)")
        if with_tables and extraction.cells:
            click.echo("")
            for line in render_tables(extraction.cells, table_checks(extraction.cells), width):
                click.secho(line, bold=line.startswith("Table "),
                            fg="red" if line.startswith("  ! ") else None)


def _as_json(extraction: Extraction, read: str, shown: str | None) -> dict[str, Any]:
    """One document as JSON: ``document`` (its documents row), ``pairs`` (each with its
    ``values``), ``exemptions`` and ``requests``; read from standard input, its source is ``-``."""
    def label(row: Mapping[str, Any]) -> dict[str, Any]:
        if shown and isinstance(row.get("source"), str):
            return {**row, "source": str(row["source"]).replace(read, shown)}
        return dict(row)

    rows = extraction.rows()
    values: dict[Any, list[dict[str, Any]]] = {}
    for value in rows["values"]:
        values.setdefault(value["pair_no"], []).append(
            {k: v for k, v in value.items() if k not in ("doc_id", "pair_no")})
    return {"document": label(rows["documents"][0]),
            "pairs": [{**label(p), "values": values.get(p["pair_no"], [])}
                      for p in rows["pairs"]],
            "exemptions": [label(e) for e in rows["exemptions"]],
            "requests": [dict(r) for r in rows["requests"]]}


def _explain(path: str) -> None:
    """The segmenter's reading of each paragraph of the document (a thread: its reply)."""
    from .correspondence import focus
    from .readers import read_document
    from .segment import explain

    document = read_document(path)
    if document.messages:
        document = focus(document)
    click.secho("how each paragraph was read (role, rule, text):", bold=True)
    for line in explain(document):
        click.echo("  " + (line if len(line) <= 160 else line[:159] + "…"))
    click.echo("")


@main.command(name="eval")
@click.argument("folders", nargs=-1, type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--no-misses", is_flag=True, help="Leave out the list of misses by document.")
@click.option("--no-batches", is_flag=True, help="Score documents only, not batch folders.")
@click.option("--heldout-details", is_flag=True,
              help="Also show the held-out documents' rows and misses (not for tuning).")
def eval_command(folders: tuple[str, ...], as_json: bool, no_misses: bool, no_batches: bool,
                 heldout_details: bool) -> None:
    """Score extraction against the gold annotations (*.gold.json) in FOLDERS.

    Prints pair precision, recall and F1, answer, kind and value accuracy and
    document-field accuracy, by document and in total, for constructed letters,
    real letters tuned on, and real letters held out (untouched) apart; then
    each batch folder's cell accuracy when compiled with its request, and the
    misses. Exits with 1 when a document or batch could not be read.

    \b
    Example:
      foiextract eval corpora/ ../shared/corpora/
    """
    from .evaluate import evaluate, render

    report = evaluate(folders or ("corpora",), batches=not no_batches)
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=1))
    else:
        click.echo(render(report, misses=not no_misses, heldout_details=heldout_details))
    if report.failed:
        click.echo(f"error: {len(report.failed)} could not be read: "
                   + ", ".join(report.failed), err=True)
        sys.exit(1)


@main.command()
@click.argument("answer")
@click.option("-q", "--question", default=None, help="The question the answer answers.")
@click.option("--json", "as_json", is_flag=True, help="Print every field as JSON.")
def parse(answer: str, question: str | None, as_json: bool) -> None:
    """Read one answer as a structured value.

    \b
    Example:
      foiextract parse "fewer than 5" --question "How many cases?"
    """
    from dataclasses import asdict

    from .values import parse_answer

    value = parse_answer(answer, question)
    if as_json:
        click.echo(json.dumps(asdict(value), ensure_ascii=False))
        return
    fields = {k: v for k, v in asdict(value).items() if v not in (None, "", ()) and k != "atoms"}
    click.echo(f"{value.kind} {value.value!r}".rstrip())
    for key, field_value in fields.items():
        if key not in ("kind", "value"):
            click.echo(f"  {key}: {field_value}")
    for atom in value.atoms:
        click.echo(f"  - {atom.label or atom.kind}: {atom.number if atom.number is not None else ''}"
                   f"{' ' + atom.unit if atom.unit else ''} {atom.date_start or ''}".rstrip())

