"""The thirty-first set of treaties nobody tuned for (tests/fixtures/unseen31, see its README): the Hague Convention on
Choice of Court Agreements (2005), the UN Convention on the Recovery Abroad of Maintenance (1956), the Geneva
Convention on Agency in the International Sale of Goods (1983) and the OECD Anti-Bribery Convention (1997),
spot-checked (checks.toml) and questioned (evals/unseen-31.jsonl) from the texts alone, before the system was run on
them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. On the blind run (round 16's answer code, parser v37) 31 of 32 held.
KNOWN: dict[tuple[str, str], str] = {
    ("anti-bribery-convention-1997", "Annex"): "the note 'Concerning Belgium-Luxembourg: ...' on the line after the "
                                               "table's 'Source: OECD, (1) IMF' is read as the same paragraph",
}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen31", KNOWN, lost=LOST)


def test_a_convention_named_by_the_place_it_was_concluded_is_still_the_one_named(docs) -> None:  # type: ignore[no-untyped-def]
    """ "the 1956 New York convention on the recovery of maintenance abroad" names the convention by the place it was
    concluded, which its text never prints; on the blind run the question was abstained on as naming something the
    texts lack. Without a document named, the place is still a term to support."""
    from mea_assistant.abstention import title_kinds, unsupported_terms
    from mea_assistant.stores.hits import paragraph_hit

    doc = docs["maintenance-recovery-convention-1956"]
    hits = [paragraph_hit(doc, p.position, 1.0) for p in doc.paragraphs[:5]]
    text = lambda d: " ".join([docs[d].title] + [p.text for p in docs[d].paragraphs]).lower()  # noqa: E731
    question = ("What details must an application contain under the 1956 New York convention on the recovery of "
                "maintenance abroad?")
    assert unsupported_terms(question, hits, text, [doc.doc_id], title_kinds([doc.title])) == []
    assert unsupported_terms(question, hits, text, [], set()) == ["New", "York"]
