"""The eleventh set of treaties nobody tuned for (tests/fixtures/unseen11, see its README): the Convention on conduct
of fishing operations in the North Atlantic (1967), the Convention for the Regulation of the Meshes of Fishing Nets
and the Size Limits of Fish (1946), the Convention establishing the European and Mediterranean Plant Protection
Organisation (EPPO, 1951) and the European Convention for the Protection of Animals during International Transport
(1968), spot-checked (checks.toml) and questioned (evals/unseen-11.jsonl) from the texts alone, before the system was
run on them.

Each is named after itself, the hand-read spot checks hold, no sentence is lost, and each convention is read as
what its title calls it."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. Empty until the set is first run.
KNOWN: dict[tuple[str, str], str] = {}

# Sentences the parser loses today, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen11", KNOWN, lost=LOST)


KINDS = [("fishing-operations-convention-1967", "convention"), ("fishing-nets-convention-1946", "convention"),
         ("eppo-convention-1951", "convention"), ("animal-transport-convention-1968", "convention")]

test_each_is_read_as_its_title_says = treaty_sets.kinds_test(KINDS)
