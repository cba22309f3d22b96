"""The twenty-first set of treaties nobody tuned for (tests/fixtures/unseen21, see its README): the UPOV Convention
(plant breeders' rights, 1991 Act), the Food Aid Convention (1999), the Agreement on the International Institute of
Refrigeration (1954) and the European Convention for the Protection of Animals kept for Farming Purposes (1976),
spot-checked (checks.toml) and questioned (evals/unseen-21.jsonl) from the texts alone, before the system was run on
them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. On the blind run (e7e0d55, parser v32) all 32 held.
KNOWN: dict[tuple[str, str], str] = {}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen21", KNOWN, lost=LOST)


def test_a_treaty_is_named_by_its_subject_in_either_number_and_by_its_files_year(docs) -> None:  # type: ignore[no-untyped-def]
    """ "the plant variety convention" names the Convention for the Protection of New Varieties of Plants (its title's
    words in the singular), and "the 1991 convention" its 1991 Act, dated 1961 but filed as upov-convention-1991;
    a word as generic in the singular as in the plural ("animal") names no treaty."""
    from mea_assistant.queries import analyse

    assert analyse("When does a denunciation of the plant variety convention take effect?", docs).doc_ids == \
        ["upov-convention-1991"]
    assert analyse("How can a State leave the 1991 convention?", docs).doc_ids == ["upov-convention-1991"]
    assert analyse("What does the convention on animals say about slaughter?", docs).doc_ids == []
