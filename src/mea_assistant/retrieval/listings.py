"""Where a species is listed: the questions that ask it, and the listing rows that answer them before any provision
that only shares the species' name."""

from __future__ import annotations

import re
from typing import Collection, Sequence

from ..taxa import lists_taxon, names_taxon
from ..types import Hit
from .rows import designators

# A question on where or whether a species is listed ("Which appendix lists the finless porpoise?", "Is the whale
# shark listed under CMS?"), not one about "a listed orchid"
# Where a species is listed: "Which appendix lists ...?", "Is the whale shark on Appendix I?", "listed in ...". Not an
# appendix named as the setting of another question ("a permit for an Appendix II orchid", "we put it on Appendix III;
# how long until the listing stops applying?"): a listing row holds no permit rule or time limit.
ASKS_LISTING = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+){0,3}?(?:appendi(?:x|ces)|annex(?:es)?|schedules?|lists?|"
                           r"categor(?:y|ies)|columns?)\b|"
                           # "are ... in the second, less strict appendix", "which populations sit in Appendix II"
                           # "is the shoebill placed in column A", "how is its population categorised in Table 1"
                           # (not a setting: "a duck population that sits in Column A")
                           r"(?<!\bthat\s)(?<!\bwhich\s)\b(?:is|are|was|were|sits?|belongs?|appears?)\b[^?.]{0,60}\b"
                           r"(?:on|in|under|into)\s+(?:an?\s+|the\s+|its\s+)?(?:[\w'’-]+,?\s+){0,4}?"
                           r"(?:appendi(?:x|ces)|annex(?:es)?|schedules?|lists?|columns?|tables?)\b|"
                           r"\b(?:transferred|moved|added|included|uplisted|downlisted)\s+(?:to|in|on|into)\s+(?:the\s+)?"
                           r"(?:[A-Z]{3,6}\s+)?(?:appendi(?:x|ces)|annex(?:es)?|schedules?|lists?)\b|"
                           r"\blisted\b(?=\s*(?:[?.,]|$|in\b|on\b|under\b|by\b|anywhere\b|at all\b))|"
                           # "Does CITES list them?", "does the Bonn Convention list the saker falcon?"
                           r"\b(?:does|do|did)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,3}?\s+list\b(?!\s+of\b)|"
                           # "which albatrosses does CMS Appendix I list?"
                           r"\b(?:appendi(?:x|ces)|annex(?:es)?|schedules?)\s+(?:[IVX]+|\d+)\s+(?:list|include|cover|"
                           r"contain)s?\b|"
                           # "which herons are among the waterbirds covered by AEWA", "does it protect any insects?"
                           r"\b(?:covered|included|protected)\s+(?:by|in|under)\b|\bprotects?\s+any\b|"
                           # "Which country had the sea cucumber put on Appendix III?": the Party a row names beside
                           # it listed it (not "we put it on Appendix III; how long ...", whose setting it is)
                           r"^\s*(?:who|which\s+(?:country|countries|part(?:y|ies)|states?|governments?))\b[^?]{0,80}?"
                           r"\b(?:put|placed|added|entered|included)\b[^?]{0,40}?\b(?:on|in|into|under)\s+(?:the\s+)?"
                           r"(?:[A-Z]{3,6}\s+)?(?:appendi(?:x|ces)|annex(?:es)?|schedules?)\b|"
                           # "What conservation status does AEWA's Table 1 give to the white-headed duck?", "How
                           # does AEWA Table 1 classify the Dalmatian pelican?": the row of the table named
                           r"\b(?:what|which|how)\s+(?:[\w-]+\s+){0,2}?(?:status|categor(?:y|ies)|classification|column)\b"
                           r"[^?.]{0,40}?\b(?:tables?|appendi(?:x|ces)|"
                           r"annex(?:es)?)\s+(?:[IVX]+|\d+)\b|\b(?:tables?|appendi(?:x|ces)|annex(?:es)?)(?:\s+(?:[IVX]+|\d+))?\s+"
                           r"(?:classif(?:y|ies)|categori[sz]es?|gives?|rates?|ranks?)\b|"
                           # "... is the binturong on it, and which country put it there?"
                           r"\b(?:which|what)\s+(?:country|countries|part(?:y|ies)|states?|governments?)\s+(?:put|placed|"
                           r"added|listed|submitted|proposed)\b|"
                           # "Are both in the same column?", "the same appendix as the other"
                           # ("the same strict CITES listing as the other tapirs")
                           r"\bsame\s+(?:[\w-]+\s+){0,2}?(?:columns?|categor(?:y|ies)|appendix|annex|table|listing)\b|"
                           # "How many babirusa species does CITES put in Appendix I?": the rows count them
                           r"\bhow\s+many\b[^?.]{0,60}?\b(?:in|on|under|into)\s+(?:its\s+|the\s+)?(?:[\w'’-]+\s+){0,2}?"
                           r"(?:appendi(?:x|ces)|annex(?:es)?|schedules?|tables?)\b|"
                           # "And which of them does CITES put in its Appendix I?"
                           r"\b(?:which|what)\b[^?.]{0,40}?\b(?:put|puts|place|places|include|includes)\s+"
                           r"(?:[\w'’-]+\s+){0,3}?(?:in|on|into|under)\s+(?:its\s+|the\s+)?(?:[\w'’-]+\s+){0,2}?"
                           r"(?:appendi(?:x|ces)|annex(?:es)?|schedules?|tables?)\b|"
                           # "How does the African-Eurasian waterbird agreement deal with it?" after the corncrake:
                           # how an instrument treats a species is where it lists it
                           r"\bhow\s+(?:does|do|did)\s+[^?]{1,60}?\b(?:deal\s+with|treats?|handles?)\b|"
                           # "Which country is behind the Appendix III listing of toucans?": the Party its row names
                           r"^\s*(?:who|which\s+(?:country|countries|part(?:y|ies)|states?|governments?))\b[^?]{0,60}?"
                           r"\b(?:behind|responsible\s+for|requested|proposed|asked\s+for)\b[^?]{0,60}?\blisting\b|"
                           # "And the mandrill, where does that sit?", "where is the vaquita listed?"
                           r"\bwhere\s+(?:does|do|is|are|would|will)\s+(?:[\w'’-]+\s+){1,4}?(?:sit|listed|placed|fall|"
                           r"belong|go)\b|"
                           # "Who listed Spanish cedar (Cedrela odorata) in Appendix III?"
                           r"\blist(?:s|ed)?\s+(?:[\w()'’.-]+\s+){1,6}?(?:in|on|under|into)\s+(?:the\s+)?"
                           r"(?:appendi(?:x|ces)|annex(?:es)?|schedules?)\b", re.I)


