"""The twenty-eighth set of treaties nobody tuned for (tests/fixtures/unseen28, see its README): the Hague Convention
on the International Protection of Adults (2000), the European Convention on Nationality (1997), the Convention
Establishing the Association of Caribbean States (1994) and the Constitution of the International Organization for
Migration (1953, as amended), spot-checked (checks.toml) and questioned (evals/unseen-28.jsonl) from the texts alone,
before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. On the blind run (f371ced, parser v35) 31 of 32 held.
KNOWN: dict[tuple[str, str], str] = {
    ("caribbean-states-convention-1994", "I"): "the definitions printed on one line after 'In this Convention:' are "
                                                "read as one paragraph per term (Art. I, \"Association\"), so Art. I "
                                                "is the lead-in alone, not the line as the check reads it",
}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen28", KNOWN)
