"""The fifty-seventh set of treaties nobody tuned for (tests/fixtures/unseen57, see its README): the 1993 Bonn agreement
on manoeuvres of foreign forces stationed in Germany (implementing Article 45(1) of the 1959 Supplementary Agreement
to the NATO SOFA), the 2009 Aruba-Australia agreement on taxing rights of individuals and transfer pricing, the 1974
Netherlands-Czechoslovakia double taxation convention and the 1972 Netherlands-Singapore economic cooperation
agreement, spot-checked (checks.toml) and questioned (evals/unseen-57.jsonl) from the texts alone, before the system
was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. Blind run on c09a447 (the round's starting code, parser v61): 31 of 32 held; titles 4 of 4.
KNOWN: dict[tuple[str, str], str] = {
    ("manoeuvres-germany-agreement-1993", "4 1 d"): "the rows of Article 4(1)'s table of notice periods are records "
                                                    "of Article 4 ('Art. 4'), not its items (a)-(e)",
}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen57", KNOWN, lost=LOST)
