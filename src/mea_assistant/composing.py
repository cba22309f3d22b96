"""Ranked paragraphs -> the answer: a lead sentence that states it, then only the points that add.

No generative model ships here, so the answer is built from the sources' own words (leads.py). The order of
the ranked paragraphs is kept: the first one is the one the second-stage ranker trusts most, and it is the
one the lead quotes and cites as [1]. A further paragraph is cited only when it says something the lead
does not: another instrument the question names, a condition or exception, or question words the lead
leaves uncovered. Lists cite their items; comparisons give one line per instrument.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from .answer_types import asked_things
from .force import TREATY_TYPES, force_of
from .leads import (NOT_STATED, PARTIES, _CONDITION, actor_in, best_span, framed, framing_of, lead_parts, named_lines,
                    render, lead_sentence, polarity, quote_in_sentence, where, widen)
from .membership import answering_formula
from .populations import population_lines
from .retrieval.headings import speaks_heading
from .retrieval.definitions import asks_definitions
from .retrieval.reasons import asks_recitals, recital_answers
from .taxa import names_taxon
from .terms import opens_list, terms
from .types import CONTEXT_KINDS, Answer, Citation, Hit

ABSTAIN_SENTENCE = "The indexed documents do not address this question."
MAX_SUPPORT = 2  # citations after the lead, outside lists and comparisons
MAX_LIST_ITEMS = 6
LIST_WINDOW = 3  # a list question may be answered by a list among the ranker's first this many ...
LIST_CLOSE = 0.5  # ... scoring at least this share of the first
LIST_ITEM_CHARS = 140  # an item in the lead sentence is cut at its last clause break within this length ...
LIST_ITEM_MAX = 210  # ... else at its first one within this, else at a word
SUPPORT_FLOOR = 0.3  # a supporting paragraph scores at least this share of the lead's score
WHO_CLOSE = 0.6  # a "who" lead may be a runner-up scoring this share of the first (see _who_lead; dev-tuned) ...
WHO_WINDOW = 4  # ... among the first this many
CLOSE = 0.45  # ... and one scoring at least this share is cited even when it repeats the lead's words
_ASKS_AGENT = re.compile(r"\bwho\s+(?:\w+\s+)?(?:provides?|provided|performs?|performed|runs?|hosts?|hosted|"
                         r"administers?|serves?|convenes?|convened|funds?|funded|pays?|paid|finances?|financed|"
                         r"appoints?|appointed|elects?|elected|designates?|designated|manages?|operates?|chairs?|"
                         r"decides?|decided|determines?|determined|approves?|approved|picks?|picked|chooses?|chose|chosen|"
                         r"selects?|selected|nominates?|nominated|names?|named|sets?|organi[sz]es?|organi[sz]ed)\b", re.I)
# A preamble leads only when the ranking puts it first by far: this many times the first operative paragraph's score,
# or with a sentence this much closer to the question (cosine) than any of that paragraph's. An answer rests on what
# the instrument provides, unless only a recital says it.
PREAMBLE_MARGIN = 10.0
PREAMBLE_GAP = 0.15


@dataclass
class Request:
    """What composing needs to know about the question, decided once upstream."""

    question: str
    query: str  # the standalone query that was searched
    kind: str = "explain"
    polar: bool = False
    instruments: list[list[str]] = field(default_factory=list)  # doc ids per instrument the question names
    sentence_scores: dict[tuple[str, int], list[float]] = field(default_factory=dict)
    relevant: bool = True  # the best paragraph is close enough for a "Yes"/"No" to be given
    mentions: bool = False  # "does X say anything about Y?": any paragraph of X answers, its preamble too
    asks: list[tuple[str, int]] = field(default_factory=list)  # best paragraph of each ask (asks.py)
    # the first paragraph is the clause asked about (clauses.py), a title block's line too, or the one a follow-up
    # asks after the last answer's ("And when a state simply signs?": "signatures to the Convention;")
    clause_first: bool = False
    taxa: tuple[str, ...] = ()  # Latin names of the species the question names (taxa.py)
    glossed: str = ""  # the glossary's wording of what it asks ("cash" -> "monetary benefits"): which list it asks for


Family = Callable[[Hit], tuple[Hit | None, list[Hit]]]  # a paragraph -> (its parent, the parent's items)


def _key(hit: Hit) -> tuple[str, int]:
    return (hit.doc_id, hit.position)


def _quote(hit: Hit, request: Request, query_terms: set[str], kind: str | None = None) -> str:
    # a table's lines that name what was asked are the quote; the rest of the record is in the sources panel
    # (by the species' Latin name when no line shares the question's words: "the mandrill" is the line "Appendix I:
    # Mandrillus sphinx")
    if hit.kind == "table" and (lines := population_lines(hit, request.taxa, request.query)
                                or named_lines(hit, query_terms)
                                or named_lines(hit, query_terms | terms(" ".join(request.taxa)))):
        return hit.text[slice(*lines)].strip()
    span = best_span(hit, query_terms, kind or request.kind, request.sentence_scores.get(_key(hit)))
    s, e = widen(hit.text, span, query_terms)
    return hit.text[s:e].strip()


def _cite(citations: list[Citation], hit: Hit, quote: str) -> Citation:
    cite = Citation(marker=len(citations) + 1, doc_id=hit.doc_id, ref=hit.ref, display=hit.display, quote=quote,
                    text=hit.text, score=hit.score, section=hit.section)
    citations.append(cite)
    return cite


def _point(hit: Hit, quote: str, marker: int) -> str:
    framing, actor = framing_of(hit, quote)
    return f"- {where(hit)}: {framed(framing, quote, actor)} [{marker}]"


def _similar(a: str, b: str) -> bool:
    ta, tb = set(a.lower().split()), set(b.lower().split())
    return bool(ta and tb) and len(ta & tb) / len(ta | tb) > 0.8


def _usable(hit: Hit) -> bool:
    """Not a fragment: five words at least, or a table's record ("Appendix II: Tridacnidae spp." is the listing)."""
    return hit.kind not in CONTEXT_KINDS and (len(hit.text.split()) >= 5 or hit.kind == "table") or hit.exact


