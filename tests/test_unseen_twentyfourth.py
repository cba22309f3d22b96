"""The twenty-fourth set of treaties nobody tuned for (tests/fixtures/unseen24, see its README): the Optional Protocol
to the UN Convention against Torture (2002), the European Charter for Regional or Minority Languages (1992), the
European Agreement on the Exchange of Tissue-Typing Reagents (1974, with its Protocol and Annex) and the European
Convention on Cinematographic Co-production (1992), spot-checked (checks.toml) and questioned
(evals/unseen-24.jsonl) from the texts alone, before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. On the blind run (6b9a1bc, parser v33) 28 of 32 held: the Tissue-Typing Agreement's Protocol, printed after
# Article 12 under "### Protocol", was read as Article 12's paragraphs (Protocol 1 A, 3, 4, 8). Since parser v34 the
# Protocol is a part of its own; its "### 1" / "###A. *...*" headings still do not number the paragraph under them.
KNOWN: dict[tuple[str, str], str] = {
    ("tissue-typing-agreement-1974", "Protocol 1 A"): "a paragraph under a number heading '### 1' and a lettered "
                                                      "heading '###A. *...*' is not numbered by them",
}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen24", KNOWN, lost=LOST)
