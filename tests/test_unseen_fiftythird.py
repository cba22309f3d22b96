"""The fifty-third set of treaties nobody tuned for (tests/fixtures/unseen53, see its README): the Rome Statute of the
International Criminal Court (Parts 1-3, 1998), the WIPO Copyright Treaty (1996), the Geneva Declaration on the
construction of main international traffic arteries (1950) and the Second Nam Ngum Development Fund Agreement (1974),
spot-checked (checks.toml) and questioned (evals/unseen-53.jsonl) from the texts alone, before the system was run on
them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. Blind run on the round's final answer code (db64b41, parser v59): 24 of 32 held; titles 4 of 4.
_ANNEX_II = ("Annex II numbers its chapters I-VI under Part A and their paragraphs from 1 again; the parser cites them "
             "by Part A alone ('Annex II, Part A(3)')")
_SECTION = ("'Section 1.01. This Agreement ...': the fund agreement's section numbers at the head of its paragraphs are "
            "read as text ('Art. I ¶2')")
KNOWN: dict[tuple[str, str], str] = {
    ("traffic-arteries-declaration-1950", "Annex II A I 3"): _ANNEX_II,
    ("traffic-arteries-declaration-1950", "Annex II A VI 2"): _ANNEX_II,
    **{("nam-ngum-fund-agreement-1974", ref): _SECTION for ref in ("1.01", "1.02 w", "3.01 e", "8.01", "9.01 a", "13.02")},
}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen53", KNOWN, lost=LOST)