def compose(request: Request, hits: list[Hit], abstain: bool, family: Family | None = None,
            note: str = "") -> Answer:
    """The answer to `request` from ranked `hits` (or the abstention, with `note` saying why when known)."""
    if abstain or not hits:
        text = f"{ABSTAIN_SENTENCE} {note}".strip()
        return Answer(question=request.question, rewritten_query=request.query, text=text, abstained=True,
                      citations=[], retrieved=hits, related=hits[:3], lead=ABSTAIN_SENTENCE,
                      answer_type=request.kind)
    query_terms = terms(request.query)
    if request.kind == "comparison" or len(request.instruments) >= 2:
        lines, citations = _comparison(request, hits, query_terms)
    elif family is not None and not (hits and recital_answers(hits[0], request.question, request.query)) and \
            (listed := _list_of(hits, request.kind, family, query_terms | terms(request.glossed), request.question)):
        lines, citations = _listing(*listed)
        if request.polar:  # "Do fishing boats get the same treatment?" - "No: under ..., shall be excepted – (a) ..."
            answer = polarity(listed[0].text, request.relevant, request.question)
            lines[0] = (f"{NOT_STATED}; the closest provision: " if answer == NOT_STATED else f"{answer}: ") + \
                lines[0][0].lower() + lines[0][1:]
    else:
        lines, citations = _lead_and_support(request, hits, query_terms)
    return Answer(question=request.question, rewritten_query=request.query, text="\n".join(lines), abstained=False,
                  citations=citations, retrieved=hits, related=[], lead=lines[0], answer_type=request.kind)


