"""The forty-eighth set of treaties nobody tuned for (tests/fixtures/unseen48, see its README): the Madrid Protocol on
the international registration of marks (1989), and three ILO conventions with the recommendations adopted beside them:
Labour Relations (Public Service) (No. 151, 1978), Continuity of Employment (Seafarers) (No. 145, 1976) and Working
Conditions (Hotels and Restaurants) (No. 172, 1991), spot-checked (checks.toml) and questioned
(evals/unseen-48.jsonl) from the texts alone, before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. Blind run on the round's starting code (9ce32e8, parser v54): 31 of 32 held; names 4 of 4.
KNOWN: dict[tuple[str, str], str] = {
    ("madrid-protocol-1989", "9quater 2"): "articles 9quinquies and 9sexies are read as part of 9quater (their "
    "headings' suffixes unknown), and '9quater' is cut to '9quat' (its 'er' taken for a French ordinal)",
}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {
    "madrid-protocol-1989.md": "'Article 3 <sup>ter</sup>' in the text is read '3 ter', and the checker drops the "
    "superscript as a marker; 9quinquies and 9sexies run into 9quater",
}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen48", KNOWN, lost=LOST)
