"""The forty-sixth set of treaties nobody tuned for (tests/fixtures/unseen46, see its README): the Hague Convention on
the law applicable to trusts and on their recognition (1985), the ECAC multilateral agreement on certificates of
airworthiness for imported aircraft (1960) with its Schedule, the Netherlands-United Kingdom convention on the avoidance
of double taxation with respect to bank taxes (2013) with its Protocol, and the Netherlands-Korea agreement on maritime
transport (1995), spot-checked (checks.toml) and questioned (evals/unseen-46.jsonl) from the texts alone, before the
system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. Blind run on the round's final code (bff735e, parser v53): 31 of 32 held (the Protocol numbers its points
# with capital romans in brackets, '(I) With reference to Article 1 ...', '(II) ...': (I) was read as the small roman
# (i), (II) as no label); names 4 of 4. Since parser v54: 32 of 32.
KNOWN: dict[tuple[str, str], str] = {}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen46", KNOWN, lost=LOST)
