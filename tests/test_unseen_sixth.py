"""The sixth set of treaties nobody tuned for (tests/fixtures/unseen6, see its README): the Nairobi Wreck Removal
Convention, the Montreal Protocol, the Antarctic Environmental Protocol and the Industrial Accidents Convention,
spot-checked (checks.toml) and questioned (evals/unseen-6.jsonl) from the texts alone, before the system was run on
them.

Each is named after itself, the hand-read spot checks hold, no sentence is lost, and a protocol is read as a
protocol."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong, kept visible: a strict xfail fails the day it is fixed.
# (The Antarctic Protocol's Schedule 3 1 d, its articles read as the Protocol's own, holds since parser v29.)
KNOWN = {("teia-convention-1992", "1 j"): "definition j) shares a line with i) and is read as part of Art. 1(i)",
         ("teia-convention-1992", "Annex I 1 i"): "items i)-n) after '###Table 5' are read as Table 5's own items"}


# Sentences the parser loses today, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
# (The Montreal Protocol's two <sup> footnotes on a line of their own under Annex D's heading are kept since parser
# v34.)
LOST = {"teia-convention-1992.md": "the <sup> footnotes in the header cells of Annex I's Tables 1, 3 and 5 "
                                   "('LD50 oral in rats', 'LC50 fish (96 hours)', ...)"}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen6", KNOWN, lost=LOST)


KINDS = [("wrc-convention-2007", "convention"), ("montreal-protocol-1987", "protocol"),
         ("antarctic-protocol-1991", "protocol"), ("teia-convention-1992", "convention")]

test_each_is_read_as_its_title_says = treaty_sets.kinds_test(KINDS)


def test_the_databases_status_line_is_dropped_and_counted(docs):
    """"Treedt in werking op een nader te bepalen tijdstip" sits under the title and every heading of the Nairobi
    text (23 times): an editorial note of the database, never a paragraph."""
    wrc = docs["wrc-convention-2007"]
    assert not [p.ref for p in wrc.paragraphs if "Treedt in werking" in p.text]
    assert sum("Treedt in werking" in d.text for d in wrc.dropped) == 23


def test_a_treaty_is_also_called_after_the_place_it_was_done_at_unless_that_names_another(docs):
    """The Antarctic environmental protocol is the "Madrid Protocol" (its closing formula, "DONE at Madrid"; not
    "the Antarctic Treaty done at Washington" of its definitions, nor the Treaty's 1959 date in its head); the
    Cartagena Protocol, done at Montreal, is never the "Montreal Protocol", which is another instrument's name."""
    from mea_assistant.parsing import parse_file
    from mea_assistant.queries import place_aliases

    assert place_aliases(docs["antarctic-protocol-1991"]) == {"madrid protocol"}
    assert place_aliases(docs["montreal-protocol-1987"]) == {"montreal protocol"}
    cartagena = parse_file(treaty_sets.FIXTURES / "unseen5" / "cartagena-protocol-2000.md")
    assert place_aliases(cartagena) == set()


def test_a_definition_is_found_where_the_treaty_misprints_the_term(docs):
    """The Industrial Accidents Convention prints '"Harzardous activity" means ...': asked for "hazardous
    activity", that is its definition; a term far from the printed one is not."""
    from mea_assistant.queries import QueryInfo
    from mea_assistant.retrieval.definitions import defining_paragraphs
    from mea_assistant.types import Filters

    own = {"teia-convention-1992": docs["teia-convention-1992"]}
    info = QueryInfo(text="", expanded="")
    assert [h.ref for h in defining_paragraphs("hazardous activity", own, Filters(), info)] == ["Art. 1(b)"]
    assert defining_paragraphs("hazardous waste", own, Filters(), info) == []


def test_a_near_spelling_never_displaces_the_exact_definition():
    """The CBD defines both "Ex-situ" and "In-situ conservation": asked for in-situ, only in-situ comes."""
    from mea_assistant.parsing import parse_file
    from mea_assistant.queries import QueryInfo
    from mea_assistant.retrieval.definitions import defining_paragraphs
    from mea_assistant.types import Filters

    cbd = parse_file(treaty_sets.FIXTURES.parent.parent / "corpus" / "cbd-convention-1992.md")
    hits = defining_paragraphs("in-situ conservation", {cbd.doc_id: cbd}, Filters(), QueryInfo(text="", expanded=""))
    assert [h.text.split('"')[1] if '"' in h.text else h.text[:20] for h in hits] == ["In-situ conservation"]


def test_a_heading_written_without_a_space_is_a_heading_whatever_follows_its_marks(docs) -> None:  # type: ignore[no-untyped-def]
    """ "###*Explanatory Notes:*" (emphasised) and "####: 1, 1, 1-Trichloroethane (Methyl Chloroform)" (a title
    after a colon that starts with a digit) are headings, never paragraphs quoted with their "###"."""
    assert not [(d.doc_id, p.ref) for d in docs.values() for p in d.paragraphs if p.text.lstrip().startswith("#")]
    montreal = docs["montreal-protocol-1987"]
    assert any(s.startswith("1, 1, 1-Trichloroethane") for p in montreal.paragraphs for s in p.section)
