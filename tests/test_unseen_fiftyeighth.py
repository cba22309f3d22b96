"""The fifty-eighth set of treaties nobody tuned for (tests/fixtures/unseen58, see its README): the 1945
Netherlands-China treaty relinquishing extraterritorial rights in China (with its exchange of notes and agreed
minute), the 1959 Netherlands-US notes on filing classified patent applications, the 1998 OPCW facility agreement for
the TNO Prins Maurits Laboratory and the 1980 headquarters agreement with the International Tea Promotion
Association, spot-checked (checks.toml) and questioned (evals/unseen-58.jsonl) from the texts alone, before the system
was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import pytest
import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. Blind run on 61f57d8 (the round's final answer code, parser v63): 21 of 32 held; titles 2 of 4; 29 of 32
# since v66.
_NOTES = "the Chinese note's points and items, which the Dutch reply quotes again word for word, and the reply itself " \
         "are not read as parts of their own ('Notes 1(e)', 'Reply')"
# Parser v66 reads "1).  The Association's property ..." as paragraph 1 without the stray point (the tea agreement's
# 5(2), 15(2) and 24(3)) and the OPCW agreement's paragraphs, numbered from 1 again in each "### Section", as "Section
# 2(3)(a)(v)" (1 5, 2 3 a v, 6 c, 11, 17): known misses until then, they hold.
KNOWN: dict[tuple[str, str], str] = {
    ("china-extraterritoriality-treaty-1945", "Notes 1 e"): _NOTES,
    ("china-extraterritoriality-treaty-1945", "Reply"): _NOTES,
    ("classified-patent-applications-notes-1959", "5 b"): "the attached procedures' item 5(b) is not read below its "
                                                          "point 5",
}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {
    "opcw-facility-agreement-1998.md": "the equipment table's header row ('Item of approved inspection equipment' | "
                                       "'Agreed procedures for use'), followed by a second header row, is read into "
                                       "no record",
}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen58", KNOWN, lost=LOST)
# Names on the blind run: the China treaty and the patent notes kept the database's Dutch title (no English title
# line); since parser v64 the patent notes are titled by the heading of the procedures their first note attaches. The
# China treaty's own name is a phrase of its notes ("Treaty concluded to-day between ..."), which nothing reads yet.
test_each_is_named_after_itself = pytest.mark.xfail(strict=True, reason="the 1945 China treaty keeps the database's "
                                                    "Dutch title")(test_each_is_named_after_itself)


def test_notes_are_titled_by_what_the_first_attaches(docs) -> None:  # type: ignore[no-untyped-def]
    """The 1959 patent notes print no English title: the database's Dutch one, then "### Nr. I", a letterhead and the
    note, then "####Procedures for reciprocal filing of classified patent applications in the United States of America
    and the Netherlands", what the notes agree (the blind run kept the Dutch title)."""
    doc = docs["classified-patent-applications-notes-1959"]
    assert doc.title == ("Procedures for reciprocal filing of classified patent applications in the United States of "
                         "America and the Netherlands")
