"""``python -m foiextract``: the command line, where the ``foiextract`` script is not on the PATH."""

from foiextract.cli import main

main()
