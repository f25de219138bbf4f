"""The ``foiextract review`` command: build the review page of an output, and serve it.

>>> review_command.name
'review'
"""

from __future__ import annotations

import click

from ..errors import FoiExtractError


@click.command(name="review")
@click.argument("out", type=click.Path(exists=True))
@click.option("--corrections", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="The corrections file decisions go to (default: OUT/corrections.csv, "
                   "NAME.corrections.csv beside a .db or .xlsx output).")
@click.option("--to", "folder", type=click.Path(file_okay=False), default=None,
              help="Folder to write the page in (default: OUT/review-page/).")
@click.option("--who", default=None, help="Your name in the corrections (default: your login).")
@click.option("--serve", is_flag=True,
              help="Serve the page on 127.0.0.1 and write each decision to the corrections "
                   "file as it is made (Ctrl-C stops).")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port for --serve (0: any free port).")
def review_command(out: str, corrections: str | None, folder: str | None, who: str | None,
                   serve: bool, port: int) -> None:
    """Build a review page for an extract or compile output OUT.

    The page is one HTML file with the page images beside it (no network): the
    doubtful cells first, each with its question, answer, typed value, why it is
    doubtful and its source (the PDF page with the answer's box, or the lines
    around it). Keys: a accept, e correct the value (type, Enter), c change the
    kind, x not an answer, j/k next/previous, l every cell, / find. Opened from
    disk, "Export corrections" downloads corrections.csv (put it in OUT); with
    --serve each decision is written to it at once. The next extract or compile
    into OUT applies them.

    \b
    Example:
      foiextract compile responses/ -r request.md -o batch/
      foiextract review batch/ --serve
      foiextract review out/ && xdg-open out/review-page/index.html
    """
    from .page import build_review

    try:
        page = build_review(out, folder, corrections, who)
    except FoiExtractError as err:
        raise click.ClickException(str(err)) from None
    click.echo(f"{page.path}: {page.doubtful} cell(s) to review of {page.items}"
               + (f", {page.stale} stale correction(s)" if page.stale else ""), err=True)
    if not serve:
        return
    from .serve import review_server

    try:
        server = review_server(page, port)
    except OSError as err:
        raise click.ClickException(f"could not serve on 127.0.0.1:{port}: {err.strerror}") \
            from None
    bound = server.server_address[1]
    click.echo(f"serving http://127.0.0.1:{bound}/ (decisions go to {page.corrections}; "
               "Ctrl-C stops)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
