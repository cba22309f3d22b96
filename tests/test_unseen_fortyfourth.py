"""The forty-fourth set of treaties nobody tuned for (tests/fixtures/unseen44, see its README): the EU-US agreement on
passenger name records (PNR, 2007) with the letters exchanged with it, the Geneva Convention for the Suppression of
Counterfeiting Currency (1929), the Netherlands-Hong Kong agreement on mutual legal assistance in criminal matters
(2002) with its exchange of notes, and the Geneva Convention providing a Uniform Law for Cheques (1931) with its
annexes and Protocol, spot-checked (checks.toml) and questioned (evals/unseen-44.jsonl) from the texts alone, before
the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. Blind run on the round's final code (2df1edd, parser v50): 24 of 32 held; names 4 of 4. Since parser v51 the
# notes and letters under '###Nr. I' are parts of their own and the Protocol's parts A-C its own: 27 of 32 hold; since
# v54 the PNR letter's sections run on after their numeral without a space ('II.Sharing of PNR:') are read: 32 of 32.
KNOWN: dict[tuple[str, str], str] = {}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen44", KNOWN, lost=LOST)
