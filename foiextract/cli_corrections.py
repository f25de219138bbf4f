"""The ``--corrections`` option of ``extract`` and ``compile``, and what they say after.

>>> import click
>>> [p.name for p in click.command()(corrections_option(lambda **kw: None)).params]
['corrections']
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import click

from .errors import FoiExtractError

if TYPE_CHECKING:
    from .corrections import Corrector


def corrections_option(command: Any) -> Any:
    """``--corrections FILE``: the corrections to apply (default: the one beside the output)."""
    return click.option(
        "--corrections", type=click.Path(dir_okay=False), default=None, metavar="FILE",
        help="Corrections to apply to the rows (key,field,old_value,new_value,who,when,note). "
             "Default: OUT/corrections.csv (NAME.corrections.csv beside a one-file output) "
             "when it exists.")(command)


def load_corrections(given: str | None, out: str) -> Corrector:
    """The run's corrections, or a one-line error about the file."""
    from .corrections import load_corrector

    try:
        return load_corrector(given, out)
    except FoiExtractError as err:
        raise click.ClickException(str(err)) from None


def warn_stale(corrector: Corrector, out: str) -> None:
    """Write the corrections report beside ``out``; one warning line a stale correction."""
    from .corrections import finish

    for line in finish(corrector, out):
        click.echo(line, err=True)


@click.group(name="corrections")
def corrections_group() -> None:
    """Work with the corrections people made (see foiextract review).

    \b
    Example:
      foiextract corrections suggest batch/ --to my-words/
    """


@corrections_group.command(name="suggest")
@click.argument("outputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--to", "folder", type=click.Path(file_okay=False), default=None,
              envvar="FOIEXTRACT_DATA", help="The data folder the entries are for "
              "(default: FOIEXTRACT_DATA, as foiextract --data sets it).")
@click.option("--min-count", type=click.IntRange(min=2), default=2, show_default=True,
              help="How many answers must share a correction before it is proposed.")
@click.option("--write", is_flag=True, help="Write the proposed file (accept the diff).")
def suggest_command(outputs: tuple[str, ...], folder: str | None, min_count: int,
                    write: bool) -> None:
    """Propose vocabulary entries from repeated corrections in OUTPUTS, as a diff.

    Reads each output's corrections.csv and the answers they were made on. A
    kind corrected to not_held, not_applicable, withheld or published on
    answers sharing a phrase the vocabulary lacks proposes that phrase; a
    short answer corrected to the same whole number proposes a number word.
    Prints the diff of the data folder's values_vocab.json; --write writes
    it, and the next run reads by it.

    \b
    Example:
      foiextract corrections suggest batch-2020/ batch-2021/ --to my-words/
      foiextract corrections suggest batch/ --to my-words/ --write
      foiextract --data my-words compile responses/ -r request.md -o batch/
    """
    from .corrections import corrections_path, read_corrections
    from .corrections.suggest import overlay_diff, suggest
    from .review.load import load_output
    from .writers import atomic_write

    if folder is None:
        raise click.UsageError("give the data folder with --to (or FOIEXTRACT_DATA)")
    corrections, answers = [], {}
    try:
        for out in outputs:
            path = corrections_path(out)
            if path is None or not os.path.isfile(path):
                click.echo(f"warning: {out}: no corrections file ({path})", err=True)
                continue
            corrections.extend(read_corrections(path))
            answers.update({item["key"]: item["answer"] for item in load_output(out).items})
    except FoiExtractError as err:
        raise click.ClickException(str(err)) from None
    found = suggest(corrections, answers, min_count)
    for s in found:
        click.echo(f"{s.list_name}: {s.phrase!r} ({s.meaning}, {s.support} corrections)",
                   err=True)
    if not found:
        click.echo("no repeated corrections to learn from", err=True)
        return
    text, diff = overlay_diff(folder, found)
    click.echo(diff, nl=False)
    if write:
        def write_file(tmp: str) -> None:
            with open(tmp, "w", encoding="utf-8") as handle:
                handle.write(text)

        os.makedirs(folder, exist_ok=True)
        atomic_write(os.path.join(folder, "values_vocab.json"), write_file)
        click.echo(f"wrote: {os.path.join(folder, 'values_vocab.json')}", err=True)
