"""The fifty-ninth set of treaties nobody tuned for (tests/fixtures/unseen59, see its README): the 1981 Netherlands-US
notes making De Nederlandsche Bank the manager of the Iran claims security account (with the two Algiers
Declarations), the 1990 letters on the privileges and immunities of the Iran-United States Claims Tribunal, the 2005
Netherlands-Isle of Man tax information agreement and the 2003 Caribbean agreement on suppressing illicit maritime
and air drug trafficking, spot-checked (checks.toml) and questioned (evals/unseen-59.jsonl) from the texts alone,
before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost. Blind run on 0c2cbc0 (round 28's
final code, parser v64): 30 of 32 spot checks held, titles 2 of 4 (both exchanges were titled by their letterhead,
"EMBASSY OF THE UNITED STATES OF AMERICA", "MINISTER FOR FOREIGN AFFAIRS"); parser v65 mends all four."""

from __future__ import annotations

import treaty_sets

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen59", {})


def test_an_exchange_is_titled_by_the_agreement_between_its_parties(docs) -> None:  # type: ignore[no-untyped-def]
    """The letters print only the database's Dutch title, "### Nr. I" and a letterhead; what names them is the
    formula that makes them an agreement: "this letter and your letter in reply shall constitute an agreement between
    the Kingdom of the Netherlands and the Iran-United States Claims Tribunal which will enter into force ..."."""
    letters = docs["iran-claims-tribunal-privileges-letters-1990"]
    assert letters.title == "Agreement between the Kingdom of the Netherlands and the Iran-United States Claims Tribunal"
    assert letters.doc_type == "agreement"
    notes = docs["iran-claims-security-account-notes-1981"]
    assert notes.title == "Agreement between the United States of America and the Kingdom of the Netherlands"
    assert "Embassy" not in notes.citation_name and "Minister" not in letters.citation_name


def test_a_note_numbered_without_its_point_heads_a_part(docs) -> None:  # type: ignore[no-untyped-def]
    """"### Nr  I" (no point) opens the first note as "### Nr.  II" opens the reply: the first note is "Nr. I"."""
    refs = [p.ref for p in docs["iran-claims-security-account-notes-1981"].paragraphs]
    assert refs[0] == "Nr. I" and any(r.startswith("Nr. II") for r in refs)


def test_an_item_letter_glued_to_the_article_a_is_an_item(docs) -> None:  # type: ignore[no-untyped-def]
    """"a.a real action relating to private immovable property" is item (a) of Article 9(2), as "b.an action" is (b)."""
    by_ref = {p.ref: p.text for p in docs["iran-claims-tribunal-privileges-letters-1990"].paragraphs}
    assert by_ref["Nr. I, Art. 9(2)(a)"].startswith("a real action relating to private immovable property")