def _lead_and_support(request: Request, hits: list[Hit], query_terms: set[str]) -> tuple[list[str], list[Citation]]:
    usable = (hits if request.mentions else [h for h in hits if _usable(h)]) or hits[:1]
    # The best paragraph leads though it frames: the title block's line that is the clause asked ("Who prepared the
    # document?": "Prepared by the Secretariat"), or a recital where the texts state it only as a principle they
    # recall (CBD PP9: precaution) or the question asks the recital's reason
    # ... or an item too short to stand alone whose every word the question uses ("What are Parties required to do
    # about access to justice?": "Access to justice; and", read with its lead-in "Each Party shall take effective
    # measures ... regarding:")
    # ... or an item naming the species asked ("Dugongs (Dugong dugon)." of the shared species a programme lists)
    names_asked = bool(hits) and bool(hits[0].lead_in.strip()) and names_taxon(hits[0].text, request.taxa)
    if hits and usable[0] is not hits[0] and (request.clause_first or _named_item(hits[0], query_terms) or names_asked or
                                              hits[0].kind == "preamble" and (
            hits[0].score >= PREAMBLE_MARGIN * usable[0].score or
            recital_answers(hits[0], request.question, request.query) or
            hits[0].closest(request.sentence_scores) - usable[0].closest(request.sentence_scores) >= PREAMBLE_GAP)):
        usable = [hits[0], *usable]
    # (an item too short to stand alone may answer who, its lead-in naming the body: "the Scientific Council;")
    kept = {_key(h) for h in usable}
    lead_hit = _who_lead([h for h in hits if _key(h) in kept or _named_item(h, query_terms)], request, query_terms) \
        if request.kind == "who" else usable[0]
    usable = [lead_hit, *(h for h in usable if h is not lead_hit)]
    quote = _quote(lead_hit, request, query_terms)
    citations: list[Citation] = []
    _cite(citations, lead_hit, quote)
    parts = lead_parts(lead_hit, request.kind, request.polar, quote, request.relevant, query_terms, request.question)
    lines = [lead_sentence(lead_hit, parts)]
    covered = terms(quote) | terms(parts.framing)
    chosen = [lead_hit]

    def support(hit: Hit, in_lead: bool = False) -> None:
        """A point below the lead, or (`in_lead`) a further clause of the lead itself."""
        nonlocal covered
        q = _quote(hit, request, query_terms)
        marker = _cite(citations, hit, q).marker
        if in_lead:
            framing, actor = framing_of(hit, q)
            also = render(hit, q, framing, marker, actor)
            lines[0] = f"{lines[0].rstrip('.')}; {also[0].lower()}{also[1:]}"
        else:
            lines.append(_point(hit, q, marker))
        covered |= terms(q)
        chosen.append(hit)

    # each further ask's own answer, stated in the lead: a question that asks two things is answered by both first
    for hit in [h for k in request.asks for h in usable if _key(h) == k]:
        if not any(_key(hit) == _key(c) or _similar(hit.text, c.text) for c in chosen):
            support(hit, in_lead=True)
    for hit in usable[1:8]:
        if len(chosen) > MAX_SUPPORT:
            break
        if _adds(hit, chosen, covered, query_terms, request):
            support(hit)
    return lines, citations


def _named_item(hit: Hit, query_terms: set[str]) -> bool:
    """An item (it has a lead-in, and ends as an item does, "; and", not as a lead-in of its own: '"Dumping" means')
    every word of which the question uses."""
    own = terms(hit.text)
    return hit.kind not in CONTEXT_KINDS and bool(hit.lead_in.strip()) and bool(_ITEM_ENDS.search(hit.text)) \
        and bool(own) and own <= query_terms


_ITEM_ENDS = re.compile(r"(?:[.;,]|\b(?:and|or|and/or))\s*$")


def _who_lead(usable: list[Hit], request: Request, query_terms: set[str]) -> Hit:
    """A "who" question is answered by a paragraph that names someone the question does not: of the first few
    paragraphs the ranker scores close to its first, the first whose quote has such an actor leads (the
    article on ratification mentions the Depositary; the one that names it answers "who is the Depositary")."""
    top = usable[0]
    if top.exact:  # the treaty's definition of the term asked about ("Who are the competent authorities?" -> its
        # '"competent authority" means: ...'), or the article the question names: either says who
        return top
    close = [h for h in usable[:WHO_WINDOW] if h is top or h.score >= WHO_CLOSE * top.score]
    close = close[:next((i for i, h in enumerate(close) if h.score < WHO_CLOSE * top.score), len(close))]
    formula = answering_formula(request.question)
    if formula is not None:  # "Which States can join?", "Which bodies run it?": the clause in that formula
        return next((h for h in close if formula.search(h.text)), top)
    # "Who provides/runs/convenes X?" asks who does something to X, which a treaty puts in the passive ("performed
    # jointly by the Executive Director"): such an agent comes before a mere subject ("Each Party shall ...").
    passes = (True, False) if _ASKS_AGENT.search(request.question) else (False,)
    for agent_only in passes:
        for hit in close:
            # an item names its actor in its lead-in ("The Director-General shall: (a) be the head of ...")
            actor = actor_in(_quote(hit, request, query_terms), agent_only=agent_only) or \
                actor_in(hit.lead_in, agent_only=agent_only)
            generic = bool(actor) and PARTIES.match(actor) is not None  # "Each Party": the answer only if it does it
            if actor and terms(actor) - query_terms and (not generic or _does_asked(actor, hit, query_terms)):
                return hit
    return top


