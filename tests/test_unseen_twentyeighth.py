"""The twenty-eighth set of treaties nobody tuned for (tests/fixtures/unseen28, see its README): the Hague Convention
on the International Protection of Adults (2000), the European Convention on Nationality (1997), the Convention
Establishing the Association of Caribbean States (1994) and the Constitution of the International Organization for
Migration (1953, as amended), spot-checked (checks.toml) and questioned (evals/unseen-28.jsonl) from the texts alone,
before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

from mea_assistant.assistant import Assistant

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. On the blind run (f371ced, parser v35) 31 of 32 held.
KNOWN: dict[tuple[str, str], str] = {
    ("caribbean-states-convention-1994", "I"): "the definitions printed on one line after 'In this Convention:' are "
                                                "read as one paragraph per term (Art. I, \"Association\"), so Art. I "
                                                "is the lead-in alone, not the line as the check reads it",
}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen28", KNOWN)


def test_a_body_is_named_by_its_initials_however_short(docs) -> None:  # type: ignore[no-untyped-def]
    """Neither constitution declares an acronym, and three letters were too short to read off a title: "IOM" and
    "ACS" named nothing, so "What is IOM supposed to do?" was held to the bar of an unnamed instrument and abstained.
    The body a title constitutes or establishes is called by its initials; as capitals only."""
    from mea_assistant.queries import analyse

    assert analyse("Who chooses IOM's Director General?", docs).doc_ids == ["iom-constitution-1953"]
    assert analyse("How does the ACS Ministerial Council take its decisions?", docs).doc_ids == \
        ["caribbean-states-convention-1994"]
    assert analyse("Who chooses the iom director?", docs).doc_ids == []


assistant_u28 = treaty_sets.assistant_fixture("unseen28")


def test_questions_on_a_body_named_by_its_initials_are_answered(assistant_u28: Assistant) -> None:
    """Both were abstained on the blind run: the constitution's article that re-elects "for one additional term"
    answers "a second term" (an ordinal after "a" is another, not one of a numbered series), and "supposed to do"
    asks for the purposes and functions the constitution's first article lists."""
    who = assistant_u28.ask("Who chooses IOM's Director General, and can the Director General serve a second term?")
    assert not who.abstained and "Art. 13(1)" in [c.ref for c in who.citations]
    what = assistant_u28.ask("What is IOM supposed to do according to its Constitution?")
    assert not what.abstained and what.citations[0].ref.startswith("Art. 1(1)")


def test_what_falls_outside_a_convention_is_found_in_its_scope_article(assistant_u28: Assistant) -> None:
    """"Which matters fall outside ...?" shares no word with "The Convention does not apply to:" and cited the
    final clauses; "fall outside" is read in the treaties' words for it (data/expansions.toml)."""
    answer = assistant_u28.ask("Which matters fall outside the Hague Adults Convention altogether?")
    assert answer.citations[0].ref.startswith("Art. 4(1)")
