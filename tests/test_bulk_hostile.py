"""Hostile inputs beside good documents: each hostile file ends as one row, the good ones intact."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import foiextract
from foiextract.bulk import BulkOptions, Limits, run_bulk
from foiextract.cli import main
from foiextract.compile import compile_responses
from foiextract.errors import printable
from foiextract.writers import read_table

from .hostile import Case, make_hostile, make_zip_cases

GOOD = ["corpora/singles/leeds_EIR-21-0457.md", "corpora/singles/sheffield_FOI-21-312.pdf",
        "corpora/singles/essex_ECC-FOI-14433.docx", "corpora/singles/gmp_FOI-4113-21.html",
        "corpora/singles/cornwall_101003456.eml", "corpora/singles/kent_11045221.txt"]
# Text from inside the hostile files; no error message may quote it.
INSIDE = ("How many", "Three", "lol", "passwd", "Not Found", "cases were")
TIME_LIMIT = 20.0


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Case], Path, Path]:
    root = tmp_path_factory.mktemp("hostile")
    cases = make_hostile(root / "in")
    for good in GOOD:
        shutil.copy(good, root / "in" / Path(good).name)
    options = BulkOptions(jobs=2, progress=False, limits=Limits(timeout=TIME_LIMIT))
    started = time.monotonic()
    run_bulk([str(root / "in")], str(root / "mixed"), "csv", options)
    assert time.monotonic() - started < 60
    run_bulk([str(root / "in" / Path(g).name) for g in GOOD], str(root / "clean"), "csv", options)
    return cases, root / "mixed", root / "clean"


def test_every_hostile_file_is_one_row_of_its_kind(mixed_run: tuple[dict[str, Case], Path, Path]
                                                  ) -> None:
    cases, mixed, _ = mixed_run
    errors = read_table(str(mixed / "errors.csv"), "errors")
    documents = read_table(str(mixed / "documents.csv"), "documents")
    assert errors["source"].is_unique
    for name, case in cases.items():
        # A name that is not UTF-8 is shown with its odd bytes escaped (caf\xe9 reply.md).
        rows = errors[errors["source"] == printable(str(case.path))]
        read = documents[documents["source"] == printable(str(case.path))]
        if case.kind is None:
            assert (len(rows), len(read)) == (0, 1), f"{name}: {case.why}"
        else:
            assert list(rows["kind"]) == [case.kind], f"{name}: {case.why}: {list(rows['message'])}"
            assert len(read) == 0


def test_error_messages_name_the_file_and_never_quote_it(
        mixed_run: tuple[dict[str, Case], Path, Path]) -> None:
    _, mixed, _ = mixed_run
    errors = read_table(str(mixed / "errors.csv"), "errors")
    for source, message in zip(errors["source"], errors["message"]):
        assert message.startswith(f"{source}: ") and "\n" not in message
        assert not any(text in message for text in INSIDE), message


def test_good_documents_beside_them_come_out_as_in_a_clean_run(
        mixed_run: tuple[dict[str, Case], Path, Path]) -> None:
    _, mixed, clean = mixed_run
    for table in ("pairs", "values", "exemptions", "requests"):
        clean_rows = read_table(str(clean / f"{table}.csv"), table)
        mixed_rows = read_table(str(mixed / f"{table}.csv"), table)
        ids = set(clean_rows["doc_id"])
        kept = mixed_rows[mixed_rows["doc_id"].isin(ids)].reset_index(drop=True)
        assert len(clean_rows) > 0 or table == "exemptions"
        pd.testing.assert_frame_equal(kept, clean_rows)


def test_windows_1252_text_is_decoded_not_mangled(
        mixed_run: tuple[dict[str, Case], Path, Path]) -> None:
    cases, mixed, _ = mixed_run
    pairs = read_table(str(mixed / "pairs.csv"), "pairs")
    rows = pairs[pairs["source"] == str(cases["windows_1252"].path)]
    assert rows["question"].str.contains("cafés").any()


def test_a_read_document_with_no_pairs_is_unknown_and_flagged_not_granted(
        mixed_run: tuple[dict[str, Case], Path, Path]) -> None:
    cases, mixed, _ = mixed_run
    documents = read_table(str(mixed / "documents.csv"), "documents")
    row = documents[documents["source"] == str(cases["no_pairs"].path)].iloc[0]
    assert (row["n_pairs"], row["outcome"], row["flags"]) == (0, "unknown", "no_pairs")
    granted = documents[documents["outcome"] == "granted"]
    assert (granted["n_pairs"] > 0).all()


@pytest.mark.parametrize("name,question", [("utf16_bom", "cafés"), ("utf32_bom", "cafés"),
                                           ("utf16_html", "cafés"),
                                           ("control_characters", "cases were there?\x1a")])
def test_text_in_other_encodings_and_control_characters_is_read_as_written(
        mixed_run: tuple[dict[str, Case], Path, Path], name: str, question: str) -> None:
    cases, mixed, _ = mixed_run
    pairs = read_table(str(mixed / "pairs.csv"), "pairs")
    rows = pairs[pairs["source"] == str(cases[name].path)]
    assert rows["question"].str.contains(question, regex=False).any(), name


def test_the_run_leaves_no_temporary_files(mixed_run: tuple[dict[str, Case], Path, Path]) -> None:
    _, mixed, _ = mixed_run
    assert sorted(p.name for p in mixed.iterdir() if p.name.startswith(".")) == [".foiextract"]


def test_a_symlink_out_of_the_folder_is_read_only_when_asked(tmp_path: Path) -> None:
    cases = make_hostile(tmp_path / "in")
    link = str(cases["symlink_outside"].path)
    result = CliRunner().invoke(main, ["extract", link, str(tmp_path / "in" / "utf16_with_bom.txt"),
                                       "-o", str(tmp_path / "named")])
    assert result.exit_code == 0, result.output  # a file named directly is always read
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "in"), "-o", str(tmp_path / "no"),
                                       "--jobs", "2", "--timeout", "20"])
    assert "unsafe_path" in result.output and "--follow-symlinks" in result.output
    summary = run_bulk([str(tmp_path / "in")], str(tmp_path / "yes"), "csv",
                       BulkOptions(jobs=2, progress=False, follow_symlinks=True,
                                   limits=Limits(timeout=TIME_LIMIT)))
    assert link not in {e["source"] for e in summary.errors}


def test_control_characters_do_not_lose_the_workbook_and_it_is_the_same_bytes_every_run(
        tmp_path: Path) -> None:
    cases = make_hostile(tmp_path / "in")
    inputs = [str(cases[name].path) for name in ("control_characters", "utf16_bom", "no_pairs")]
    inputs += GOOD[:2]
    books = []
    for n, jobs in enumerate((1, 2)):
        out = tmp_path / f"run{n}.xlsx"
        run_bulk(inputs, str(out), None, BulkOptions(jobs=jobs, progress=False))
        books.append(out.read_bytes())
        time.sleep(1.1 if n == 0 else 0)  # the clock moves on between runs
    assert books[0] == books[1]
    pairs = read_table(str(tmp_path / "run0.xlsx"), "pairs")
    question = pairs[pairs["source"] == inputs[0]]["question"].iloc[0]
    assert "\x1a" not in question and "\ufffd" in question


@pytest.fixture(scope="module")
def zip_batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Case], object]:
    folder = tmp_path_factory.mktemp("zips")
    cases = make_zip_cases(folder / "in")
    shutil.copy("corpora/london-scr-dhr-batch/camden_CAM8842.md", folder / "in")
    before = _workdirs()
    # The ZIPs are found in the folder given; the damaged one is also named on its own.
    batch = compile_responses([str(folder / "in"), str(cases["zip_damaged"].path)],
                              request="corpora/london-scr-dhr-batch/request.md")
    assert _workdirs() <= before
    return cases, batch


def _workdirs() -> set[str]:
    return {p for p in os.listdir(tempfile.gettempdir()) if p.startswith("foiextract-compile-")}


def test_each_bad_zip_in_compile_is_one_errors_row_and_the_rest_compiles(
        zip_batch: tuple[dict[str, Case], object]) -> None:
    cases, batch = zip_batch
    errors = batch.errors  # type: ignore[attr-defined]
    for name, case in cases.items():
        rows = errors[errors["source"] == str(case.path)]
        assert list(rows["kind"]) == [case.kind] * len(rows) and len(rows) >= 1, (name, case.why)
    authorities = list(batch.dataset["authority"])  # type: ignore[attr-defined]
    assert authorities == ["London Borough of Camden"]
    for message in errors["message"]:
        assert "\n" not in message and "evil" not in message


def test_a_killed_compile_leaves_no_unpacked_folder_after_the_next(tmp_path: Path) -> None:
    stale = Path(tempfile.gettempdir()) / "foiextract-compile-999999999-x"
    (stale / "archive-1").mkdir(parents=True, exist_ok=True)
    compile_responses([str(tmp_path)], request=["How many reviews?"])
    assert not stale.exists()


def test_an_emphasis_storm_under_a_memory_cap_is_read_not_a_crash(tmp_path: Path) -> None:
    storm = tmp_path / "in" / "emphasis_storm_2_7mb.md"
    storm.parent.mkdir()
    storm.write_text("**1. How many?**\n\n" + "*a **b _c __d " * 193_000 + "\n")
    summary = run_bulk([str(storm)], str(tmp_path / "out"), "csv",
                       BulkOptions(jobs=1, progress=False,
                                   limits=Limits(timeout=60, memory_limit=512 * 1024 * 1024)))
    assert (summary.documents, summary.errors) == (1, [])


def test_peak_memory_of_the_emphasis_storm_is_under_20_times_its_size(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_memory",
                                                  "benchmarks/bench_memory.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    base, _, _ = bench.measure(bench.tiny(tmp_path))
    storm = bench.emphasis_storm(tmp_path, 2.7)
    peak, _, outcome = bench.measure(storm)
    assert outcome == "1 pairs"
    assert (peak - base) / storm.stat().st_size < bench.LIMIT_RATIO


def test_the_python_api_refuses_a_symlink_out_of_the_folder_as_the_cli_does(tmp_path: Path
                                                                           ) -> None:
    import foiextract

    from .hostile import CASES

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(GOOD[0], folder)
    link = CASES["symlink_outside"][0](folder)
    result = foiextract.extract(folder)
    assert list(result.errors["source"]) == [str(link)]
    assert list(result.errors["kind"]) == ["unsafe_path"]
    assert list(result.documents["source"]) == [str(folder / Path(GOOD[0]).name)]
    # A file named directly is always read, a link or not.
    named = foiextract.extract([str(link)])
    assert named.errors.empty and len(named.documents) == 1


def test_a_file_name_that_is_not_utf8_is_shown_escaped_and_the_tables_are_written(
        mixed_run: tuple[dict[str, Case], Path, Path]) -> None:
    cases, mixed, _ = mixed_run
    documents = read_table(str(mixed / "documents.csv"), "documents")
    shown = str(cases["non_utf8_name"].path.parent / "caf\\xe9 reply.md")
    assert list(documents[documents["source"] == shown]["n_pairs"]) == [1]


def test_an_unreadable_file_whose_name_is_not_utf8_still_gives_tables(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.md"), "wb"):
        pass  # empty: an errors row made in the parent, not by a reader
    result = foiextract.extract(str(folder))
    (row,) = result.errors.to_dict("records")
    assert row["kind"] == "empty_file" and row["source"].endswith("caf\\xe9.md")
    result.write(tmp_path / "out")
    assert "caf\\xe9.md" in (tmp_path / "out" / "errors.csv").read_text("utf-8")
