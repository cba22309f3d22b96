"""The fortieth set of treaties nobody tuned for (tests/fixtures/unseen40, see its README): the Geneva Convention and
Statute on the International Regime of Railways (1923), the Netherlands-Chile investment protection agreement (1998),
the Netherlands-United Nations agreement on technical assistance to Surinam and the Netherlands Antilles (1967) and
the Netherlands-Indonesia agreement on West New Guinea (1962), spot-checked (checks.toml) and questioned
(evals/unseen-40.jsonl) from the texts alone, before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import pytest
import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. Blind run on c8e3561 (round 20's final code, parser v46): 25 of 32 held.
_STATUTE = ("the Statute printed after the Convention's Articles 1-10 numbers its articles from 1 again under Parts and "
            "Chapters: parser v45 credits the restart to the Chapters ('Chapter I, Art. 1'), Chapters III on lose it, "
            "and the Statute's articles are not cited as the Statute's")
KNOWN: dict[tuple[str, str], str] = {
    **{("railway-regime-statute-1923", ref): _STATUTE
       for ref in ("Statute 1", "Statute 17 d", "Statute 26 c", "Statute 30", "Statute 44")},
    ("railway-regime-statute-1923", "Protocol 2"):
        "the Protocol of Signature printed after the Statute is read as the Statute's last article (Art. 44(2))",
    ("west-new-guinea-agreement-1962", "Memorandum of Understanding 2"):
        "a memorandum of understanding printed after the Agreement is not a part of its own",
}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen40", KNOWN, lost=LOST)

# Blind run: the Netherlands-Chile investment agreement was named "... and the Republic of Chile Protocol" (the heading
# of the Protocol printed after it joined to its title).
test_each_is_named_after_itself = pytest.mark.xfail(strict=True, reason="chile-investment-agreement-1998 named with "
                                                     "'Protocol' joined to its title")(test_each_is_named_after_itself)
