"""Round 48: words as delegates spell them, instruments as they name them, and who acts in an irregular passive.

Each on the shipped corpus and its real index: the vocabulary is the corpus's own, the questions are asked through
the whole pipeline.
"""

from __future__ import annotations

from mea_assistant.queries import glossed, named_conventions
from mea_assistant.retrieval.reasons import gives_reason
from mea_assistant.retrieval.rerank import names_new_actor
from mea_assistant.terms import spelling_variants, terms
from mea_assistant.types import Hit


def test_hyphenated_joined_and_ise_ize_spellings_are_one_term() -> None:
    assert terms("a counter-claim on specialised organisations") == terms("counterclaims on specialized organizations")
    assert terms("co-operation") == terms("cooperation")
    assert terms("exports") != terms("experts")  # folding merges spellings, not words


def test_the_keyword_search_gets_the_corpus_spelling(assistant) -> None:  # type: ignore[no-untyped-def]
    vocabulary = assistant.index.vocabulary
    assert "counterclaims" in spelling_variants("May the tribunal rule on a counter-claim?", vocabulary)
    assert "harmonization" in spelling_variants("the harmonisation of species lists", vocabulary)
    assert spelling_variants("export permits for specimens", vocabulary) == []  # spelt as the texts spell them


def test_an_irregular_participle_names_who_acts() -> None:
    asked = terms("Who may propose an amendment?")
    assert names_new_actor("Proposals for amendment may be made by any Contracting Party.", asked)
    assert not names_new_actor("Proposals for amendment shall be circulated.", asked)


def test_a_definition_formula_gives_no_reason() -> None:
    definition = Hit(doc_id="d", ref="1", display="", score=0.0,
                     text="For the purpose of this Convention waterfowl are birds ecologically dependent on wetlands.")
    recital = Hit(doc_id="d", ref="PP2", display="", score=0.0, kind="preamble",
                  text="Considering the fundamental ecological functions of wetlands as regulators of water regimes;")
    purpose = Hit(doc_id="d", ref="3", display="", score=0.0,
                  text="The Parties shall cooperate for the purpose of ensuring the conservation of the species.")
    assert not gives_reason(definition)
    assert gives_reason(recital) and gives_reason(purpose)


def test_specimens_landed_from_the_high_seas_are_an_introduction_from_the_sea() -> None:
    assert "introduction from the sea" in glossed("Can sharks caught on the high seas be landed in our port?")
    assert "introduction from the sea" not in glossed("What does the new high seas treaty provide?")


def test_cites_named_by_the_words_of_its_title(assistant) -> None:  # type: ignore[no-untyped-def]
    understood = assistant.understand("Must members of the endangered species trade treaty report on implementation?")
    assert understood.info.conventions == ["CITES"]
    answer = assistant.ask("Do the members of the endangered-species trade convention have to send in periodic "
                           "reports on how they implement it?")
    assert not answer.abstained and answer.citations[0].doc_id == "cites-convention-1973"
    assert answer.citations[0].ref.startswith("Art. VIII(7)")


def test_the_place_a_treaty_was_concluded_is_part_of_its_name(assistant) -> None:  # type: ignore[no-untyped-def]
    """"The Bonn migratory species treaty": the Dugong MOU need not print "Bonn" to answer how it relates to CMS."""
    answer = assistant.ask("How does the dugong memorandum relate to the Bonn migratory species treaty?")
    assert not answer.abstained and answer.citations[0].doc_id == "dugong-mou-mos3-spms"
    assert assistant.ask("What does the Minamata mercury convention say about dental amalgam?").abstained


def test_an_instrument_named_with_a_hyphen_and_its_funding_in_the_treaties_words(assistant) -> None:  # type: ignore[no-untyped-def]
    understood = assistant.understand("How does the genetic-resources protocol tie into the same funding arrangement?")
    assert "Nagoya" in understood.info.conventions
    assert "financial mechanism" in glossed("Who oversees the funding channel for developing countries?")
    answer = assistant.ask("Does the genetic-resources protocol have its own funding channel?")
    assert not answer.abstained and ("nagoya-protocol-2010", "Art. 25(2)") in \
        [(c.doc_id, c.ref) for c in answer.citations]


def test_a_stopped_consignment_and_a_sanctuary_in_the_conventions_words() -> None:
    assert "confiscated confiscation" in glossed("Customs stopped a consignment of live parrots at the airport.")
    assert "rescue centre" in glossed("May we place the birds in a sanctuary, and who pays for their care?")
    assert "rescue centre" not in glossed("What must Parties report on their wetlands?")


def test_two_instruments_named_under_one_plural_kind() -> None:
    assert named_conventions("What do the wetlands and waterbird treaties require before a port is built?") == \
        ["Ramsar", "AEWA"]
    assert named_conventions("How do the migratory species and endangered species trade conventions cooperate?") == \
        ["CITES", "CMS"]
    assert named_conventions("How do the biodiversity conventions cooperate?") == []  # no instrument's own name


def test_a_note_discusses_each_instrument_of_a_plural_name(assistant) -> None:  # type: ignore[no-untyped-def]
    from mea_assistant.briefing import build_note

    note = build_note(assistant, "Impact assessment duties for a port beside a listed lagoon under the wetlands and "
                                 "waterbird treaties and the biodiversity convention")
    assert {"ramsar-convention-1971", "aewa-agreement-1995", "cbd-convention-1992"} <= \
        {r.doc_id for r in note.references}
