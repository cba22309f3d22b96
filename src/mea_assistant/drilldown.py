"""A follow-up asks for something further than what the last answer said.

"May a Range State allow the taking of an Appendix I species?" is answered by CMS Art. III(5); "Is there any
reporting on those exceptions?" carries that question's words, so the paragraph already quoted ranks first again,
while the answer is the next one (III(7)). The paragraph the last answer led with has been read: in a follow-up
that leans on the conversation, the first paragraph it did not cite leads, and the earlier one may follow it.
A follow-up that asks to see those words again ("quote it", "what exactly does it say") keeps them first.

What a follow-up asks next is most often written next to what was just answered: "Who then fills a vacancy?"
after the tribunal's composition (CBD Annex II Art. 2(1)) is Art. 2(3); "Are those its only jobs?" after a list
of functions is the list's last item. The carried words find the earlier paragraph's subject anywhere in the
treaty; the follow-up's own words, read against the paragraphs around the one cited, find the next step there
(`near_first`). "Does AEWA's secretariat have that role too?" asks for the other treaty's counterpart of the cited
paragraph: the one closest to its text (`counterpart_first`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from .retrieval.finalclauses import asks_leaving, is_denunciation
from .sentences import sentence_spans
from .stores.hits import paragraph_hit
from .terms import terms
from .types import Document, Hit, ParagraphKey

UNTOLD = 0.5  # share of a sentence's words the last answer did not use, for it to be untold
UNTOLD_MIN = 2  # the follow-up's own words an untold sentence must say, at least
# A follow-up asking for the next step of a procedure the last answer told
_NEXT_STEP = re.compile(r"\b(?:then|next|afterwards|thereafter)\b|\bafter\s+(?:that|this)\b|"
                        r"\bonce\s+(?:it|they|that|this|those|these)\b", re.I)
# "the next category after that", "the next meeting": the next of a series of things, not a step of a procedure
_NEXT_THING = re.compile(r"\bnext\s+(?!(?:steps?|stages?|with|for|to|in|on|at|by|of|and|or|if|when|once|after|"
                         r"time|then|under|about|regarding)\b)[a-z]{3,}", re.I)
WINDOW = 5  # how far down the next paragraph is looked for: below it, the ranker no longer trusts it
# "Quote it", "what exactly does it say", "the full text", "word for word": the same paragraph, again
_AGAIN = re.compile(r"\bquote\b|\bexact(?:ly)?\s+(?:words?|wording|text)\b|\bwhat\s+exactly\s+does\b|"
                    r"\bfull\s+text\b|\bword\s+for\s+word\b|\brepeat\b|\bverbatim\b|\bsay\s+(?:that\s+)?again\b", re.I)


def last_answer(history: Sequence[dict[str, str]]) -> str:
    """The lead of the last assistant turn (its first line: what the user read as the answer; the points below
    it may have been skimmed), its references written as the index labels them ("Article 5(2)" -> "Art. 5(2)",
    "paragraph 10" -> "para. 10")."""
    text = next((t.get("content", "") for t in reversed(history) if t.get("role") == "assistant"), "")
    text = text.strip().split("\n", 1)[0]
    text = re.sub(r"\bArticle\s+(?=[IVXLC\d])", "Art. ", text)
    return re.sub(r"\b(?:paragraph|para)\.?\s+(?=\d)", "para. ", text)


def _self_and_parents(ref: str) -> list[str]:
    """"Art. III(5)(d)", "Art. III(5)": a lettered item was read with the paragraph that leads into it, when that
    one was cited (not a numbered paragraph: "Art. III" cited does not cover "Art. III(5)", a text of its own)."""
    refs = [ref]
    while (parent := re.sub(r"\((?:[a-z]{1,2}|[ivx]+)\)$", "", refs[-1])) != refs[-1]:
        refs.append(parent)
    return refs


def cited_in(hit: Hit, answer: str, conversation: str) -> bool:
    """The hit's own paragraph is cited in `answer` (its label whole: "Art. III(5)" is not "Art. III(5)(a)"), or the
    paragraph leading into it when it is a lettered item (_self_and_parents), and its instrument is named in the
    `conversation` (lower-cased, once per question): another treaty's "Art. 3(2)" is a different text."""
    if not hit.ref or not answer or not any(_cites(answer, ref) for ref in _self_and_parents(hit.ref)):
        return False
    return _named_in(conversation, hit.citation_name, hit.conventions)


