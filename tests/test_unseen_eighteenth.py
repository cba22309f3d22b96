"""The eighteenth set of treaties nobody tuned for (tests/fixtures/unseen18, see its README): the Agreement establishing the European Molecular
Biology Laboratory (1973), the Convention for the establishment of the European Communications Office (1993, as
amended), the Convention establishing a Customs Co-operation Council (1950) and the Convention establishing the World
Intellectual Property Organization (1967), spot-checked (checks.toml) and questioned
(evals/unseen-18.jsonl) from the texts alone, before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

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
