"""The thirteenth set of treaties nobody tuned for (tests/fixtures/unseen13, see its README): the European
Convention for the Protection of Animals for Slaughter (1979), the ILO Asbestos Convention (C162, 1986), the Statute
of the International Renewable Energy Agency (2009) and the revised European Convention for the Protection of
Animals during International Transport (2003), spot-checked (checks.toml) and questioned (evals/unseen-13.jsonl)
from the texts alone, before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. On the blind run (862cb71, parser v26) 25 of 32 held.
_LETTERED = "the article's lettered paragraphs 'A.  ...' are read as unnumbered text ('Art. I', 'Art. I ¶2')"
KNOWN: dict[tuple[str, str], str] = {
    ("irena-statute-2009", ref): _LETTERED for ref in ("I A", "IV A 1 c", "IX A 1", "X A", "XII A 3", "XX C")} | {
    ("asbestos-convention-1986", "2 a"): "under '### Artikel  2' the items are read as Article 1's"}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {"irena-statute-2009.md": "the closing line's '26<sup>th</sup>' is read as '26 th'"}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen13", KNOWN, lost=LOST)

