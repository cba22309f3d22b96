"""The sixtieth set of treaties nobody tuned for (tests/fixtures/unseen60, see its README): the 2015
Netherlands-China film co-production agreement, the 2013 exchange of notes on the seat of the Residual Special Court
for Sierra Leone, the 2015 Netherlands-United Arab Emirates customs assistance agreement and the 1991 Netherlands-US
notes on CFE inspection procedures, spot-checked (checks.toml) and questioned (evals/unseen-60.jsonl) from the texts
alone, before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import pytest
import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. Blind run on 49a9f3d (the round's final code, parser v66): 30 of 32 held; titles 2 of 4.
_BULLETS = "the CFE notes' sections, printed '###I.' ... '###VI.' straight after the preceding line, are read as items " \
           "of the first note ('Nr. I(IV)') whose text is the lead-in of section I, not as sections of their own"
KNOWN: dict[tuple[str, str], str] = {
    ("cfe-inspection-procedures-notes-1991", "IV"): _BULLETS,
    ("cfe-inspection-procedures-notes-1991", "V"): _BULLETS,
}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen60", KNOWN)
# Names on the blind run: the Sierra Leone notes keep the database's Dutch title (their English title is a phrase of
# the Dutch note: "a Headquarters Agreement between ..."), and the CFE notes are titled by the parties-only phrase of
# their closing formula ("an Agreement between the Government of the Kingdom of the Netherlands and the Government of
# the United States of America"), not by the procedures they propose.
test_each_is_named_after_itself = pytest.mark.xfail(strict=True, reason="the Sierra Leone notes keep the database's "
                                                    "Dutch title; the CFE notes are titled by their parties alone"
                                                    )(test_each_is_named_after_itself)