def _does_asked(actor: str, hit: Hit, query_terms: set[str]) -> bool:
    """The Parties answer "who" when they do what the question asks ("Any Party may propose an amendment" for "Who
    may propose amendments?"): a word of the question in the few words after them, not only elsewhere."""
    at = hit.text.find(actor)
    return at >= 0 and bool(terms(" ".join(hit.text[at + len(actor):].split()[:5])) & query_terms)


def _adds(hit: Hit, chosen: list[Hit], covered: set[str], query_terms: set[str], request: Request) -> bool:
    """A paragraph earns a citation after the lead when it says what the lead does not."""
    lead = chosen[0]
    if any(_key(hit) == _key(c) or _similar(hit.text, c.text) for c in chosen):
        return False
    if any(c.text.strip() and c.text.strip() in hit.lead_in for c in chosen) and len(hit.text.split()) < 8:
        return False  # an item whose lead-in is already quoted adds little on its own
    if lead.score > 0 and hit.score < SUPPORT_FLOOR * lead.score and not hit.exact:
        return False
    named = [ids for ids in request.instruments if ids]
    if named and not any(hit.doc_id in ids for ids in named):
        return False  # the question names its instruments: others are off the point
    if hit.doc_id == lead.doc_id and _same_provision(hit, lead) and (
            _CONDITION.search(hit.text) or hit.score >= CLOSE * lead.score):
        return True  # a condition or exception to the lead's rule, or the next part of the same provision
    if len(chosen) == 1 and hit.score >= CLOSE * lead.score:
        return True  # a runner-up the ranker trusts nearly as much as the lead
    gain = (terms(hit.text) | terms(hit.lead_in)) & query_terms - covered
    return len(gain) >= 1


def _same_provision(a: Hit, b: Hit) -> bool:
    head = lambda ref: re.split(r"[(,]", ref, maxsplit=1)[0]  # noqa: E731 - "Art. III(2)(a)" -> "Art. III"
    return head(a.ref) == head(b.ref)


def _comparison(request: Request, hits: list[Hit], query_terms: set[str]) -> tuple[list[str], list[Citation]]:
    """One line per instrument the question names, then where they differ in force or where one is silent. A
    question about the preambles compares their recitals."""
    recitals = asks_recitals(request.question)

    def fits(h: Hit) -> bool:
        return _usable(h) or recitals and h.kind == "preamble"
    groups = [ids for ids in request.instruments if ids]
    # the instrument of the best paragraph leads, side by side as well: the lead opens with what the ranker trusts most
    rank = {h.doc_id: i for i, h in reversed(list(enumerate(h for h in hits if fits(h))))}
    groups.sort(key=lambda ids: min((rank.get(d, len(hits)) for d in ids), default=len(hits)))
    if len(groups) < 2:  # "how do they differ" without two named instruments: the two best instruments
        seen: list[str] = []
        for h in hits:
            if fits(h) and h.doc_id not in seen:
                seen.append(h.doc_id)
        groups = [[d] for d in seen[:2]]
    citations: list[Citation] = []
    parts: list[str] = []
    forces: list[tuple[str, str]] = []
    silent: list[str] = []
    for ids in groups:
        own = [h for h in hits if h.doc_id in ids and fits(h)]
        if request.kind == "comparison":  # a convention compared with another answers from its own text first
            own.sort(key=lambda h: not (h.doc_id == ids[0] and h.doc_type in TREATY_TYPES))
        if not own:
            silent.append(ids[0])
            continue
        hit = own[0]
        quote = _quote(hit, request, query_terms)
        cite = _cite(citations, hit, quote)
        framing, actor = framing_of(hit, quote)
        parts.append(f"under {where(hit)}, {framed(framing, quote, actor)} [{cite.marker}]")
        force = force_of(f"{framing} {quote}", hit.doc_type)
        forces.append((hit.citation_name, force.verb if force else ""))
    if not parts:
        return _lead_and_support(request, hits, query_terms)
    joined = "; ".join(parts)
    lines = [joined[:1].upper() + joined[1:] + "."]
    verbs = {v for _, v in forces if v}
    if len(forces) >= 2 and len(verbs) >= 2:
        lines.append("They differ in force: " + "; ".join(f"{name} uses “{v}”" for name, v in forces if v) + ".")
    for doc_id in silent:
        lines.append(f"{_name_of(doc_id, hits)}: nothing on this point in the indexed text.")
    return lines, citations


