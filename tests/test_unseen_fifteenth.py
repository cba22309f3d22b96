"""The fifteenth set of treaties nobody tuned for (tests/fixtures/unseen15, see its README): the Convention on the International
Hydrographic Organization (1967), the Convention on the Elaboration of a European Pharmacopoeia (1964), the
Agreement on voluntary contributions to save the temples of Philae (1970) and the Convention on the Protection and
Promotion of the Diversity of Cultural Expressions (2005), spot-checked (checks.toml) and questioned
(evals/unseen-15.jsonl) from the texts alone, before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. On the blind run (c92ad2d, parser v27) 29 of 32 held.
KNOWN: dict[tuple[str, str], str] = {
    ("iho-convention-1967", "General Regulations 27 c"): "the General Regulations restart their article numbers",
    ("iho-convention-1967", "Financial Regulations 7"): "the Financial Regulations restart their article numbers",
    ("cultural-expressions-convention-2005", "2 6"): "a principle's titled paragraph under a bare '### I' chapter",
}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen15", KNOWN, lost=LOST)


def test_a_question_in_the_other_spelling_is_supported_by_the_text(docs) -> None:  # type: ignore[no-untyped-def]
    """The IHO Convention writes "Organisation"; a question about the "International Hydrographic Organization"
    asks about it, and was abstained on as if it named something the corpus lacks."""
    from mea_assistant.abstention import _supported, _together

    text = " ".join(p.text for p in docs["iho-convention-1967"].paragraphs).lower()
    assert "organization" not in text
    assert _supported("Organization", text, set())
    assert _together(["International", "Hydrographic", "Organization"], text)
    assert not _supported("Organizations", "the organ shall meet", set())
