"""Hits -> Answer: extractive, attributed, every sentence cited, or a recognisable abstention.

No generative model ships here, so the answer is built from the sources' own words: the best sentence
(or clause) of each selected paragraph, attributed to the body that acts ("The Conference of the Parties
urges Parties to ...") or introduced by the parent lead-in of a sub-paragraph, grouped by instrument.
Quotes are exact substrings of their paragraph, so every citation can be verified by string search.
"""

from __future__ import annotations

import re
from collections import OrderedDict

from .terms import terms
from .types import Answer, Citation, Hit

ABSTAIN_SENTENCE = "The indexed documents do not address this question."
_MODAL = re.compile(r"\b(shall|should|may|will|must|are encouraged|urges?|requests?|invites?|encourages?)\b", re.I)
_OPERATIVE_VERB = re.compile(
    r"^((?:Also |Further |Further also |Strongly |Again )?(?:urges|requests|invites|encourages|calls on|calls upon|"
    r"decides|instructs|welcomes|notes|recognizes|recognises|stresses|emphasizes|affirms|reaffirms|adopts|"
    r"recommends|acknowledges|agrees|appeals|endorses|approves|takes note|expresses|confirms|directs|"
    r"highlights|underlines|notes with concern|urges also))\b", re.I)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence (or long-clause) spans of a paragraph, as offsets so quotes stay verbatim."""
    spans = []
    start = 0
    for m in re.finditer(r"(?<=[.;:])\s+(?=[A-Z(\"“a-z])|\n+", text):
        end = m.start()
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    merged: list[tuple[int, int]] = []
    for s, e in spans:  # keep "e.g." and "Art." fragments with their sentence
        if merged and (e - s < 25 or re.search(r"\b(?:e\.g|i\.e|Art|No|para|Res|Conf|Rev|cf|etc)\.$", text[merged[-1][0]:merged[-1][1]])):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def best_quote(text: str, query_terms: set[str], max_chars: int = 700) -> str:
    """The passage of `text` that answers the query: the whole paragraph when it is short, else the sentence
    sharing most query terms widened by its neighbours up to `max_chars`. Always a verbatim substring."""
    stripped = text.strip()
    if len(stripped) <= max_chars:
        return stripped
    spans = sentence_spans(text)
    scores = [len(terms(text[s:e]) & query_terms) + (0.3 if i == 0 else 0.0) for i, (s, e) in enumerate(spans)]
    best = max(range(len(spans)), key=lambda i: scores[i]) if spans else 0
    lo = hi = best
    while True:  # widen towards the neighbour that shares more terms, while it fits
        options = [i for i in (lo - 1, hi + 1) if 0 <= i < len(spans)]
        options = [i for i in options if spans[max(hi, i)][1] - spans[min(lo, i)][0] <= max_chars]
        if not options:
            break
        pick = max(options, key=lambda i: scores[i])
        lo, hi = min(lo, pick), max(hi, pick)
    quote = text[spans[lo][0]:spans[hi][1]].strip() if spans else stripped
    if len(quote) > max_chars * 1.5:  # one very long sentence: cut at a word boundary
        quote = quote[: int(max_chars * 1.5)].rsplit(" ", 1)[0]
    assert quote in text
    return quote


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _short_body(acting_body: str | None) -> str:
    if not acting_body:
        return ""
    body = re.split(r"\s+to the\s+|,", acting_body, maxsplit=1)[0].strip()
    return body if body.lower().startswith("the ") else f"The {body}"


def attribute(hit: Hit, quote: str, show_lead_in: bool = True) -> str:
    """One answer sentence around a verbatim quote, in the document's own framing."""
    where = hit.display
    opens_paragraph = hit.text.strip().startswith(quote)
    body = _short_body(hit.acting_body)
    if hit.kind == "operative" and body and opens_paragraph and _OPERATIVE_VERB.match(quote):
        # "Urges Parties to ..." under "The Conference of the Parties ..." -> who acts, then the verbatim words.
        return f"In {hit.citation_name} ({hit.ref}), {_lower_first(body)} {_lower_first(quote)}"
    if hit.lead_in and opens_paragraph and show_lead_in:
        lead = hit.lead_in.strip()
        if len(lead) > 220:
            lead = "… " + lead[-200:].split(" ", 1)[-1]
        return f"{where}: {lead} {quote}"
    if hit.kind == "preamble":
        return f"In its preamble, {hit.citation_name} ({hit.ref}) records: “{quote}”"
    return f"{where}: “{quote}”"


