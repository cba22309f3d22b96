"""The twenty-ninth set of treaties nobody tuned for (tests/fixtures/unseen29, see its README): the European
Convention on State Immunity (1972), the Statute of the Group of States against Corruption (GRECO, 1999), the ILO
Indigenous and Tribal Peoples Convention (No. 169, 1989) and the Geneva Convention on the International Recognition
of Rights in Aircraft (1948), spot-checked (checks.toml) and questioned (evals/unseen-29.jsonl) from the texts alone,
before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

from mea_assistant.assistant import Assistant

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. On the blind run (the final code of round 15, parser v36) 31 of 32 held.
KNOWN: dict[tuple[str, str], str] = {
    ("indigenous-peoples-convention-1989", "39 2"): "its number printed twice ('2. 2. Each Member ...'): the second "
                                                     "stays in the paragraph's text",
}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen29", KNOWN, lost=LOST)


assistant_u29 = treaty_sets.assistant_fixture("unseen29")


def test_the_number_an_organisation_gives_a_convention_is_a_name(assistant_u29: Assistant) -> None:
    """The ILO numbers its conventions (No. 169); the convention's own text never prints the number, so on the blind
    run every question on "ILO Convention 169" was abstained as naming something the texts lack. The number is part
    of a name; the organisation must still be supported, and a question on another convention still finds
    nothing to cite."""
    from mea_assistant.abstention import specific_terms

    assert specific_terms("When must governments consult indigenous peoples under ILO Convention 169?") == ["ILO"]
    answer = assistant_u29.ask("When must governments consult indigenous peoples under ILO Convention 169, and with "
                               "what aim?")
    assert not answer.abstained and answer.citations[0].ref.startswith("Art. 6(1)")
    assert assistant_u29.ask("What does ILO Convention No. 182 say about the worst forms of child labour?").abstained
