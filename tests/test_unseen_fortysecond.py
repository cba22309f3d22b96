"""The forty-second set of treaties nobody tuned for (tests/fixtures/unseen42, see its README): the Council of Europe
Anti-Doping Convention (1989), the Lanzarote Convention on the protection of children against sexual exploitation and
abuse (2007), the Framework Convention for the Protection of National Minorities (1995) and the International
COSPAS-SARSAT Programme Agreement (1988), spot-checked (checks.toml) and questioned (evals/unseen-42.jsonl) from the
texts alone, before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. Blind run on the round's final parser and answer code (parser v48): 30 of 32 held, each named after itself;
# the prohibited list (S3) and the model letter (Letter 7.2) are parts of their own since parser v49.
KNOWN: dict[tuple[str, str], str] = {}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen42", KNOWN, lost=LOST)
