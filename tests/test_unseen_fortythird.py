"""The forty-third set of treaties nobody tuned for (tests/fixtures/unseen43, see its README): the European Agreement
concerning the International Carriage of Dangerous Goods by Road (ADR, 1957) and by Inland Waterways (ADN, 2000), the
European Agreement supplementing the 1968 Convention on Road Signs and Signals (1971) and the Convention on Mutual
Administrative Assistance in Tax Matters (1988, as amended in 2010), spot-checked (checks.toml) and questioned
(evals/unseen-43.jsonl) from the texts alone, before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. Blind run on the code this round started from (af6807e, parser v48): 32 of 32 held; names 3 of 4 (the road-signs
# agreement was named by its whole title up to 'opened for signature at Vienna on 8 November 1968', typed a convention and
# dated by the Convention it supplements; each named after itself since parser v50).
KNOWN: dict[tuple[str, str], str] = {}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen43", KNOWN, lost=LOST)


def test_an_acronym_the_title_brackets_names_its_treaty(docs) -> None:  # type: ignore[no-untyped-def]
    """"... Dangerous Goods by Road (ADR)": three letters the title declares in brackets name the treaty as capitals
    in a question (the blind run found no document for "ADR")."""
    from mea_assistant.queries import analyse

    assert analyse("What does ADR say about entry into force?", docs).doc_ids == ["dangerous-goods-road-agreement-1957"]
    assert analyse("What does the adr say about entry into force?", docs).doc_ids == []

