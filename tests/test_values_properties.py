"""Property tests for the value reader: number words round-trip, nothing raises, same in -> same out."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from foiextract.values import parse_answer
from foiextract.values.numbers import words_to_int

UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
         "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _below_thousand(n: int, british_and: bool) -> str:
    hundreds, rest = divmod(n, 100)
    parts = []
    if hundreds:
        parts.append(f"{UNITS[hundreds]} hundred")
    if rest:
        if hundreds and british_and:
            parts.append("and")
        if rest < 20:
            parts.append(UNITS[rest])
        else:
            tens, unit = divmod(rest, 10)
            parts.append(TENS[tens] + (f"-{UNITS[unit]}" if unit else ""))
    return " ".join(parts)


def to_words(n: int, british_and: bool = True) -> str:
    """English words for 0 <= n < 1,000,000, written independently of the parser."""
    if n == 0:
        return "zero"
    thousands, rest = divmod(n, 1000)
    parts = []
    if thousands:
        parts.append(_below_thousand(thousands, british_and) + " thousand")
    if rest:
        if thousands and rest < 100 and british_and:
            parts.append("and")
        parts.append(_below_thousand(rest, british_and))
    return " ".join(parts)


def test_word_generator_writes_what_people_write() -> None:
    assert to_words(23) == "twenty-three"
    assert to_words(105) == "one hundred and five"
    assert to_words(999999) == ("nine hundred and ninety-nine thousand "
                                "nine hundred and ninety-nine")


@given(st.integers(min_value=0, max_value=999_999), st.booleans(), st.booleans())
@settings(max_examples=400, deadline=None)
def test_number_words_round_trip(n: int, british_and: bool, capital: bool) -> None:
    words = to_words(n, british_and)
    if capital:
        words = words[0].upper() + words[1:]
    assert words_to_int(words) == n
    value = parse_answer(words, "How many cases were there?")
    assert (value.kind, value.value, value.number) == ("count", str(n), float(n))


@given(st.text(max_size=300), st.one_of(st.none(), st.text(max_size=120)))
@settings(max_examples=400, deadline=None)
def test_no_input_raises_or_trips_the_safety_net(answer: str, question: str | None) -> None:
    value = parse_answer(answer, question)
    # parse_answer catches any exception as rule "error"; no input may need that net.
    assert value.rule != "error"


ANSWERISH = st.lists(st.sampled_from(
    ["£", "1,204", "2019/20", "N/A", "None", "fewer", "than", "5", "*", "|", ";", "Yes", "No",
     "section", "40(2)", "https://x.org/a", "March", "2021", "and", ",", "Q2", "-", "c.", "%",
     "between", "twenty-three", "not", "held", "exempt", "(", ")", ":", "the", "\\*"]),
    max_size=25).map(" ".join)


@given(ANSWERISH, st.sampled_from([None, "How many?", "When?", "Please list them.", "Is it?"]))
@settings(max_examples=400, deadline=None)
def test_answer_like_text_never_raises_and_is_deterministic(answer: str, question: str | None) -> None:
    first = parse_answer(answer, question)
    assert first.rule != "error"
    assert repr(parse_answer(answer, question)) == repr(first)


def test_same_value_across_processes_with_different_hash_seeds() -> None:
    script = ("from foiextract.values import parse_answer as p\n"
              "for a in ['Nil', '£1.2m', 'Camden, Islington and Hackney', 'Q2 2021', '*', "
              "'exempt under sections 40(2) and 41', 'approximately 40']:\n"
              "    print(repr(p(a, 'How many?')))\n")
    outputs = set()
    for seed in ("1", "2"):
        env = {"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}
        run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                             env=env, check=True)
        outputs.add(run.stdout)
    assert len(outputs) == 1


# Pieces of the answers the question-aware readers look at: tallies, labels, durations,
# denials and cross-references.
QUESTION_AWARE = st.lists(st.sampled_from(
    ["1", "3", "24", "x", "×", "2x", "Nurse", "Social", "Worker", ",", ";", "and", "Appendix",
     "Section", "117", "Band", "page", "hours", "working", "days", "year", "2018/19", "=", "no",
     "not", "n't", "do", "does", "employ", "any", "none", "of", "the", "our", "there", "were",
     "see", "please", "answer", "response", "to", "question", "Q3", "2a", "above", "below", "as",
     "per", "previous", ".", "Total", "evictions", "staff", "complaints", "held", "within"]),
    max_size=25).map(" ".join)
QUESTIONS = st.sampled_from([None, "How many staff are employed?", "How often are checks made?",
                             "How many hours of training?", "How many complaints were received?",
                             "Please list the roles.", "Do you employ staff?", "2019",
                             "How long does it take?"])


@given(QUESTION_AWARE, QUESTIONS)
@settings(max_examples=500, deadline=None)
def test_question_aware_readers_never_raise_and_are_deterministic(answer: str, question: str | None) -> None:
    first = parse_answer(answer, question)
    assert first.rule != "error"
    assert repr(parse_answer(answer, question)) == repr(first)


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_question_subject_and_references_never_raise(text: str) -> None:
    from foiextract.values.references import cross_reference
    from foiextract.values.subject import question_subject

    subject = question_subject(text)
    assert all(isinstance(w, str) for w in subject.words)
    ref = cross_reference(text)
    assert ref is None or ref.items or ref.where in ("previous", "next")


@given(st.lists(st.tuples(QUESTION_AWARE, st.one_of(st.none(), st.integers(min_value=0, max_value=6))),
                max_size=8))
@settings(max_examples=300, deadline=None)
def test_resolving_references_never_raises_and_keeps_other_values(
        rows: list[tuple[str, int | None]]) -> None:
    from foiextract.model import Pair
    from foiextract.values.references import RULE, resolve_references

    pairs = [Pair("How many staff?", answer, request_item=item,
                  value=parse_answer(answer, "How many staff?")) for answer, item in rows]
    resolved = resolve_references(pairs)
    assert len(resolved) == len(pairs)
    for before, after in zip(pairs, resolved):
        assert after.answer == before.answer
        if before.value is None or before.value.rule != RULE:
            assert after.value == before.value
    assert repr(resolve_references(pairs)) == repr(resolved)
