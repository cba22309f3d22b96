"""The fifty-sixth set of treaties nobody tuned for (tests/fixtures/unseen56, see its README): the FAO-Netherlands
letters hosting the 29th Codex Coordinating Committee for Europe (2014, with annexes), the Netherlands-Israel letters on
the immunity of Dutch MFO soldiers on leave (1982, with an extract of the Israeli drugs ordinance), the
Netherlands-Belize agreement on exporting social security benefits (2005) and the Netherlands-Canada notes on a staging
base for arms-control inspection teams (1995), spot-checked (checks.toml) and questioned (evals/unseen-56.jsonl) from
the texts alone, before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import pytest
import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. Blind run on 8116cbd (the round's final code, parser v61): 15 of 32 held; names 1 of 4. Exchanges of letters
# were the layout the parser read worst: their numbered notes ("Nr. I", "Nr. II") were not parts with their own refs
# (since parser v62 they are, and "Annex- A1" opens an annex: 26 of 32 hold). What a letter attaches without a
# container's label (the Codex interpretation standards, the Israeli ordinance) is still not read as a part.
_ATTACHED = "what a letter attaches (its standards, an ordinance's sections) is not read as a part of its own"
_FIRST = "Annex B's first paragraph is its UN System list; the check's is its NGO list, the third"
KNOWN: dict[tuple[str, str], str] = {
    ("codex-committee-host-agreement-2014", "Annex B"): _FIRST,
    ("codex-committee-host-agreement-2014", "Standards 3"): _ATTACHED,
    ("codex-committee-host-agreement-2014", "Standards 11"): _ATTACHED,
    ("mfo-leave-immunity-letters-1982", "Ordinance 7 c"): _ATTACHED,
    ("mfo-leave-immunity-letters-1982", "Ordinance 15"): _ATTACHED,
    ("mfo-leave-immunity-letters-1982", "Ordinance 19A"): _ATTACHED,
}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen56", KNOWN, lost=LOST)
# Names on the blind run: the Codex letters "other Secretariat response 2014" (read as correspondence), the MFO
# letters "Minister of Foreign Affairs" and the Canada notes "Royal Netherlands Embassy" (each by its letterhead);
# only the Belize agreement held. Since round 28 an exchange's title is the agreement its notes constitute
# (exchanges.py): all four hold.
