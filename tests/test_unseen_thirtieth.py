"""The thirtieth set of treaties nobody tuned for (tests/fixtures/unseen30, see its README): the International
Convention relating to the Arrest of Seagoing Ships (Brussels, 1952), the International Convention to facilitate the
Importation of Commercial Samples and Advertising Material (Geneva, 1952), the European Convention for the Peaceful
Settlement of Disputes (1957) and the European Convention concerning the Social Security of Workers engaged in
International Transport (1956), spot-checked (checks.toml) and questioned (evals/unseen-30.jsonl) from the texts
alone, before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. On the blind run (the code round 16 started from, parser v36) 31 of 32 held.
KNOWN: dict[tuple[str, str], str] = {
    ("transport-workers-social-security-convention-1956", "1 h ii"):
        "the sub-items (i), (ii) of item (h) ('... who is -') read as a letter item (i) after (h)",
}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen30", KNOWN, lost=LOST)
