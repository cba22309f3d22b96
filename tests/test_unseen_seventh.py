"""The seventh set of treaties nobody tuned for (tests/fixtures/unseen7, see its README): the 1958 High Seas Fishing
Convention, the Caribbean SPAW Protocol, the International Tropical Timber Agreement 2006 and the Kiev PRTR Protocol,
spot-checked (checks.toml) and questioned (evals/unseen-7.jsonl) from the texts alone, before the system was run on
them.

Each is named after itself, the hand-read spot checks hold, no sentence is lost, and a convention, a protocol and an
agreement are each read as what their titles call them."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. 29 of 32 held blind; the SPAW 'l.' item and PRTR's '(Iii)' were mended after (labels.py), and SPAW's
# 11 1 c i b (letters a)-c) under "(i)For species of fauna:") holds since parser v31.
KNOWN: dict[tuple[str, str], str] = {}

# Sentences the parser loses today, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST = {"prtr-protocol-2003.md": "cells of Annex I's activity table ('Basic plastic materials ...', 'Gases, such as "
                                 "ammonia ...') and the header cells of Annex II's table ('Threshold for releases "
                                 "(column', 'to air (column 1a)')"}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen7", KNOWN, lost=LOST)


KINDS = [("high-seas-fishing-convention-1958", "convention"), ("spaw-protocol-1990", "protocol"),
         ("itta-agreement-2006", "agreement"), ("prtr-protocol-2003", "protocol")]

test_each_is_read_as_its_title_says = treaty_sets.kinds_test(KINDS)
