"""The thirty-fourth set of treaties nobody tuned for (tests/fixtures/unseen34, see its README): the Hague Intercountry
Adoption Convention (1993), the International Convention for the Suppression of Terrorist Bombings (1997), the
European Convention on the legal protection of services based on conditional access (2001) and the European Convention
on Establishment (1955), spot-checked (checks.toml) and questioned (evals/unseen-34.jsonl) from the texts alone, before
the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. Blind run on af80548 (round 17's final code, parser v39): 31 of 32 held.
KNOWN: dict[tuple[str, str], str] = {}  # the one miss of the blind run (Art. 4(c)'s items 1)-4) under "have ensured
# that", a lead-in without a colon, read as Art. 4(1)-(4)) is read since parser v40

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen34", KNOWN, lost=LOST)


def test_a_convention_described_by_what_it_protects_is_named(docs) -> None:  # type: ignore[no-untyped-def]
    """ "the Council of Europe convention protecting conditional access (pay-TV) services": on the blind run only the
    adoption convention of the comparison was named, and the answer abstained. A title's word a few words after the
    kind and a verb saying what it is about names the one document whose title has it; so does one a word or two before
    the kind ("the EPPO plant protection convention"), but not across "in the" ("access in the convention")."""
    from mea_assistant.queries import analyse

    info = analyse("How long does it take for a denunciation to take effect under the Hague intercountry adoption "
                   "convention, compared with the Council of Europe convention protecting conditional access (pay-TV) "
                   "services?", docs)
    assert set(info.doc_ids) == {"intercountry-adoption-convention-1993", "conditional-access-convention-2001"}
    assert analyse("What does the convention say about conditional access in the convention area?", docs).doc_ids == []
    eppo = treaty_sets.load("unseen11").parse()
    assert "eppo-convention-1951" in analyse("Which needed fewer countries to come into force: the EPPO plant "
                                             "protection convention or the European convention on animals in "
                                             "international transport?", eppo).doc_ids


def test_penalties_are_searched_as_the_treaties_word_them(docs) -> None:  # type: ignore[no-untyped-def]
    """ "What kind of penalties ...?" is answered by "punishable by criminal, administrative or other sanctions" (Art.
    5 of the conditional access convention), which shares no word with it: the lexical query carries the treaties'
    words for a penalty."""
    from mea_assistant.queries import analyse

    lexical = analyse("What kind of penalties do parties to the conditional access convention have to provide for?",
                      docs).lexical
    assert "sanctions" in lexical and "punishable" in lexical
