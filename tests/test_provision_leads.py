"""Which paragraph leads an answer (round 46), on the shipped corpus with the real index: a provision before the
listing row of a species the question only mentions, a plan's target named by its number, a joiner's entry into
force before the withdrawal clause that counts from it, the clause that says what kind of instrument an MOU is
when asked whether its signatories are legally bound, and the treaty's own words for a delegate's ("sending on",
"things made from it", "indigenous knowledge", "smuggled"). Each test fails on round 45's code (94d60cf); some also check what
must not change (a question on where a species is listed is still answered by its listing row)."""

from __future__ import annotations

from mea_assistant.asked_refs import explicit_refs
from mea_assistant.queries import glossed


def test_a_provision_leads_when_the_species_is_only_mentioned(assistant) -> None:  # type: ignore[no-untyped-def]
    """The parrot's English name is no word outside the texts either: they list it by its Latin name."""
    answer = assistant.ask("Customs officers have seized a live parrot that was smuggled in. When our CITES "
                           "authority decides where the bird should go, who can it ask for advice?")
    assert not answer.abstained and answer.citations[0].ref.startswith("Art. VIII(4)")
    seized = assistant.ask("A smuggled tortoise was seized at the port. What must happen to the live animal under "
                           "CITES?")
    assert seized.citations[0].ref.startswith("Art. VIII")
    listed = assistant.ask("Which CITES appendix lists the parrots of the family Psittacidae?")
    assert listed.citations[0].ref == "App. I, II and III, Psittacidae"


def test_a_target_named_by_its_number(assistant) -> None:  # type: ignore[no-untyped-def]
    assert explicit_refs("What does Target 9 of the CMS Strategic Plan aim for?") == [["target", "9"]]
    assert explicit_refs("What does target 1.2 of the plan say?") == [["1", "2"]]  # a dotted item, as before
    answer = assistant.ask("What is Target 9 of the CMS Strategic Plan about?")
    assert answer.citations[0].doc_id == "cms-capacity-building-target-9" and answer.citations[0].ref == "Target 9"


def test_a_late_joiner_is_bound_from_its_own_entry_into_force(assistant) -> None:  # type: ignore[no-untyped-def]
    """Nagoya Art. 35(1) counts two years "from the date on which this Protocol has entered into force for a Party":
    a withdrawal clause, not the joiner's clause (Art. 33(2))."""
    answer = assistant.ask("We are ratifying the Nagoya Protocol only now, years after it began to operate. From "
                           "when will we be bound by it?")
    assert answer.citations[0].ref == "Art. 33(2)"


def test_legally_bound_is_asked_of_the_instrument_itself(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.ask("Are the signatories of the Sharks MOU legally bound to protect the sharks it lists?")
    assert answer.citations[0].doc_id == "sharks-mou-2010" and answer.citations[0].ref == "para. 1"
    assert answer.lead.startswith("No")


def test_a_delegates_words_reach_the_treaties_terms() -> None:
    assert any("re-export" in g for g in glossed("And when we send on a specimen we imported earlier?"))
    assert any("derivative" in g for g in glossed("Are things made from a listed animal covered too?"))
    assert any("traditional knowledge" in g for g in glossed("Does it protect indigenous knowledge of plants?"))
    assert any("illegal trade" in g for g in glossed("What happens to smuggled ivory?"))
    assert not any("re-export" in g for g in glossed("What must we export to the secretariat each year?"))
