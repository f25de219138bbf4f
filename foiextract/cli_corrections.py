"""The ``--corrections`` option of ``extract`` and ``compile``, and what they say after.

>>> import click
>>> [p.name for p in click.command()(corrections_option(lambda **kw: None)).params]
['corrections']
"""

from __future__ import annotations

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
