"""The twenty-seventh set of treaties nobody tuned for (tests/fixtures/unseen27, see its README): the Statutes of the
World Tourism Organisation (1970), the Agreement Establishing the Advisory Centre on WTO Law (1999), the Hague
Convention on the Civil Aspects of International Child Abduction (1980) and the European Convention on the Control
of the Acquisition and Possession of Firearms by Individuals (1978), spot-checked (checks.toml) and questioned
(evals/unseen-27.jsonl) from the texts alone, before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. On the blind run (f8e9ca3, parser v35) 26 of 32 held; parser v36 reads '1.bis.', a capital 'I.' over '2.' and
# paragraphs glued after a full stop ("forthwith.The judicial ..."): 31 of 32.
KNOWN: dict[tuple[str, str], str] = {
    ("acwl-agreement-1999", "Annex II"): "an annex's note under its table is numbered 'Annex II ¶2', not cited by "
                                         "the annex",
}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
# Parser v36 keeps the last row of Annex I's contributions table ('United States of America' with two empty cells),
# which was dropped as a header of nothing.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen27", KNOWN, lost=LOST)
