"""The foi_values spaCy component, reached by name through the entry point."""

from __future__ import annotations

import subprocess
import sys

import spacy


def test_blank_pipeline_add_pipe_sets_foi_value() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("foi_values")
    doc = nlp("Fewer than 5.")
    assert doc._.foi_value.kind == "suppressed"
    assert doc._.foi_value.value == "<5"


def test_component_reads_the_question_from_user_data() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("foi_values")
    doc = nlp.make_doc("None")
    doc.user_data["foi_question"] = "Please send me a copy of the report."
    assert nlp.get_pipe("foi_values")(doc)._.foi_value.kind == "none"
    doc = nlp.make_doc("None")
    doc.user_data["foi_question"] = "How many reports were published?"
    assert nlp.get_pipe("foi_values")(doc)._.foi_value.value == "0"


def test_entry_point_registers_the_factory_without_importing_foiextract() -> None:
    # A fresh interpreter that never imports foiextract: spaCy must find the
    # factory through the ``spacy_factories`` entry point alone.
    script = ("import spacy\nnlp = spacy.blank('en')\nnlp.add_pipe('foi_values')\n"
              "print(nlp('£1.2m')._.foi_value.value)\n")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "1200000 GBP"


def test_a_merged_answers_part_is_read_for_a_question_worded_apart_from_its_group() -> None:
    # The question a pair asks may be worded otherwise than the group it shares an answer with
    # (a part named alone); its words then count once, and nothing divides by zero.
    from foiextract.values.parts import part_for

    answer = "We hold 4 contracts. The total spend was £12,000."
    group = ["How many contracts do you hold?", "What is the total spend?"]
    assert part_for(answer, "Contracts held by the council", group) == "We hold 4 contracts."
