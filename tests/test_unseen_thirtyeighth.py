"""The thirty-eighth set of treaties nobody tuned for (tests/fixtures/unseen38, see its README): the Vienna Convention
on Diplomatic Relations (1961), the Agreement on the Privileges and Immunities of the International Tribunal for the
Law of the Sea (1997), the Council of Europe Convention on Insider Trading (1989) and the Agreement establishing the
Multilateral Investment Fund (1992), spot-checked (checks.toml) and questioned (evals/unseen-38.jsonl) from the texts
alone, before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. Blind run on e29ffdd (round 19's final answer code, parser v43): 25 of 32 held; the seven misses were the
# Investment Fund Agreement's, whose sections are numbered within each article ("Article II" / "Section 1."), read
# as parts above the articles; six hold since parser v44.
KNOWN: dict[tuple[str, str], str] = {
    ("investment-fund-agreement-1992", "III 5 a ii B 2"):
        "sub-items lettered \"A)\" and \"B)\" in capitals under an item (ii), B) empty with (1) and (2) under it, "
        "are read as unnumbered paragraphs of the section",
}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen38", KNOWN, lost=LOST)
