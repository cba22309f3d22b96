"""The forty-ninth set of treaties nobody tuned for (tests/fixtures/unseen49, see its README): four Netherlands-United
States texts with only a Dutch title line above the English text: the offshore procurement exchange of notes with its
Memorandum of Understanding and Model Contract (1954), the Memorandum of Understanding on defense equipment with
Annexes I-IV (1978), the Memorandum of Understanding on looted securities (1951), and the agreement for the settlement
of disputes under Article 15 (a) of the Treaty of Peace with Japan (1952), spot-checked (checks.toml) and questioned
(evals/unseen-49.jsonl) from the texts alone, before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import pytest
import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. Blind run on the round's final answer code (2e27483, parser v56): 26 of 32 held; names 1 of 4.
_QUOTED = "the memorandum's numbered paragraphs open with a quotation mark ('\u201c1.*Scope ...') and are read unnumbered"
KNOWN: dict[tuple[str, str], str] = {
    ("offshore-procurement-agreement-1954", "No. I 1"): _QUOTED,
    ("offshore-procurement-agreement-1954", "No. I 17"): _QUOTED,
    ("offshore-procurement-agreement-1954", "1"): "the Model Contract's clause 1 is not read as 1",
    ("defense-cooperation-mou-1978", "Annex I 3 G"): "Annex I's lettered items under its numbered sections are not "
    "read below them",
    ("defense-cooperation-mou-1978", "Annex I 4 A 4"): "Annex I's lettered items under its numbered sections are not "
    "read below them",
    ("looted-securities-memorandum-1951", "Annex B e 1 iv"): "Annex B's items (e)(1)(iv) are not read at that depth",
}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen49", KNOWN, lost=LOST)
# Names on the blind run: the offshore text was named "No. I" (its first heading, a note's number), the defense MOU
# "This MOU doc" (from "This MOU is intended ..."), the Japanese agreement cut at "(a)"; only the securities MOU held.
# Since parser v57 each is named by its own English title (the offshore and defense texts by the heading in the text
# that names the instrument: the memorandum's own, the annexes' "to Memorandum of Understanding between ...").