def _name_of(doc_id: str, hits: list[Hit]) -> str:
    return next((h.citation_name for h in hits if h.doc_id == doc_id), doc_id)


def _list_of(hits: list[Hit], kind: str, family: Family, query_terms: set[str], question: str = ""
             ) -> tuple[Hit, list[Hit]] | None:
    """The list to answer with: the best paragraph's when it is a lead-in ("Each Party shall designate ...:"),
    which says nothing without its items; for a question asking for a list, the first list among the few
    paragraphs the ranker trusts nearly as much as its first (Art. 14(1) sets up the Clearing-House, 14(2)
    "The information shall include:" lists what goes on it)."""
    usable = [h for h in hits if _usable(h) or opens_list(h.text)]
    if not usable or len(_INLINE_ITEM.findall(usable[0].text)) >= 3 or usable[0].kind == "table":
        return None  # the paragraph lists its items itself: "(1) ...; (2) ...; and (3) ...", a table's record
    if kind != "list" and asks_definitions(question):
        return None  # "Does that definition hold for the whole MOU?": the clause opening them says it, not its terms
    top, first = usable[0], hits[0]
    # the paragraph the question cites by its ref ("annotation #8") answers, not a list ranked below it
    window = usable[:LIST_WINDOW] if kind == "list" and not top.exact else usable[:1]
    lists = []
    said = lambda p: len(terms(f"{p.lead_in} {p.text}") & query_terms)  # noqa: E731 - how much of the question
    # the list the best paragraph is an item of, when it is one (it may be too short to be usable)
    own = (family(first)[0] or first) if first.lead_in.strip() and not opens_list(first.text) else None
    for rank, hit in enumerate(window):
        if hit is not top and hit.score < LIST_CLOSE * top.score:
            break
        if not opens_list(hit.text) and not (kind == "list" and hit.lead_in.strip() and speaks_heading(hit, question)):
            continue  # an item answers with its own words (and its lead-in as framing), not as one of a list,
            # unless a question asking for a list names its article by the heading: then the article's list answers
        parent, items = family(hit)
        if parent is not None and own is not None and _key(hit) != _key(first) and _key(parent) != _key(own) and \
                said(parent) <= said(own):
            continue  # the best paragraph is an item of another list, which says no less of what is asked ("cash
            # payments": "Up-front payments;" of the monetary benefits, not the non-monetary ones' lead-in below it)
        if parent is not None and items:  # the list under the heading the question speaks (retrieval/headings.py),
            # else the one whose lead-in says most of what the question asks, then rank
            lists.append((speaks_heading(parent, question), said(parent), -rank, parent, items))
    if not lists:
        return _items_list(usable, kind, family, question)
    *_, parent, items = max(lists, key=lambda t: t[:3])
    return parent, items


SIBLING_WINDOW = 6  # how far down a list question's first item looks for its lead-in or another item of its list


