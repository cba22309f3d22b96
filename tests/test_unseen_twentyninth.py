"""The twenty-ninth set of treaties nobody tuned for (tests/fixtures/unseen29, see its README): the European
Convention on State Immunity (1972), the Statute of the Group of States against Corruption (GRECO, 1999), the ILO
Indigenous and Tribal Peoples Convention (No. 169, 1989) and the Geneva Convention on the International Recognition
of Rights in Aircraft (1948), spot-checked (checks.toml) and questioned (evals/unseen-29.jsonl) from the texts alone,
before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

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