def _modal_summary(groups: "OrderedDict[str, list[Citation]]") -> str:
    """Say when instruments differ in force: "shall" in one, "should"/"may" in another."""
    found = {}
    for name, cites in groups.items():
        words = {m.group(1).lower() for c in cites for m in _MODAL.finditer(c.quote)}
        if words:
            found[name] = sorted(words)
    if len(found) < 2 or len({tuple(v) for v in found.values()}) < 2:
        return ""
    parts = [f"{name} uses “{'”, “'.join(words)}”" for name, words in found.items()]
    return "The instruments differ in their wording: " + "; ".join(parts) + "."


def compose(question: str, query: str, hits: list[Hit], max_citations: int, abstain: bool) -> Answer:
    """Build the answer text and citations from ranked hits (or the abstention when `abstain`)."""
    if abstain or not hits:
        return Answer(question=question, rewritten_query=query, text=ABSTAIN_SENTENCE, abstained=True,
                      citations=[], retrieved=hits, related=hits[:3])
    query_terms = terms(query)
    chosen: list[Hit] = []
    best = max((h.dense for h in hits[:3]), default=0.0)
    for rank, hit in enumerate(hits):
        if len(chosen) >= max_citations:
            break
        if len(chosen) >= 2 and not hit.exact and hit.dense < best - 0.2:
            continue  # a weak paragraph adds noise, not support
        if hit.kind in ("preamble", "front-matter") and rank >= 2 and not hit.exact:
            continue  # recitals give context; the operative text answers
        if len(hit.text.split()) < 4 and not hit.exact:
            continue  # headings and bare table labels make poor evidence
        if any(_similar(hit.text, c.text) for c in chosen):
            continue
        chosen.append(hit)
    if not chosen:
        chosen = hits[:1]
    # Read like the instrument: grouped by document (best-ranked first), in the document's own order.
    doc_rank = {d: i for i, d in enumerate(dict.fromkeys(h.doc_id for h in chosen))}
    chosen.sort(key=lambda h: (not h.exact, doc_rank[h.doc_id], h.position))  # a named paragraph first
    groups: "OrderedDict[str, list[tuple[Hit, Citation]]]" = OrderedDict()
    citations: list[Citation] = []
    for hit in chosen:
        quote = best_quote(hit.text, query_terms)
        cite = Citation(marker=len(citations) + 1, doc_id=hit.doc_id, ref=hit.ref, display=hit.display, quote=quote,
                        text=hit.text, score=hit.score, section=hit.section)
        citations.append(cite)
        groups.setdefault(hit.citation_name, []).append((hit, cite))
    lines: list[str] = []
    multi = len(groups) > 1
    for name, items in groups.items():
        if multi:
            lines.append(f"**{name}**")
        for hit, cite in items:
            # The parent's words are already quoted when the parent itself is cited: do not repeat them.
            parent_cited = any(c.doc_id == hit.doc_id and c.text.strip() and c.text.strip() in hit.lead_in
                               for c in citations if c.marker != cite.marker)
            sentence = attribute(hit, cite.quote, show_lead_in=not parent_cited).rstrip()
            sentence = re.sub(r"\s*\n\s*", "; " if hit.kind == "table" else " ", sentence)
            lines.append(f"{'- ' if multi else ''}{sentence} [{cite.marker}]")
    if multi:
        note = _modal_summary(OrderedDict((n, [c for _, c in items]) for n, items in groups.items()))
        if note:
            marks = " ".join(f"[{c.marker}]" for c in citations)
            lines.append(f"{note} {marks}")
    return Answer(question=question, rewritten_query=query, text="\n".join(lines), abstained=False,
                  citations=citations, retrieved=hits, related=[])


def _similar(a: str, b: str) -> bool:
    ta, tb = set(a.lower().split()), set(b.lower().split())
    return bool(ta and tb) and len(ta & tb) / len(ta | tb) > 0.8


def verify(answer: Answer) -> Answer:
    """Drop any citation whose quote is not verbatim in its paragraph, and markers that point nowhere."""
    valid = [c for c in answer.citations if c.quote and c.quote in c.text]
    keep = {c.marker for c in valid}
    text = re.sub(r"\[(\d+)\]", lambda m: m.group(0) if int(m.group(1)) in keep else "", answer.text)
    answer.citations, answer.text = valid, text
    return answer
