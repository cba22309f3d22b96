"""The thirty-third set of treaties nobody tuned for (tests/fixtures/unseen33, see its README): the Hague Service
Convention (1965), the UN Convention on Crimes against Internationally Protected Persons (1973), the European
Convention on the Legal Status of Migrant Workers (1977) and the Convention on the Transfer of Sentenced Persons
(1983), spot-checked (checks.toml) and questioned (evals/unseen-33.jsonl) from the texts alone, before the system was
run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. On the blind run (1b9441f, round 17's final code, parser v39) all 32 held.
KNOWN: dict[tuple[str, str], str] = {}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen33", KNOWN, lost=LOST)


def test_a_convention_called_by_its_title_turned_round_is_named(docs) -> None:  # type: ignore[no-untyped-def]
    """ "the Transfer of Sentenced Persons Convention" for the "Convention on the transfer of sentenced persons": on
    the first run a comparison naming it so was abstained on, "Sentenced" being a name no top paragraph held."""
    from mea_assistant.queries import analyse, inverted_title_aliases

    assert inverted_title_aliases(docs["sentenced-persons-convention-1983"].title) == {
        "transfer of sentenced persons convention", "sentenced persons convention"}
    info = analyse("How does the notice needed to denounce the Transfer of Sentenced Persons Convention compare with "
                   "leaving the European Convention on the legal status of migrant workers?", docs)
    assert set(info.doc_ids) == {"sentenced-persons-convention-1983", "migrant-workers-convention-1977"}
