"""The fifty-third set of treaties nobody tuned for (tests/fixtures/unseen53, see its README): the Rome Statute of the
International Criminal Court (Parts 1-3, 1998), the WIPO Copyright Treaty (1996), the Geneva Declaration on the
construction of main international traffic arteries (1950) and the Second Nam Ngum Development Fund Agreement (1974),
spot-checked (checks.toml) and questioned (evals/unseen-53.jsonl) from the texts alone, before the system was run on
them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. Blind run on db64b41 (parser v59): 24 of 32 held; titles 4 of 4. Six misses were
# the fund agreement's "Section 1.01. ..." numbers at the head of its paragraphs (cited "Art. I ¶2"), read since
# parser v60; two remain:
_ANNEX_II = ("Annex II numbers its chapters I-VI under Part A and their paragraphs from 1 again; the parser cites them "
             "by Part A alone ('Annex II, Part A(3)')")
KNOWN: dict[tuple[str, str], str] = {
    ("traffic-arteries-declaration-1950", "Annex II A I 3"): _ANNEX_II,
    ("traffic-arteries-declaration-1950", "Annex II A VI 2"): _ANNEX_II,
}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen53", KNOWN, lost=LOST)

assistant_u53 = treaty_sets.assistant_fixture("unseen53")


def test_a_lettered_road_and_an_organisations_un_acronym_are_supported(assistant_u53):  # type: ignore[no-untyped-def]
    """"E-roads" are the roads the declaration numbers "E31", "road E 20"; "UNECE" is the Economic Commission for
    Europe it names without "UN". The blind run abstained on both; a letter the text numbers nothing by, or an
    acronym its head does not spell, still is unsupported."""
    from mea_assistant.abstention import unsupported_terms

    texts = assistant_u53.index.document_text
    road = ["traffic-arteries-declaration-1950"]
    for question in ("Are railway level crossings acceptable on E-roads under the 1950 traffic arteries declaration?",
                     "What does the road sign marking a main international traffic artery look like under the UNECE "
                     "declaration of 1950?"):
        assert unsupported_terms(question, [], texts, road) == [], question
    assert unsupported_terms("Are level crossings acceptable on Q-roads under the 1950 traffic arteries declaration?",
                             [], texts, road) == ["Q-roads"]
    assert unsupported_terms("Did the UNHCR sign the 1950 traffic arteries declaration?", [], texts, road) == ["UNHCR"]


def test_the_court_a_statute_constitutes_is_named_by_its_initials(docs):  # type: ignore[no-untyped-def]
    """"the ICC": the Rome Statute of the International Criminal Court constitutes the court, and a question naming
    it names the Statute (the blind run found no instrument named and abstained)."""
    from mea_assistant.queries import analyse

    info = analyse("Could the ICC prosecute someone for atrocities he committed when he was seventeen?", docs)
    assert "criminal-court-statute-1998" in info.doc_ids


def test_copy_protection_by_its_everyday_acronym_is_the_treatys_technological_measures(  # type: ignore[no-untyped-def]
        docs, assistant_u53):
    """"people who crack DRM": the WIPO Copyright Treaty says "technological measures" (Art. 11); the glossary
    entry spells DRM out, so the question is not taken for one about something the texts do not hold."""
    from mea_assistant.abstention import unsupported_terms
    from mea_assistant.queries import analyse

    question = ("What do countries that join the 1996 WIPO Copyright Treaty have to do about people who crack DRM or "
                "other copy protection?")
    assert unsupported_terms(question, [], assistant_u53.index.document_text, ["copyright-treaty-1996"]) == []
    assert "technological measures" in analyse(question, docs).expanded