RESTATED = 0.7  # the share of an answer's words a paragraph holds when the answer told what it says
RESTATED_MIN = 5  # ... of an answer saying this many words at least (not "Yes." or "Article 5")


def restates(told: set[str], hit: Hit) -> bool:
    """An answer that cites no label ("ICCWC brings together the CITES Secretariat, INTERPOL, UNODC, the World Bank
    and the World Customs Organization") told a paragraph when nearly all its words are that paragraph's."""
    return len(told) >= RESTATED_MIN and len(told & terms(f"{hit.text} {hit.lead_in}")) >= RESTATED * len(told)


def _cites(answer: str, ref: str) -> bool:
    """`answer` cites the paragraph labelled `ref`, the label whole ("Art. III(5)" is not "Art. III(5)(a)")."""
    # the substring test first: a follow-up reads every paragraph label of the instruments the conversation names
    return ref in answer and bool(re.search(rf"(?<![\w.]){re.escape(ref)}(?![\w(]|\.\d)", answer))


def _named_in(conversation: str, name: str, conventions: Sequence[str]) -> bool:
    return any(n and n.lower() in conversation for n in (name, *conventions))


def further_first(hits: list[Hit], question: str, history: Sequence[dict[str, str]]) -> list[Hit]:
    """The hits with the first paragraph the last answer did not cite moved to the top, when the first one it
    did cite leads and says no more of the follow-up's own words; unchanged for a question that names its
    paragraph or asks to see it again."""
    if not hits or hits[0].exact or _AGAIN.search(question):
        return hits
    answer = last_answer(history)
    context = " ".join(t.get("content", "") for t in history).lower()
    told = terms(answer)

    def answered(hit: Hit) -> bool:  # cited by its label, or told in its words without one
        return cited_in(hit, answer, context) or restates(told, hit)
    if not answered(hits[0]):
        return hits
    own = terms(question)  # the follow-up's own words, not the context carried into its query
    said = lambda hit: len(own & terms(f"{hit.text} {hit.lead_in}"))  # noqa: E731
    read = 0  # paragraphs the last answer cited (its items among them) do not use up the window
    fresh: list[int] = []  # where the paragraphs the last answer did not tell are, within the window
    for i, hit in enumerate(hits[1:], 1):
        if i >= WINDOW + read:
            break
        if answered(hit):
            read += 1
        else:
            fresh.append(i)
    if not fresh:
        return hits
    # "And what does that authority then do with the animal?": the step after the one told is the paragraph after it
    after = next((j for j in fresh if hits[j].doc_id == hits[0].doc_id and hits[j].position == hits[0].position + 1),
                 None)
    if after is not None and _NEXT_STEP.search(question) and not _NEXT_THING.search(question):
        return [hits[after]] + hits[:after] + hits[after + 1:]
    # the first of them, or a later one saying more of the follow-up's own words ("Was anything signed to set it
    # up?": "A Letter of Understanding was signed ...")
    # ... of the instrument the last answer quoted, when it has one there: the conversation stays in it (a CBD recital
    # using "urgent" does not tell what the CITES preamble says of urgency)
    fresh = [j for j in fresh if hits[j].doc_id == hits[0].doc_id] or fresh
    i = max(fresh, key=lambda j: (said(hits[j]), -j))
    # unless the paragraph already quoted says more of what is asked now ("What's the deadline for that?"), or as
    # much in a sentence the answer did not tell ("Can a reservation like that be withdrawn?": Art. XV's "Such a
    # reservation may be withdrawn at any time", after an answer telling its first sentence)
    if said(hits[0]) > said(hits[i]) or len(own & _untold(hits[0], told)) >= max(UNTOLD_MIN, said(hits[i])):
        return hits
    return [hits[i]] + hits[:i] + hits[i + 1:]


