"""The fifty-second set of treaties nobody tuned for (tests/fixtures/unseen52, see its README): the Caribbean Postal
Union Convention with its Detailed Regulations (2007), the Netherlands-China agreement on the avoidance of double
taxation on income (2013), the Council of Europe Convention on the Prevention of Terrorism (2005) and the
Netherlands-Sudan agreement on economic and technical co-operation (1970), spot-checked (checks.toml) and questioned
(evals/unseen-52.jsonl) from the texts alone, before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. Blind run on the round's start code (c84d8ba, parser v58): 30 of 32 held; titles 4 of 4. The two misses, the
# Detailed Regulations printed after the signatures under the Union's own name, are read as such since parser v59.
KNOWN: dict[tuple[str, str], str] = {}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen52", KNOWN, lost=LOST)


def test_a_nationality_is_supported_by_the_country_the_text_names(docs) -> None:  # type: ignore[no-untyped-def]
    """"Sudanese nationals": the agreement names "the Democratic Republic of the Sudan", never the adjective; the blind
    run abstained on the question. A nationality of a country the texts never name still is unsupported."""
    from mea_assistant.abstention import unsupported_terms

    texts = treaty_sets.paragraph_texts(docs)
    named = ["sudan-economic-cooperation-agreement-1970", "china-tax-agreement-2013"]
    question = ("Do Dutch nationals doing business in Sudan get the same tax treatment as Sudanese nationals under the "
                "1970 agreement, and how does the non-discrimination clause of the 2013 Netherlands-China tax treaty "
                "compare?")
    assert unsupported_terms(question, [], texts.__getitem__, named) == []
    assert unsupported_terms(question.replace("Sudanese", "Kenyan"), [], texts.__getitem__, named) == ["Kenyan"]


def test_a_treaty_series_number_names_the_instrument(docs) -> None:  # type: ignore[no-untyped-def]
    """"the Warsaw convention on preventing terrorism (CETS 196)": the Council of Europe's series number of the named
    convention, which its text does not print; the blind run abstained on it."""
    from mea_assistant.abstention import unsupported_terms

    texts = treaty_sets.paragraph_texts(docs)
    named = ["terrorism-prevention-convention-2005"]
    question = ("Apart from provocation, recruitment and training themselves, what related conduct must countries make "
                "criminal under the Warsaw convention on preventing terrorism (CETS 196)?")
    assert unsupported_terms(question, [], texts.__getitem__, named) == []
    assert unsupported_terms(question, [], texts.__getitem__, []) != []  # no instrument named: the number names none


def test_a_condition_the_question_sets_is_not_a_past_event() -> None:
    """"... convicted even if no attack was ever carried out?" asks the text's rule; "Was the convention ever invoked?"
    asks what has happened, which texts as adopted do not record."""
    from mea_assistant.unstated import asks_for_current_status

    assert not asks_for_current_status("Can someone be convicted of recruiting for terrorism under the Council of "
                                       "Europe prevention convention even if no attack was ever carried out?")
    assert asks_for_current_status("Was the Council of Europe prevention convention ever invoked against a Party?")
    assert asks_for_current_status("When was the Council of Europe prevention convention ever invoked?")