def _items_list(usable: list[Hit], kind: str, family: Family, question: str) -> tuple[Hit, list[Hit]] | None:
    """A question asking for a list whose best paragraph is one item of one ("Apart from money, what kinds of
    benefits ...?": the item on professional relationships, then its lead-in "Non-monetary benefits may include:"
    and another of its items) is answered by that list, not by the one item: when the lead-in names the things
    asked for and the item does not (asked "Which conventions does the secretariat consult on a regular basis?",
    the item naming the Convention Secretariat "on a regular basis" answers, not "The secretariat shall consult:")."""
    top = usable[0]
    qualifiers, things = asked_things(question)
    if kind != "list" or not things or not top.lead_in.strip() or opens_list(top.text):
        return None
    named = re.compile(rf"\b{re.escape(things)}(?:s|es)?\b(?!-)", re.I)
    # "Which shark species did the programme focus on?": the item on sharks names the kind asked, not the list
    if named.search(top.text) or not named.search(top.lead_in) or terms(qualifiers) & terms(top.text):
        return None
    parent, items = family(top)
    if parent is None or len(items) < 2:
        return None
    kin = {(parent.doc_id, parent.position), *((i.doc_id, i.position) for i in items)} - {(top.doc_id, top.position)}
    return (parent, items) if any((h.doc_id, h.position) in kin for h in usable[1:SIBLING_WINDOW]) else None


_INLINE_ITEM = re.compile(r"(?:^|[\s;:,])\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})\)\s")  # "(a) " or "a) "
_ITEM_END = re.compile(r"[;,:]|(?<!\bArt)(?<!\bNo)(?<!\bpara)(?<!\bRes)\.(?=\s+[A-Z(])")  # a clause or sentence


def _listing(parent: Hit, items: list[Hit]) -> tuple[list[str], list[Citation]]:
    """ "What are the functions of ...": the provision that introduces the list and its items, each cited, in
    one lead sentence (each item up to its first clause); an item cut there is quoted whole below."""
    citations: list[Citation] = []
    intro = parent.text.strip()
    _cite(citations, parent, intro)
    shown, below = [], []
    for item in items[:MAX_LIST_ITEMS]:
        text = item.text.strip()
        cite = _cite(citations, item, text)
        short, cut = _item_head(text)
        label = _item_label(item)
        shown.append(f"{label}{quote_in_sentence(short)}{' …' if cut else ''} [{cite.marker}]")
        if cut:
            below.append(f"- {label}{quote_in_sentence(text)} [{cite.marker}]")
    more = f"; and {len(items) - MAX_LIST_ITEMS} more items" if len(items) > MAX_LIST_ITEMS else ""
    lines = [f"Under {where(parent)}, {quote_in_sentence(intro)} [1] " + "; ".join(shown) + more + "."]
    return lines + below, citations


def _item_label(item: Hit) -> str:
    label = re.search(r"\(([^()]+)\)$", item.ref)
    return f"({label.group(1)}) " if label else ""


def _item_head(text: str, limit: int = LIST_ITEM_CHARS) -> tuple[str, bool]:
    """An item's words (without its closing "; and"), cut at a clause break when it is long, so that the lead
    says what each item requires ("acquired by the owner outside his State of usual residence"), not its first
    few words; failing a break, at a word, never after a dangling "of" or "the". Always a prefix of the item,
    and whether words were left out."""
    bare = re.sub(r"(?:[;,.]?\s+(?:and|or))?[;,.:\s]*$", "", text.strip())
    if len(bare) <= limit:
        return bare, False
    breaks = [m.start() for m in _ITEM_END.finditer(bare, 20) if m.start() <= LIST_ITEM_MAX]
    ends = [b for b in breaks if bare[b] == "."]
    breaks = [b for b in breaks if not ends or b <= ends[0]]  # within the item's first sentence
    within = [b for b in breaks if b <= limit]
    cut = bare[:within[-1] if within else breaks[0]] if breaks else bare[:limit].rsplit(" ", 1)[0]
    return _DANGLING.sub("", cut.rstrip(" ,;:.")), True


_DANGLING = re.compile(r"(?:\s+(?:of|the|a|an|to|in|on|for|by|with|and|or|that|which|from|at|as))+$", re.I)


def verify(answer: Answer) -> Answer:
    """Drop any citation whose quote is not verbatim in its paragraph, and markers that point nowhere."""
    valid = [c for c in answer.citations if c.quote and c.quote in c.text]
    keep = {c.marker for c in valid}
    strip = lambda s: re.sub(r"\[(\d+)\]", lambda m: m.group(0) if int(m.group(1)) in keep else "", s)  # noqa: E731
    answer.citations, answer.text, answer.lead = valid, strip(answer.text), strip(answer.lead)
    return answer


__all__ = ["ABSTAIN_SENTENCE", "NOT_STATED", "Request", "compose", "verify"]