def _untold(hit: Hit, told: set[str]) -> set[str]:
    """The words of the paragraph's sentences the last answer did not tell (most of whose words it did not use)."""
    out: set[str] = set()
    for a, b in sentence_spans(hit.text):
        words = terms(hit.text[a:b])
        if len(words - told) > UNTOLD * len(words):
            out |= words
    return out


BEFORE, AFTER = 2, 10  # the paragraphs around a cited one that "what then?", "who appoints them?" may be about
# a follow-up that names its own locator ("And for Appendix III?", "What about Article 9?") points elsewhere
_LOCATOR = re.compile(r"\b(?:appendix|appendices|article|annex|paragraph|para|section|part|table)\s+"
                      r"(?:[IVXLC]+|\d+|[A-Z])\b", re.I)

Similarity = Callable[[list[Hit]], dict[ParagraphKey, list[float]]]  # hits' sentences against the question
TextSimilarity = Callable[[str, list[Hit]], dict[ParagraphKey, list[float]]]  # ... against a given text


def answered_positions(doc: Document, answer: str, conversation: str) -> list[int]:
    """Where in `doc` the paragraphs are that the last answer cited by their ref, when the conversation names
    the document's instrument (another treaty's "Art. 3(2)" is a different text)."""
    if not answer or not _named_in(conversation, doc.citation_name, doc.conventions):
        return []
    return [p.position for p in doc.paragraphs if p.ref and _cites(answer, p.ref)]


def _answered(history: Sequence[dict[str, str]], documents: dict[str, Document]) -> list[tuple[Document, list[int]]]:
    """Each document with the positions the last answer cited in it (answered_positions), those it cited in."""
    answer = last_answer(history)
    conversation = " ".join(t.get("content", "") for t in history).lower()
    found = [(doc, answered_positions(doc, answer, conversation)) for doc in documents.values()]
    return [(doc, cited) for doc, cited in found if cited]


def _to_front(hits: list[Hit], hit: Hit) -> list[Hit]:
    return [hit] + [h for h in hits if (h.doc_id, h.position) != (hit.doc_id, hit.position)]


def around(doc: Document, cited: Sequence[int]) -> list[int]:
    """The positions just before and after the cited ones (a list's items among them), not the cited ones."""
    size = len(doc.paragraphs)
    near = {j for c in cited for j in range(max(0, c - BEFORE), min(size, c + AFTER + 1))}
    return sorted(near - set(cited))


def near_first(hits: list[Hit], question: str, history: Sequence[dict[str, str]], documents: dict[str, Document],
               named: Sequence[str], similarity: Similarity) -> list[Hit]:
    """The paragraph next to one the last answer cited leads, when the follow-up's own words (`similarity`: each
    paragraph's sentences against them) are closer to it than to the paragraph leading now; unchanged when the
    leader is already one of those neighbours, when the question names its paragraph or a locator of its own,
    or when it names another instrument (`named`: its documents) than the cited paragraph's. Nor when it asks how
    to leave and the leader is the clause on leaving: "What about leaving it?" after joining is not a drill-down."""
    if not hits or hits[0].exact or _LOCATOR.search(question) or \
            (asks_leaving(question) and is_denunciation(hits[0])):
        return hits
    near = [paragraph_hit(doc, j, hits[0].score) for doc, cited in _answered(history, documents)
            if not named or doc.doc_id in named for j in around(doc, cited)]
    top = hits[0]
    if not near or any((h.doc_id, h.position) == (top.doc_id, top.position) for h in near):
        return hits
    sims = similarity(near + [replace(top)])  # a copy: the leader's own relevance to the whole query stays as it is
    winner = max(near, key=lambda hit: hit.closest(sims))
    return hits if winner.closest(sims) < top.closest(sims) else _to_front(hits, winner)


COUNTERPART_MARGIN = 0.05  # cosine by which a counterpart must be closer to the cited paragraph than the leader
# "Does AEWA give its secretariat that role too?", "Is it the same under CMS?", "And under AEWA?": the counterpart
_SAME = re.compile(r"\b(?:same|too|also|as\s+well|likewise|equivalent|counterpart|similar(?:ly)?|either)\b|"
                   r"^\s*(?:and|what\s+about|how\s+about)\b", re.I)