def listed_first(hits: list[Hit], query: str, taxa: Sequence[str], named_docs: Collection[str] = ()) -> list[Hit]:
    """A question on where a species is listed is answered by the listing that holds its Latin name, however
    few words it shares with the question: its listing rows first, then other paragraphs naming it, each in the
    ranker's order. The most specific names count ("Neophocaena phocaenoides" for "finless porpoise", not the
    order CETACEA of "porpoises"; the family Balaenidae of "bowhead and right whales", not the CETACEA of "whales")."""
    if not taxa or not ASKS_LISTING.search(query):
        return hits
    designated = designators(query)

    lowered = query.lower()
    # (a species named besides: "the mandrill" after "primates" is in its family's row, not the order's)
    species = [t for t in taxa if " " in t]

    # "How does AEWA's Action Plan table classify them?": a table's rows before an annex's list of the same species
    tabled = re.search(r"\btables?\b", query, re.I) is not None

    def rank(hit: Hit) -> tuple[int, bool, int]:
        # a family is named by the heading its rows sit under ("SPHENISCIDAE"), a species in the row itself
        holds = lists_taxon(hit, taxa)
        # the row headed by the taxon the question writes in Latin ("owls (order Strigiformes)": STRIGIFORMES, not
        # the family Strigidae) before any; a listing row before a mention; the named instrument's own before
        # another's; the row of the table or appendix the question names ("Table 1", "Appendix I") before the same
        # species' row in another
        written = hit.kind == "table" and re.search(rf"\b{re.escape(hit.ref.rsplit(',', 1)[-1].strip().lower())}\b",
                                                      lowered) is not None and (not species or holds)
        # (of a comparison naming one in each instrument, "CMS Appendix II ... Table 1 of AEWA", each row names one)
        return -1 if written else 0 if holds and hit.kind == "table" else 1 if holds else 2, \
            bool(named_docs) and hit.doc_id not in named_docs, \
            -len(designated & designators(f"{hit.ref} {hit.section}")) - int(tabled and "table" in hit.ref.lower())
    return sorted(hits, key=rank)  # stable: the ranker's order within each


ROW_REACH = 3  # the listing row of the species asked about is moved up from this far at most


def own_row_first(hits: list[Hit], taxa: Sequence[str], query: str = "") -> list[Hit]:
    """A listing row of another taxon never answers a question on the one asked about ("Does that include fossils?"
    after lace corals: the stony corals' row shares the fossils note, not the species): when one leads, the row
    of the species asked, found close below, leads instead. A row naming a taxon the question writes in Latin is the
    question's own ("owls (order Strigiformes)": STRIGIFORMES, though the glossary adds the family Strigidae)."""
    if not taxa or not hits or hits[0].kind != "table" or lists_taxon(hits[0], taxa):
        return hits
    written = [t for t in taxa if re.search(rf"\b{re.escape(t)}\b", query, re.I)]
    if names_taxon(f"{hits[0].text} {hits[0].section}", written):
        return hits
    own = next((h for h in hits[1:ROW_REACH] if h.kind == "table" and lists_taxon(h, taxa)), None)
    return hits if own is None else [own] + [h for h in hits if h is not own]
