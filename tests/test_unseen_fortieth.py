"""The fortieth set of treaties nobody tuned for (tests/fixtures/unseen40, see its README): the Geneva Convention and
Statute on the International Regime of Railways (1923), the Netherlands-Chile investment protection agreement (1998),
the Netherlands-United Nations agreement on technical assistance to Surinam and the Netherlands Antilles (1967) and
the Netherlands-Indonesia agreement on West New Guinea (1962), spot-checked (checks.toml) and questioned
(evals/unseen-40.jsonl) from the texts alone, before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. Blind run on c8e3561 (round 20's final code, parser v46): 25 of 32 held, and the Chile agreement was read as
# a protocol. The misses: the Railways Statute printed after the Convention's Articles 1-10 numbers its articles from 1
# again, and "####STATUTE", coming under the Convention's last article, was taken for that article's title, so the
# Statute's articles were not the Statute's (so before parser v45 too; v45 also credited the restart to the Statute's
# Chapters); the Protocol of Signature after it and a memorandum of understanding printed after the West New Guinea
# Agreement were not parts of their own. All hold since parser v47.
KNOWN: dict[tuple[str, str], str] = {}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen40", KNOWN, lost=LOST)