def counterpart_first(hits: list[Hit], question: str, history: Sequence[dict[str, str]],
                      documents: dict[str, Document], named: Sequence[str],
                      similarity: TextSimilarity) -> list[Hit]:
    """A follow-up asking whether another instrument (`named`: its documents) does the same is answered by the
    paragraph of that instrument closest to the one the last answer cited (`similarity`: candidates' sentences
    against that paragraph's text), when it is closer to it than the leader by COUNTERPART_MARGIN: "that role"
    is the cited paragraph's ("to invite the attention of the Conference ..."), not the carried words'."""
    if not hits or hits[0].exact or not named or not _SAME.search(question):
        return hits
    cited = [doc.paragraphs[j].text for doc, positions in _answered(history, documents) if doc.doc_id not in named
             for j in positions]
    pool = [h for h in hits if h.doc_id in named]
    if not cited or not pool:
        return hits
    sims = similarity(" ".join(cited)[:1000], [replace(h) for h in pool])  # copies: their own scores stay
    winner = max(pool, key=lambda hit: hit.closest(sims))
    if winner is hits[0] or winner.closest(sims) < hits[0].closest(sims) + COUNTERPART_MARGIN:
        return hits
    return _to_front(hits, winner)


# "Are those its only jobs?", "Is that list closed?", "Beyond its listed duties, can the Parties hand it other work?"
_BEYOND_LIST = re.compile(r"\b(?:only\s+(?:jobs|tasks|functions|duties|powers|roles)|(?:list|functions|tasks|duties|remit)\s+"
                          r"(?:is\s+|are\s+)?(?:closed|exhaustive|limited)|beyond\s+(?:its|their|those|these|the)\s+"
                          r"(?:listed\s+)?(?:duties|functions|tasks|jobs|powers)|(?:give|hand|assign|entrust)\s+(?:it|them)\s+"
                          r"(?:more|other|further|additional)|other\s+(?:work|tasks|functions|duties|jobs|matters)|"
                          r"anything\s+else)\b|"
                          # "is it only species that might become threatened, or can other species go in too?"
                          r"\bonly\b[^?]{0,100}?,?\s+or\s+(?:can|could|may|do|does|are|is)\s+(?:any\s+)?others?\b", re.I)
# a list's last item that leaves it open: "to perform any other function as may be entrusted to it by the Parties"
_CATCH_ALL = re.compile(r"\b(?:any|such)\s+other\s+(?:functions?|tasks?|matters?|activit(?:y|ies)|duties|actions?|"
                        r"questions?|responsibilit(?:y|ies))\b|"
                        r"^\s*other\s+[a-z]+\s+(?:which|that|whose)\b", re.I)  # "(b) other species which must be ..."


def catch_all_first(hits: list[Hit], question: str, items: Callable[[Hit], Sequence[Hit]]) -> list[Hit]:
    """A question whether a list of functions is closed is answered by the item that leaves it open ("any other
    function as may be entrusted to it"), from the first ten paragraphs or the leader's list (`items` of a hit)."""
    if not hits or hits[0].exact or not _BEYOND_LIST.search(question):
        return hits
    found = next((h for h in [*hits[:10], *items(hits[0])] if h.lead_in and _CATCH_ALL.search(h.text)), None)
    if found is None or (found.doc_id, found.position) == (hits[0].doc_id, hits[0].position):
        return hits
    return _to_front(hits, found)


NAMED_WINDOW = 3  # how far down a follow-up's yes/no question looks for the item it names word for word


def named_item_first(hits: list[Hit], question: str) -> list[Hit]:
    """A yes/no follow-up naming one item of a list in the item's own words ("Is research and monitoring one of those
    headings?", "Do they deal with tourism at all?") is answered by that item ("research and monitoring;",
    "tourism;"), too short for the ranker to put first."""
    own = terms(question)
    found = next((h for h in hits[:NAMED_WINDOW] if h.lead_in.strip() and not h.exact and len(h.text.split()) <= 4
                  and terms(h.text) and terms(h.text) <= own), None)
    return hits if found is None or found is hits[0] else _to_front(hits, found)


__all__ = ["catch_all_first", "named_item_first", "counterpart_first", "further_first", "last_answer", "cited_in",
           "near_first"]
