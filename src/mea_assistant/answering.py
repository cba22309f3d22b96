"""Quoting helpers the briefing note still uses: the passage of a paragraph that answers a query, and a
sentence around it in the document's own framing. Answers are composed by composing.py and leads.py."""

from __future__ import annotations

import re

from .composing import ABSTAIN_SENTENCE  # noqa: F401 - one fixed sentence for the whole product
from .sentences import sentence_spans
from .terms import terms
from .types import Hit

_OPERATIVE_VERB = re.compile(
    r"^((?:Also |Further |Further also |Strongly |Again )?(?:urges|requests|invites|encourages|calls on|calls upon|"
    r"decides|instructs|welcomes|notes|recognizes|recognises|stresses|emphasizes|affirms|reaffirms|adopts|"
    r"recommends|acknowledges|agrees|appeals|endorses|approves|takes note|expresses|confirms|directs|"
    r"highlights|underlines|notes with concern|urges also))\b", re.I)


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
