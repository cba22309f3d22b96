"""The thirty-seventh set of treaties nobody tuned for (tests/fixtures/unseen37, see its README): the Treaty for the
Prohibition of Nuclear Weapons in Latin America (Tlatelolco, 1967), the Vienna Agreement on periodical technical
inspections of vehicles (1997), the ILO Maternity Protection Convention (2000) and the ILO Medical Care and Sickness
Benefits Convention (1969), spot-checked (checks.toml) and questioned (evals/unseen-37.jsonl) from the texts alone,
before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. Blind run on 9246935 (round 18's final code, parser v42): 31 of 32 held.
KNOWN: dict[tuple[str, str], str] = {}  # the one miss of the blind run (the Transitional Article, named by its subject
# line alone, read as Art. 31 ¶2) is read since parser v43

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen37", KNOWN, lost=LOST)
