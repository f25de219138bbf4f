"""Converting old word-processor formats (.doc, .odt, .rtf) to .docx with LibreOffice.

The Word reader reads only Office Open XML; older formats go through
``soffice --headless --convert-to docx`` first. Each conversion runs in its
own temporary directory with its own LibreOffice profile
(``-env:UserInstallation``), so parallel workers never share a profile lock,
and under a wall-clock limit, after which the whole process group is killed.

>>> legacy_kind(b"{\\\\rtf1\\\\ansi ...")
'rtf'
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Literal

from ..errors import ConverterMissing, CorruptFile, Timeout, TooLarge

LegacyKind = Literal["doc", "odt", "rtf"]
SOFFICE_NAMES = ("soffice", "libreoffice")
CONVERT_TIMEOUT_SECONDS = 120.0
MAX_OUTPUT_BYTES = 256 * 1024 * 1024


def legacy_kind(data: bytes) -> LegacyKind:
    """Which old format some bytes are in (the extension LibreOffice is given)."""
    if data.startswith(b"PK\x03\x04"):
        return "odt"
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "rtf"
    return "doc"


def find_soffice() -> str | None:
    """The path of LibreOffice's ``soffice`` on the PATH, or None."""
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def convert_to_docx(path: str, data: bytes,
                    timeout: float = CONVERT_TIMEOUT_SECONDS) -> bytes:
    """The bytes of a .docx converted by LibreOffice from ``data`` (read from ``path``).

    Raises :class:`ConverterMissing` without ``soffice``, :class:`Timeout`
    when LibreOffice takes longer than ``timeout`` seconds, and
    :class:`CorruptFile` when it produces nothing (damaged or protected input).

    >>> convert_to_docx("letter.doc", b"...")  # doctest: +SKIP
    b'PK\\x03\\x04...'
    """
    soffice = find_soffice()
    if soffice is None:
        raise ConverterMissing(path, "reading .doc, .odt or .rtf needs LibreOffice: "
                               "install it so that 'soffice' is on the PATH")
    kind = legacy_kind(data)
    with tempfile.TemporaryDirectory(prefix="foiextract-soffice-") as work:
        folder = Path(work)
        source = folder / f"input.{kind}"
        source.write_bytes(data)
        outdir = folder / "out"
        outdir.mkdir()
        command = [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                   "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                   "--convert-to", "docx", "--outdir", str(outdir), str(source)]
        _run(path, command, timeout, folder)
        produced = outdir / "input.docx"
        if not produced.is_file() or produced.stat().st_size == 0:
            raise CorruptFile(path, f"LibreOffice could not convert the .{kind} file "
                              "(damaged or password-protected?)")
        if produced.stat().st_size > MAX_OUTPUT_BYTES:
            raise TooLarge(path, "the converted Word file is over the size limit",
                           limit=MAX_OUTPUT_BYTES)
        return produced.read_bytes()


def _run(path: str, command: list[str], timeout: float, home: Path) -> None:
    env = dict(os.environ, HOME=str(home))
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, env=env, start_new_session=True)
    except OSError:
        raise ConverterMissing(path, "LibreOffice (soffice) could not be started") from None
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        # soffice forks helpers; end the whole session we started, by its id.
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait()
        raise Timeout(path, f"LibreOffice took longer than {timeout:.0f} s to convert the file",
                      limit=timeout) from None
