"""The fuzz step: hundreds of damaged corpus documents through the real bulk path.

Every mutant of :mod:`tests.mutants` (seeded, so the same files every run) is
extracted by the bulk runner, each in its own child process under time and
memory limits, beside the undamaged documents. Each mutant must come out as
rows or as exactly one ``errors`` row of a known kind; no reader may fail
unexpectedly (``worker_crash``) or hang (``timeout``); no traceback may reach
stderr; and the good documents must come out exactly as they do alone. A
hypothesis test then edits bytes where it likes, a few dozen times more.

The whole step is bounded: about a minute on two cores (``FUZZ_BUDGET`` is the
most it may take).
"""

from __future__ import annotations

import contextlib
import os
import random
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foiextract.bulk import BulkOptions, Limits, run_bulk
from foiextract.bulk.isolate import Task, run_isolated
from foiextract.errors import ERROR_KINDS
from foiextract.writers import read_table

from .mutants import ROOT, Mutant, corpus_documents, make_mutants

MIN_MUTANTS = 500
# Seconds the bulk run of every mutant may take on two cores (it takes about a minute).
FUZZ_BUDGET = 180.0
# OCR (where this foiextract has it) is off: the fuzz is about the readers, and reading a
# damaged page by OCR costs seconds a mutant.
_NO_OCR = {"ocr": False} if "ocr" in Limits.__dataclass_fields__ else {}
LIMITS = Limits(timeout=30, memory_limit=1024 * 1024 * 1024, **_NO_OCR)
# Kinds a damaged document may end as; a reader that raised something unexpected is a
# worker_crash, a hang a timeout, and neither is allowed.
ALLOWED = set(ERROR_KINDS) - {"worker_crash", "timeout"}
TABLES = ("documents", "pairs", "values", "exemptions", "requests")


@contextlib.contextmanager
def _stderr_into(path: Path) -> Iterator[None]:
    """Send this process's stderr (and that of every child it forks) into ``path``."""
    saved = os.dup(2)
    with open(path, "wb") as sink:
        os.dup2(sink.fileno(), 2)
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


class Fuzzed:
    """The fuzz run's inputs and outputs."""

    def __init__(self, mutants: list[Mutant], mixed: Path, clean: Path, stderr: str,
                 seconds: float) -> None:
        self.mutants = mutants
        self.mixed = mixed
        self.clean = clean
        self.stderr = stderr
        self.seconds = seconds

    def table(self, run: Path, name: str) -> pd.DataFrame:
        return read_table(str(run / f"{name}.csv"), name)


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> Fuzzed:
    root = tmp_path_factory.mktemp("fuzz")
    mutants = make_mutants(root / "mutants")
    originals = [str(ROOT / p) for p in corpus_documents()]
    options = BulkOptions(jobs=2, progress=False, limits=LIMITS)
    stderr = root / "stderr.txt"
    with _stderr_into(stderr):
        started = time.monotonic()
        run_bulk(originals + [str(root / "mutants")], str(root / "mixed"), "csv", options)
        seconds = time.monotonic() - started
        run_bulk(originals, str(root / "clean"), "csv", options)
    print(f"fuzz: {len(mutants)} mutants and {len(originals)} originals in {seconds:.1f} s")
    return Fuzzed(mutants, root / "mixed", root / "clean",
                  stderr.read_text("utf-8", errors="replace"), seconds)


def test_there_are_enough_mutants_of_every_format_and_the_run_is_bounded(fuzzed: Fuzzed) -> None:
    assert len(fuzzed.mutants) >= MIN_MUTANTS
    formats = {m.original.suffix for m in fuzzed.mutants}
    assert formats == {".md", ".pdf", ".docx", ".html", ".eml", ".txt"}
    assert fuzzed.seconds < FUZZ_BUDGET


def test_every_mutant_gives_rows_or_exactly_one_errors_row_of_a_known_kind(
        fuzzed: Fuzzed) -> None:
    documents = fuzzed.table(fuzzed.mixed, "documents")
    errors = fuzzed.table(fuzzed.mixed, "errors")
    read = documents["source"].value_counts().to_dict()
    failed = errors.groupby("source")["kind"].apply(list).to_dict()
    wrong = []
    for mutant in fuzzed.mutants:
        source = str(mutant.path)
        kinds, rows = failed.get(source, []), read.get(source, 0)
        ok = (len(kinds) == 1 and kinds[0] in ALLOWED and rows == 0) or (not kinds and rows >= 1)
        if not ok:
            messages = list(errors[errors["source"] == source]["message"])
            wrong.append(f"{mutant.path.name} ({'+'.join(mutant.operations)}): {kinds}, "
                         f"{rows} documents rows; {messages}")
    assert not wrong, "\n".join(wrong)


def test_no_traceback_reaches_stderr(fuzzed: Fuzzed) -> None:
    for sign in ("Traceback (most recent call last)", "Fatal Python error"):
        assert sign not in fuzzed.stderr, fuzzed.stderr[-3000:]


def test_error_messages_are_one_line_and_name_their_file(fuzzed: Fuzzed) -> None:
    errors = fuzzed.table(fuzzed.mixed, "errors")
    for source, message in zip(errors["source"], errors["message"]):
        assert message.startswith(f"{source}: ") and "\n" not in message


@pytest.mark.parametrize("table", TABLES)
def test_good_documents_beside_the_mutants_come_out_as_they_do_alone(fuzzed: Fuzzed,
                                                                     table: str) -> None:
    clean = fuzzed.table(fuzzed.clean, table)
    mixed = fuzzed.table(fuzzed.mixed, table)
    good = set(fuzzed.table(fuzzed.clean, "documents")["doc_id"])
    kept = mixed[mixed["doc_id"].isin(good)].reset_index(drop=True)
    assert len(clean) > 0
    pd.testing.assert_frame_equal(kept, clean)
    assert fuzzed.table(fuzzed.clean, "errors").empty


# Hypothesis edits bytes where it likes: a few dozen more mutants, each in its own child.
EDITS = st.lists(st.tuples(st.floats(0, 1), st.integers(0, 64),
                           st.binary(max_size=24)), min_size=1, max_size=6)


def _edited(data: bytes, edits: list[tuple[float, int, bytes]]) -> bytes:
    for where, cut, insert in edits:
        at = int(where * len(data))
        data = data[:at] + insert + data[at + cut:]
    return data


@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(document=st.sampled_from(corpus_documents()), edits=EDITS, seed=st.integers(0, 2 ** 16))
def test_any_edit_of_any_document_gives_rows_or_one_known_error(
        tmp_path: Path, document: Path, edits: list[tuple[float, int, bytes]], seed: int) -> None:
    data = _edited((ROOT / document).read_bytes(), edits)
    # Half the time, cut the edited document short as well.
    if seed % 2:
        data = data[:random.Random(seed).randrange(len(data) + 1)]
    path = tmp_path / f"edited{document.suffix}"
    path.write_bytes(data)
    record = run_isolated(Task(str(path), "k"), LIMITS)
    errors = record.tables.get("errors", [])
    if errors:
        assert len(errors) == 1 and set(record.tables) == {"errors"}
        assert errors[0]["kind"] in ALLOWED, errors[0]["message"]
    else:
        assert len(record.tables["documents"]) >= 1
