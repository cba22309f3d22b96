"""The eighteenth set of treaties nobody tuned for (tests/fixtures/unseen18, see its README): the Agreement establishing the European Molecular
Biology Laboratory (1973), the Convention for the establishment of the European Communications Office (1993, as
amended), the Convention establishing a Customs Co-operation Council (1950) and the Convention establishing the World
Intellectual Property Organization (1967), spot-checked (checks.toml) and questioned
(evals/unseen-18.jsonl) from the texts alone, before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

from mea_assistant.assistant import Assistant

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. On the blind run (9eb8aae, parser v30) 25 of 32 held: three of the EMBL Agreement's (a bare "a." or "d." on
# its own line over "i.Each Member State ..." and a roman "i." with a point were not read as labels, and "ithe draft"
# lost its point in the source), three of the ECO Convention's (lists restarting at 1 under a lead-in "... shall be:"
# read as the article's paragraphs), and the Customs Council Convention's XVI a (the source's heading "Articel XVI").
# The EMBL and ECO labels hold since parser v31.
KNOWN: dict[tuple[str, str], str] = {
    ("embl-agreement-1973", "VII 3 a i"): "the source prints 'ithe draft' without the point after i",
    ("customs-council-convention-1950", "XVI a"): "the source's heading 'Articel XVI' (a typo) is not read as Article",
}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen18", KNOWN, lost=LOST)


def test_a_body_is_named_by_its_own_initials_and_an_organ_word_alone_names_nothing(docs) -> None:  # type: ignore[no-untyped-def]
    """"EMBL" names the Agreement establishing the European Molecular Biology Laboratory (its title's initials spell
    AEEMBL), "ECO" the Convention whose title declares "(ECO)"; "Council" alone, a word every organisation uses,
    does not make "the ECO Council" a question about the Customs Co-operation Council."""
    from mea_assistant.queries import analyse

    assert analyse("How often is the scale of EMBL member contributions fixed?", docs).doc_ids == ["embl-agreement-1973"]
    assert analyse("Which countries can become parties to the ECO Convention?", docs).doc_ids == ["eco-convention-1993"]
    assert analyse("For how long is the chair of the ECO Council elected?", docs).doc_ids == ["eco-convention-1993"]
    assert analyse("Who can be a member of the Customs Co-operation Council?", docs).doc_ids == \
        ["customs-council-convention-1950"]


assistant_u18 = treaty_sets.assistant_fixture("unseen18")


def test_who_may_join_is_answered_by_the_clause_that_admits(assistant_u18: Assistant) -> None:
    """"Which states can join WIPO?" led with "Instruments of ratification or accession shall be deposited with
    the Director General" (a body the question does not name, so a "who" answer), not with "Membership in the
    Organization shall be open to any State which ...". Who may join is said by the final clauses' formulas."""
    answer = assistant_u18.ask("Which states can join the World Intellectual Property Organization?")
    assert answer.citations[0].ref == "Art. 5(1)", [c.ref for c in answer.citations]
    assert answer.lead.startswith("Any State which is a member of any of the Unions"), answer.lead


def test_which_bodies_run_it_is_answered_by_its_organs(assistant_u18: Assistant) -> None:
    """"Which bodies run the EMBL?" is answered by "The organs of the Laboratory are the Council and the
    Director-General", not by an article in which the Council acts (or "the financial year shall run")."""
    answer = assistant_u18.ask("Which bodies run the European Molecular Biology Laboratory under the 1973 EMBL "
                               "Agreement?")
    assert answer.citations[0].ref == "Art. V", [c.ref for c in answer.citations]


def test_shall_include_defines(assistant_u18: Assistant) -> None:
    """WIPO defines in the older drafting: '“intellectual property” shall include the rights relating to:'."""
    answer = assistant_u18.ask("What does 'intellectual property' cover under the convention that set up WIPO?")
    assert answer.citations[0].ref == "Art. 2(viii)", [c.ref for c in answer.citations]


def test_the_formulas_of_membership_and_composition() -> None:
    from mea_assistant.membership import ELIGIBLE, MADE_OF, answering_formula, eligible_in

    assert answering_formula("Who can be a member of the Customs Co-operation Council?") is ELIGIBLE
    assert answering_formula("Which countries are allowed to become a Party to the Ramsar Convention?") is ELIGIBLE
    assert answering_formula("Who makes up the European Organization for Nuclear Research?") is MADE_OF
    assert answering_formula("Who runs the secretariat?") is None
    assert answering_formula("Which body can admit new members?") is None
    assert eligible_in("This Convention shall be open for signature by all States and by any regional economic "
                       "integration organization.") == "all States and by any regional economic integration organization"
    assert eligible_in("Any State whose Telecommunications Administration is a Member of CEPT may become a "
                       "Contracting Party by:") == "Any State whose Telecommunications Administration is a Member of CEPT"


def test_who_holds_an_office_now_is_status_data_however_the_body_is_named() -> None:
    """"Who is WIPO's current Director General?" asks who holds the office today, which no text says: the rule
    for "its current Director-General" now reads a possessive too."""
    from mea_assistant.unstated import asks_for_current_status

    assert asks_for_current_status("Who is WIPO's current Director General, and when does the present term end?")
    assert not asks_for_current_status("Who appoints WIPO's Director General, and for how long?")
