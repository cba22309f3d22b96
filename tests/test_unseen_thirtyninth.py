"""The thirty-ninth set of treaties nobody tuned for (tests/fixtures/unseen39, see its README): the NATO Status of
Forces Agreement (1951), the Paris Agreement on Reparation from Germany (1946), the Agreement establishing the
International Institute for Democracy and Electoral Assistance (1995) and the Netherlands Antilles-Sweden tax
information exchange agreement (2009), spot-checked (checks.toml) and questioned (evals/unseen-39.jsonl) from the
texts alone, before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. Blind run on 81fe287 (round 19's final code, parser v44): 23 of 32 held.
_PARTS = ("articles numbered from 1 again in each Part (Part I Articles 1-8, Part II Articles 1-15, Part IV Articles "
          "1-2) are cited without their Part")
KNOWN: dict[tuple[str, str], str] = {
    **{("german-reparation-agreement-1946", ref): _PARTS
       for ref in ("I 1 B", "I 1 G ii", "I 4 C ii c", "I 6 E", "I 8 I", "II 7 B", "III A", "IV 2")},
    ("electoral-institute-agreement-1995", "VII 4 d"):
        "'4.  The Council shall' (no stop, glued under paragraph 3) is read as a heading over items a)-d), which are "
        "cited Art. VII(a)-(d), and the lead-in's words are in no paragraph",
}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {
    "tax-information-exchange-agreement-2009.md": "the closing formula's '10 <sup>th</sup> day' (a space before the "
                                                  "superscript) is read '10 th day'",
}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen39", KNOWN, lost=LOST)
