"""The fifty-second set of treaties nobody tuned for (tests/fixtures/unseen52, see its README): the Caribbean Postal
Union Convention with its Detailed Regulations (2007), the Netherlands-China agreement on the avoidance of double
taxation on income (2013), the Council of Europe Convention on the Prevention of Terrorism (2005) and the
Netherlands-Sudan agreement on economic and technical co-operation (1970), spot-checked (checks.toml) and questioned
(evals/unseen-52.jsonl) from the texts alone, before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. Blind run on the round's start code (c84d8ba, parser v58): 30 of 32 held; titles 4 of 4. The two misses, the
# Detailed Regulations printed after the signatures under the Union's own name, are read as such since parser v59.
KNOWN: dict[tuple[str, str], str] = {}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen52", KNOWN, lost=LOST)
