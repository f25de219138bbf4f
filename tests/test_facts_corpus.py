"""Document facts against every gold file in corpora/ (batch.gold.json excepted).

A document whose reader is not there yet (ImportError/AttributeError) is
skipped; the others must reach the targets of issue 5: each field right for at
least 95% of documents, exemptions right as sets for at least 90%.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from foiextract.errors import FoiExtractError
from foiextract.foi import Facts, read_facts
from foiextract.model import Document
from foiextract.readers import read_document

from .conftest import SOFFICE_ABSENT, documents_with_gold, readable

ROOT = Path(__file__).resolve().parent.parent
# The development documents' gold (constructed and real tuned on) that this machine can read.
# The constructed documents' gold and the first real letters', that this machine can read
# (the later real letters are measured by `foiextract eval`, facts included).
GOLDS = [p.with_name(p.name.rsplit(".", 1)[0] + ".gold.json")
         for p in documents_with_gold("", splits=("constructed",))
         + [d for d in documents_with_gold("", splits=("real-tune",))
            if d.parent == ROOT / "corpora" / "real"] if readable(p)]
FIELDS = ("authority", "authority_code", "reference", "received_date", "response_date", "legislation")
FIELD_TARGET = 0.95
EXEMPTION_TARGET = 0.90


def _read(gold_path: Path) -> tuple[Document, dict[str, object]] | None:
    gold = json.loads(gold_path.read_text("utf-8"))
    try:
        document = read_document(gold_path.parent / str(gold["file"]))
    except (ImportError, AttributeError):
        return None
    if document.messages:
        # As the pipeline does: a thread is read focused on its request and substantive reply.
        try:
            from foiextract.correspondence import focus
        except ImportError:
            pass
        else:
            document = focus(document)
    return document, gold["document"]


@pytest.fixture(scope="module")
def results() -> list[tuple[str, Facts, dict[str, object]]]:
    out = []
    for gold_path in GOLDS:
        read = _read(gold_path)
        if read is not None:
            document, expected = read
            out.append((str(gold_path.relative_to(ROOT)), read_facts(document), expected))
    if not out:
        pytest.skip("no reader available yet")
    return out


def test_corpus_has_golds() -> None:
    assert len(GOLDS) >= 30


@pytest.mark.parametrize("field", FIELDS)
def test_field_accuracy(results: list[tuple[str, Facts, dict[str, object]]], field: str) -> None:
    misses = [f"{name}: {getattr(facts, field)!r} != {gold[field]!r}"
              for name, facts, gold in results if getattr(facts, field) != gold[field]]
    rate = 1 - len(misses) / len(results)
    assert rate >= FIELD_TARGET, f"{field} right for {rate:.0%}: " + "; ".join(misses)


def test_exemptions_as_sets(results: list[tuple[str, Facts, dict[str, object]]]) -> None:
    misses = []
    for name, facts, gold in results:
        expected = set(gold["exemptions"])  # type: ignore[call-overload]
        got = {c.provision for c in facts.exemptions}
        if got != expected:
            misses.append(f"{name}: {sorted(got)} != {sorted(expected)}")
    rate = 1 - len(misses) / len(results)
    assert rate >= EXEMPTION_TARGET, f"exemptions right for {rate:.0%}: " + "; ".join(misses)


def test_every_cited_provision_is_named(results: list[tuple[str, Facts, dict[str, object]]]) -> None:
    for name, facts, _gold in results:
        for citation in facts.exemptions:
            assert citation.name, f"{name}: {citation.provision} has no name in the table"
            assert citation.text, f"{name}: {citation.provision} has no citing sentence"


def test_late_flag_matches_working_days(results: list[tuple[str, Facts, dict[str, object]]]) -> None:
    for name, facts, _gold in results:
        if facts.working_days is not None:
            assert facts.late == (facts.working_days > 20), name
            assert ("late" in facts.flags) == facts.late, name


def test_same_input_same_facts() -> None:
    gold_path = next(p for p in GOLDS if p.name == "barnet_6015464.gold.json")
    read = _read(gold_path)
    if read is None:
        pytest.skip("Markdown reader not available")
    assert read_facts(read[0]) == read_facts(read[0])


@pytest.mark.parametrize("path", sorted(
    p for p in (ROOT / "corpora" / "real").iterdir()
    if p.suffix in (".pdf", ".md", ".txt", ".html", ".docx", ".doc") and p.name != "README.md"))
def test_real_documents_never_crash(path: Path) -> None:
    if not readable(path):
        pytest.skip(SOFFICE_ABSENT)
    try:
        document = read_document(path)
    except (ImportError, AttributeError, FoiExtractError):
        pytest.skip("no reader or unreadable")
    facts = read_facts(document)
    assert facts.legislation in ("FOIA", "EIR", "FOISA", "EIRS", "FOIA-US", "")
    if path.name.startswith("Chicago"):
        # Illinois letters rely on the Illinois Act's provisions, in its short form, named.
        assert facts.legislation == "FOIA-US"
        assert all(c.provision.startswith("5 ILCS 140/") and c.name for c in facts.exemptions)


def test_an_illinois_letter_relies_on_its_exemptions_not_on_its_review_sections() -> None:
    # Cited by the statute or as a section of the Act, in the statute's short form; the duty to
    # answer, review and judicial review are cited but not relied on.
    from foiextract.readers.markdown import parse
    from foiextract.foi import read_facts

    document = parse("The Chicago Police Department (CPD) received your request under the Illinois "
                     "Freedom of Information Act, 5 ILCS 140/1 et seq., on August 10, 2015.\n\n"
                     "Portions have been redacted pursuant to Section 7(1)(c) of FOIA. Your "
                     "request for all emails is unduly burdensome under 5 ILCS 140/3(g).\n\n"
                     "You may seek judicial review under 5 ILCS 140/11.\n", "us.md")
    facts = read_facts(document)
    assert facts.legislation == "FOIA-US"
    assert [c.provision for c in facts.exemptions] == ["5 ILCS 140/7(1)(c)", "5 ILCS 140/3(g)"]
    assert facts.authority == "Chicago Police Department"
    assert facts.received_date == "2015-08-10"
