"""The lead sentence: the answer first, in the treaty's words, attributed and cited as [1].

Built from the best clause of the best paragraph, shaped by the kind of question (answer_types.py): the
figure or date first, "Yes"/"No" first, the kind of duty (force.py), the actor first, or the definition.
Whatever is quoted between “ ” is verbatim; a letter whose case changes is bracketed (“[u]rges Parties”),
as lawyers quote. What stands outside the quotation marks is taken from the text too (the parent lead-in,
the acting body) or is one of the fixed labels of force.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .figures import FIGURE_HEAD, figure_in
from .force import force_of, yes_or_no
from .membership import ELIGIBLE, answering_formula, eligible_in
from .populations import POPULATION_LINE
from .sentences import clause_spans, sentence_spans
from .taxa import genus_of
from .terms import AND_PARTICIPLE, terms
from .titleblock import CLOSING_FORMULA, closing_date
from .types import Hit, named_after

NOT_STATED = "Not stated in these texts"
_NEGATION = re.compile(
    r"\b(?:shall|may|must|will|can|should|does|do|is|are)\s+not\b|\bcannot\b|^\s*no\b|\bno\s+\w+(?:\s+\w+)?\s+"
    r"(?:may|shall|is|are|can)\b|\bnon-?(?:legally[- ])?binding\b|\bnot (?:be )?(?:permitted|allowed|"
    r"authori[sz]ed|required|binding)\b|\bprohibit\w*\b|\bforbid\w*\b|\bin no case\b|"
    # an exception or an end: "shall be excepted – (a) fisheries", "The right of hot pursuit ceases as soon as ..."
    r"\b(?:shall be|is|are)\s+(?:excepted|excluded)\b|\bceases\b|\bshall cease\b", re.I)
# A bound is not a denial: "marine water the depth of which ... does not exceed six metres", "not less than 90 days".
_BOUNDS = re.compile(r"\b(?:does|do|shall|should|may|must|will|is|are)\s+not\s+(?:exceed\w*|be (?:less|more|later|"
                     r"earlier|fewer|greater|shorter|longer) than)\b|\bnot (?:less|more|later|earlier|fewer|greater|"
                     r"shorter|longer) than\b|\bnot exceeding\b", re.I)
_ONLY_SOME = re.compile(r"\(\s*only\b", re.I)  # a listing restricted to some populations
_ASKS_ALL = re.compile(r"\b(?:all|every|each)\s+(?:(?:of\s+)?(?:its|their|the)\s+)?(?:[\w-]+\s+){0,3}?"
                       r"(?:populations?|species|subspecies|stocks?)\b|\bfor\s+all\b|\bwhole\s+species\b", re.I)
_CONDITION = re.compile(r"\b(?:only (?:if|when|where|after|in)|unless|except(?: where| when| as| for)?|"
                        r"provided that|subject to|on condition|exceptional circumstances)\b", re.I)
_PASSIVE_AGENT = re.compile(r"\b(?:shall|should|will|may|is|are)\s+(?:be\s+)?(?:\w+ly\s+)?(?:provided|performed|"
                            r"carried out|exercised|appointed|elected|designated|convened|established|administered|"
                            r"operated|hosted|managed|borne|met|financed|funded|made|adopted|decided|served|"
                            r"inspected|examined|checked|verified|supervised|issued|granted|approved|certified|"
                            r"nominated|chosen|authori[sz]ed|considered|reviewed)"
                            # "shall be carried out on an interim basis by", "jointly by", "considered and decided
                            # upon by", "appointed as representatives of the Regions by" (the role, then who gives it)
                            rf"{AND_PARTICIPLE}\s+(?:\w+ly\s+|on\s+an?\s+\w+\s+basis\s+|as\s+(?:[\w-]+\s+){{1,6}}?)?by\s+"
                            r"((?:the |its |an? )?[^,;.]{3,120}?)(?=[,;.]|\s+(?:in|on|at|for|until|which|who|and "
                            r"shall|under|as soon as|within|not later than|no later than|after|before|based)\b|$)", re.I)
_SUBJECT = re.compile(r"^\s*(?:\(\w+\)\s*)?(?:(?:thereafter|subsequently|furthermore|moreover|however|in addition|"
                      r"where appropriate|as appropriate|to this end|accordingly),?\s+)?"
                      # the condition a provision opens with: "When assistance is provided ..., the requesting State shall"
                      r"(?:(?:when|where|if|whenever|in the event that)\s[^,;:]{3,200},\s+)?"
                      r"((?:the |each |every |any |all |an? )?[A-Z(][^,;:]{2,140}?)"
                      # "The International Atomic Energy Agency, (hereinafter referred to as "the Agency") shall"
                      r"(?:,?\s*\((?:hereinafter|hereafter|referred to)[^)]{0,80}\),?)?\s+"
                      # "The Government of ... is hereby designated as the Depositary"
                      r"(?:shall|should|may|must|will|undertakes?|(?:is|are)\s+hereby)\b", re.I)
# The one instruments are deposited with is the depositary: "shall be deposited with the Government of ...".
# A name may hold commas before capitalised words: "the Director-General of the United Nations Educational, Scientific
# and Cultural Organization".
_DEPOSITED_WITH = re.compile(r"\bdeposit(?:ed)?\b[^.;]{0,80}?\bwith\s+(the [A-Z][^,;.()]{2,100}?(?:,\s+[A-Z][^,;.()]*?)*)"
                             r"(?=\s*[,;.()]|\s+which\b|$)")
# The Parties themselves, whom every treaty obliges ("Each Contracting State", "The Parties", "Each State Party"): the
# subject of most of its articles, so no sign that a paragraph names who does the thing a "who" question asks about.
PARTIES = re.compile(r"^(?:the |each |every |any |all |both |no |an? )?(?:high )?(?:contracting |member )?"
                     r"(?:part(?:y|ies)|states?(?: part(?:y|ies))?|governments?|signator(?:y|ies)|members?|"
                     r"countr(?:y|ies))(?: of the parties)?\s*$", re.I)
# "This Convention shall ..." names no actor: the instrument itself is the subject.
_SELF = re.compile(r"^(?:this|the present|the|any|such)\s+(?:convention|agreement|protocol|memorandum|annex|appendix|"
                   r"amendment|article|paragraph|provisions?|text|plan)\b|"
                   # "Appendix II shall list ...", "Annex 1 shall apply ...": a part of the text, numbered, acts for no one
                   r"^(?:appendix|appendices|annex|annexes|article|articles|paragraph|section|part|schedule|table|list)\s+"
                   r"[\dIVXLC]+\b", re.I)
# "The Secretariat shall be provided with a copy": whom a text gives, sends or tells something is named as the subject of
# the passive, and answers "who must be sent a copy?"
_RECEIVES = re.compile(r"\s+(?:shall|must|should|will)\s+(?:also\s+)?be\s+(?:(?:provided|furnished|supplied)\s+with|sent|"
                       r"given|informed|notified|kept informed|consulted)\b", re.I)


@dataclass
class LeadParts:
    prefix: str  # "Yes", "Ninety days", "A binding treaty obligation", the actor ... ("" for none)
    quote: str  # verbatim substring of the paragraph
    framing: str  # words before the quote: the lead-in tail or the acting body ("" for none)
    actor_framing: bool = False  # the framing is the acting body, so the quote continues its sentence


def where(hit: Hit) -> str:
    """ "CITES Convention Art. III(2)", "CMS Res. 11.10 (Rev.COP14) para. 31", "JWP 2012-2014, B8"; an appendix's
    listing spelled out as prose says it ("CMS Convention Appendix II, CORACIIFORMES"), its ref stays the citation's."""
    if not hit.ref or named_after(hit.citation_name, hit.ref):
        return hit.citation_name or hit.display  # the paragraph a document is named after ("..., Target 9")
    ref = _spelled_appendix(hit.ref) if hit.kind == "table" else hit.ref
    if re.match(r"^(?:Art\.|para\.|Annex|App\.|Appendi|Part|Chapter|Section|Schedule|Rule|Table|Goal|Objective|Target|"
                r"Action|fn\.)", ref) and not hit.citation_name[-1:].isdigit():  # not "..., Target 9 para. 21"
        return f"{hit.citation_name} {ref}"
    return f"{hit.citation_name}, {ref}"


def _spelled_appendix(ref: str) -> str:
    """ "App. II, CORACIIFORMES" -> "Appendix II, CORACIIFORMES"; "App. I, II and III, Bovidae" -> "Appendices I, II
    and III, Bovidae"."""
    many = re.match(r"^App\.\s+([IVX]+(?:,\s*[IVX]+)*\s+and\s+[IVX]+)\b", ref)
    if many:
        return f"Appendices {many.group(1)}{ref[many.end():]}"
    return re.sub(r"^App\.\s+(?=[IVX]+\b)", "Appendix ", ref)


def quote_in_sentence(quote: str) -> str:
    """Verbatim words between quotation marks; nothing is changed inside them (single marks outside a quote
    that holds double ones, as in '“Endangered” ... means ...')."""
    quote = quote.strip()
    return f"‘{quote}’" if any(ch in quote for ch in "“”\"") else f"“{quote}”"


def bracket_lower(quote: str) -> str:
    """“[u]rges Parties to …”: the quote continues a sentence, so its capital becomes a bracketed lower case."""
    quote = quote.strip()
    if quote[:1].isupper() and quote[1:2].islower():
        return f"[{quote[0].lower()}]{quote[1:]}"
    return quote


def best_span(hit: Hit, query_terms: set[str], kind: str, sentence_scores: list[float] | None = None,
              max_chars: int = 420) -> tuple[int, int]:
    """The sentence (or clause of a long sentence) that answers: shared query terms, the sentence-level
    similarity the ranker computed, and what the kind of question needs (a figure, an actor, "means")."""
    text = hit.text
    spans = sentence_spans(text) or [(0, len(text))]
    candidates: list[tuple[float, tuple[int, int]]] = []
    for i, (s, e) in enumerate(spans):
        sim = sentence_scores[i] if sentence_scores and i < len(sentence_scores) else 0.0
        for cs, ce in clause_spans(text, s, e, max_chars):
            piece = text[cs:ce]
            score = len(terms(piece) & query_terms) + 2.0 * sim + (0.3 if i == 0 else 0.0)
            if kind == "figure" and FIGURE_HEAD.search(piece):
                score += 1.5
            elif kind == "definition" and re.search(r"\b(?:means|includes|shall mean|refers to)\b", piece):
                score += 1.5
            elif kind in ("obligation", "yes_no") and force_of(piece, hit.doc_type):
                score += 0.5
            elif kind == "who" and (_PASSIVE_AGENT.search(piece) or _SUBJECT.search(piece)):
                score += 0.8
            candidates.append((score, (cs, ce)))
    return max(candidates, key=lambda c: c[0])[1]


def named_lines(hit: Hit, query_terms: set[str]) -> tuple[int, int] | None:
    """The lines of a table's record that name what the question names ("Appendix III: Lodoicea maldivica
    (Seychelles)" of the palms' row, for the coco de mer), first to last, with the other species of their genus
    and the species line a population line continues; None when the record is one line, when the question names
    the record's own heading (the family asked: all of it), or when every line or none shares a word with the
    question that not all lines share."""
    text = hit.text
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    if len(lines) < 2 or terms(hit.ref.rsplit(",", 1)[-1]) <= query_terms:
        return None
    words = [terms(text[s:e]) & query_terms for s, e in lines]
    common = set.intersection(*words)
    named = [i for i, w in enumerate(words) if w - common]
    if not named or len(named) == len(lines):
        return None
    genera = {g for i in named if (g := genus_of(text[slice(*lines[i])]))}
    named = [i for i, (s, e) in enumerate(lines) if i in named or genus_of(text[s:e]) in genera]
    first = named[0]
    while first > 0 and POPULATION_LINE.match(text[slice(*lines[first])]):  # "– Central Tropical Africa | A: 1b"
        first -= 1
    return lines[first][0], lines[named[-1]][1]


def widen(text: str, span: tuple[int, int], query_terms: set[str], whole: int = 700, max_chars: int = 800
          ) -> tuple[int, int]:
    """The quote around the best clause: the whole paragraph when it is short, else the clause widened by
    whole neighbouring sentences that share the question's words (the condition after a rule, the figure
    before it), while it fits in `max_chars`."""
    if len(text.strip()) <= whole:
        lead = len(text) - len(text.lstrip())
        return (lead, len(text.rstrip()))
    spans = sentence_spans(text)
    s, e = span
    inside = [i for i, (a, b) in enumerate(spans) if a < e and b > s]
    if not inside:
        return span
    lo, hi = inside[0], inside[-1]
    s, e = min(s, spans[lo][0]), max(e, spans[hi][1])
    while True:
        options = []
        for i in (lo - 1, hi + 1):
            if 0 <= i < len(spans):
                a, b = spans[i]
                if max(e, b) - min(s, a) <= max_chars:
                    options.append((len(terms(text[a:b]) & query_terms), -abs(i - lo), i))
        if not options:
            break
        gain, _, i = max(options)
        if gain == 0 and e - s >= 160:
            break  # long enough, and the neighbours add nothing the question asks about
        lo, hi = min(lo, i), max(hi, i)
        s, e = min(s, spans[i][0]), max(e, spans[i][1])
    return (s, e)


_CLAUSE = re.compile(r"\b(?:that|which|whom?)\b", re.I)
# A passive after one of these is the condition's, not the main clause's: "The IUCN shall perform the bureau duties
# ... until such time as another organization is appointed by a majority of two-thirds": the IUCN acts.
_SUBORDINATE = re.compile(r"(?<!^)\b(?:until|unless|if|whenever|once|as soon as)\b", re.I)


# Who makes a body up: "ICCWC is the collaborative effort by the CITES Secretariat, INTERPOL, ...", "The BLG
# comprises the heads of the Secretariats of ...": its members act through it.
_MEMBERS = re.compile(r"\b(?:(?:is|are)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?(?:effort|partnership|initiative|"
                      r"collaboration|consortium|alliance|network)\s+(?:of|by|between|among)|comprises|comprise|"
                      r"consists\s+of|(?:is|are)\s+(?:composed|made\s+up)\s+of|brings\s+together)\s+"
                      r"((?:the |its |an? )[^;.]{2,200}?|[A-Z][^;.]{2,200}?)(?=\s+(?:working|which|that|in order|with the aim)\b|[;.]|$)")


# Whose functions a list sets out ("The functions of the Secretariat shall be: to arrange for and service meetings"):
# that body does each of them
_FUNCTIONS_OF = re.compile(r"^\s*the\s+(?:functions|duties|tasks|responsibilities)\s+of\s+(the\s+[^,:;]{2,80}?)\s+"
                          r"(?:shall|will|are|is|include)\b", re.I)


def actor_in(quote: str, agent_only: bool = False) -> str:
    """Who acts: the agent of a passive ("provided by the Executive Director of UNEP"), the members of a body
    ("the collaborative effort by the CITES Secretariat, INTERPOL, ...") or the body whose functions a list sets
    out, or, unless `agent_only`, the subject."""
    m = _PASSIVE_AGENT.search(quote) or _DEPOSITED_WITH.search(quote) or _MEMBERS.search(quote) or \
        _FUNCTIONS_OF.match(quote)
    # (within the passive's own sentence, whose subject is the quote's first only in its first sentence)
    if m and (re.search(r"[.;]\s", quote[:m.start()]) or not _SUBORDINATE.search(quote, 0, m.start())
              or not _SUBJECT.match(quote)):
        return m.group(1).strip()
    if agent_only:
        return ""
    m = _SUBJECT.match(quote)
    # a subject is a noun phrase: "The Signatories recognize that ... they should" is a clause, not who acts; nor
    # is the subject of a passive ("Access to ... technology ... shall be provided"): it is what is acted on
    if m and _RECEIVES.match(quote, m.end(1)) and not _SELF.match(m.group(1)) and len(m.group(1).split()) <= 12:
        return m.group(1).strip()
    if m and re.match(r"\s+(?:not\s+)?be\b", quote[m.end():]):
        return ""
    if m and len(m.group(1).split()) <= 20 and not _SELF.match(m.group(1)) and not _CLAUSE.search(m.group(1)):
        return m.group(1).strip()
    return ""


_ADDRESSEE = re.compile(r"^\s*(?:\w+ly\s+)?(?:also\s+)?(?:urges|requests|invites|encourages|calls (?:up)?on|instructs|"
                        r"directs|appeals to)\s+((?:the |all |each |its |relevant |interested )?[^,;:]{2,90}?)\s+"
                        r"(?:to|that|,)\b", re.I)


def addressee_in(quote: str) -> str:
    """Whom a resolution's operative verb addresses: "Urges Parties to ..." -> "Parties"."""
    m = _ADDRESSEE.match(quote)
    return m.group(1).strip() if m else ""


# A question that asks whether something may be refused, left out or banned ("Can a court refuse to enforce ...?",
# "Can small sources be left outside the Convention?", "Can it still ban ...?"). Not a ban named inside the
# question's object ("goods it bans").
ASKS_NEGATIVE = re.compile(r"(?<!\bit )(?<!\bthey )(?<!\bthat )(?<!\bwhich )(?<!\bwho )\b(?:refus\w*|"
                           r"turn(?:ed|s)? down|reject(?:ed|s)?|den(?:y|ies|ied)|exclud(?:e|ed|es)|"
                           r"leave (?:\w+ )?out|left (?:\w+ )?out(?:side)?|keep (?:\w+ )?out|kept out|exempt(?:ed|s)?|"
                           r"opt(?:ed|s)? out|ban|bans|banned|prohibit(?:ed|s)?|forbid(?:den|s)?|"
                           r"withh[oe]ld(?:s|ing)?)\b", re.I)
# ... which the text answers yes when it grants the refusal or the exclusion ("may be refused if", "does not apply
# to", "retain the right to regulate or prohibit", "may declare that it does not consider itself bound", "shall be
# prohibited") ...
_GRANTS_NEGATIVE = re.compile(r"\b(?:may|can|might|shall|right to)\s+(?:\w+\s+){0,3}?(?:be\s+)?(?:refus|declin|reject|"
                              r"den(?:y|ied)|exclud|exempt|prohibit|forbid|withh[oe]ld|suspend)\w*|"
                              r"\b(?:is|are|be)\s+(?:\w+ly\s+)?"
                              r"(?:prohibited|forbidden|banned|excluded|exempt(?:ed)?)\b|"
                              r"\b(?:does|do|shall)\s+not\s+apply\b|\bnot\s+be\s+(?:applicable|binding|obligatory)\b|"
                              r"\bdeclare\w*\s+that\s+it\s+does\s+not\s+"
                              r"(?:recogni[sz]e|consider itself bound|accept)\b", re.I)
# ... and no when it denies the refusal itself ("shall not decline to render assistance", "may not be refused on
# the sole ground", "In no case shall ... permit a requested State to decline").
_DENIES_NEGATIVE = re.compile(r"\b(?:not|no case|never|none)\b[^.;]{0,80}?"
                              r"\b(?:refus|declin|reject|den(?:y|ied|ial))\w*", re.I)


# A right the text keeps ("shall in no way affect the right of Parties to adopt stricter domestic measures ... or the
# complete prohibition thereof", "without prejudice to the right of"): the Parties may, whatever negation the right's
# object holds; asked whether the text prevents it, the answer is no.
_KEEPS_RIGHT = re.compile(r"\b(?:shall|will|does|do|is|are)\s+(?:in\s+no\s+way|not)\s+(?:\w+\s+)?(?:affect|prejudice|"
                          r"restrict|limit|impair)\w*\s+the\s+rights?\b|\bwithout\s+prejudice\s+to\s+the\s+rights?\b|"
                          r"\bretain\w*\s+the\s+rights?\b", re.I)
_ASKS_PREVENTED = re.compile(r"\b(?:prevent\w*|stop\w*|bar(?:s|red)?|restrict\w*|limit\w*|forbid\w*|prohibit\w*|"
                             r"ban(?:s|ned)?|preclud\w*)\b", re.I)


def polarity(quote: str, relevant: bool, question: str = "", framing: str = "") -> str:
    """ "Yes", "No", "Only under conditions" or NOT_STATED, from the quote that answers a yes/no question: a
    negation in the text answers no, unless the question asks about a refusal or an exclusion the text grants, or
    the text keeps a right (then yes, or no when asked whether it prevents it)."""
    if not relevant:
        return NOT_STATED
    # "Are all harbour seal populations covered?" of a listing "(only Baltic and Wadden Sea populations)"
    if _ONLY_SOME.search(quote) and _ASKS_ALL.search(question):
        return "No"
    if _KEEPS_RIGHT.search(f"{framing} {quote}"):
        return "No" if _ASKS_PREVENTED.search(question) else "Yes"
    if _NEGATION.search(_BOUNDS.sub(" ", quote)):
        grants = ASKS_NEGATIVE.search(question) and _GRANTS_NEGATIVE.search(quote) \
            and not _DENIES_NEGATIVE.search(quote)
        return "Yes" if grants else "No"
    if _CONDITION.search(quote):
        return "Yes, under conditions"
    return "Yes"


# "For marine species, the Secretariat shall ...": a phrase before the subject of a sentence.
_OPENING_PHRASE = re.compile(r"^\s*(?:for|in|on|upon|at|with|after|before|where|when|if|subject to|without prejudice to|"
                             r"notwithstanding)\b[^,;:]{1,100},\s*", re.I)
# A lettered or roman sub-item's ref ("Art. 14(1)(a)", "para. 13(n)", "2.1.1(c)"): the items that go on a lead-in.
_ITEM_REF = re.compile(r"\((?:[a-z]{1,2}|[ivxl]+)\)$")
SHORT_ITEM = 4  # words: an item this short is a fragment of its lead-in's sentence, whatever its ref


_PRONOUN_OPENING = re.compile(r"^(?:They|It|These|Those|This|Such|Their|Its)\b")


def framing_of(hit: Hit, quote: str) -> tuple[str, bool]:
    """Words that say who acts when the quote does not: the parent lead-in's last clause for a sub-paragraph,
    the acting body for an operative paragraph of a resolution that opens with its verb."""
    opens = hit.text.strip().startswith(quote.strip()[:40])
    first = quote.strip()[:1]
    # An item continues its lead-in: "(b) review the progress ...", or capitalised after a colon ("Each Contracting
    # Party ... shall: (a) Introduce appropriate procedures ..."), unless it names its own actor ("(a) Any Party may").
    # (or a fragment too short to stand alone, "Sturgeons (Acipenseriformes);", under a lead-in that opens a list)
    continues = first.islower() or first in "(—–-…" or (
        first.isupper() and (bool(_ITEM_REF.search(hit.ref)) or len(hit.text.split()) <= SHORT_ITEM)
        and hit.lead_in.rstrip().endswith(":") and not _SUBJECT.match(_OPENING_PHRASE.sub("", quote)))
    if hit.lead_in and opens and continues:
        lead = re.sub(r"\s+", " ", hit.lead_in.strip())
        spans = sentence_spans(lead)
        tail = lead[spans[-1][0]:] if spans else lead
        if len(spans) > 1 and _PRONOUN_OPENING.match(tail):  # "They shall cover:" says who only in the chain's
            first = lead[spans[0][0]:spans[0][1]].rstrip(" .;:")  # opening sentence: that sentence, then the tail
            return f"{first} … {tail}", False
        if len(tail) > 220:
            tail = "… " + tail[-200:].split(" ", 1)[-1]
        return tail, False
    if hit.acting_body and opens and hit.kind == "operative" and re.match(
            r"^(?:Also |Further |Strongly |Again )?(?:urges|requests|invites|encourages|calls|decides|instructs|"
            r"welcomes|notes|recognizes|recognises|stresses|emphasizes|affirms|reaffirms|adopts|recommends|"
            r"acknowledges|agrees|appeals|endorses|approves|takes note|expresses|confirms|directs)\b", quote.strip(),
            re.I):
        body = re.split(r"\s+to the\s+|,", hit.acting_body, maxsplit=1)[0].strip()
        body = f"the {body[4:]}" if body.lower().startswith("the ") else f"the {body}"
        return body, True
    return "", False


# A lead-in's opening word that continues "Under X, ..." in lower case; a name ("CITES", "Parties") keeps its case.
_OPENING_WORD = re.compile(r"^(?:The|Each|Every|Any|All|Both|No|An?|Such|Its|In|At|For|With|Where|When|To)\b")
_BINDING = re.compile(r"\b(?:legally\s+)?binding\b|\bbind(?:s)?\b|\benforceable\b|\blegally\s+(?:bound|obliged|obligated)\b",
                      re.I)


def framed(framing: str, quote: str, actor_framing: bool = False) -> str:
    """The framing words, then the verbatim quote: "each Party shall: “designate …”", "the Conference
    “[u]rges Parties …”" (the framing continues a sentence, so its opening word is lower case)."""
    shown = bracket_lower(quote) if actor_framing else quote.strip()
    framing = _OPENING_WORD.sub(lambda m: m.group(0).lower(), framing)
    return f"{framing} {quote_in_sentence(shown)}" if framing else quote_in_sentence(shown)


def render(hit: Hit, quote: str, framing: str, marker: int, actor_framing: bool = False) -> str:
    """ "Under CITES Convention Art. III(2), “…” [1]", the framing words (lead-in or acting body) before the quote."""
    return f"Under {where(hit)}, {framed(framing, quote, actor_framing)} [{marker}]"


def lead_parts(hit: Hit, kind: str, polar: bool, quote: str, relevant: bool,
               query_terms: set[str] = frozenset(), question: str = "") -> LeadParts:  # type: ignore[assignment]
    """The prefix that states the answer, by kind of question; empty when the quote cannot supply one."""
    framing, actor_framing = framing_of(hit, quote)
    prefix, force = "", None
    asks_place = kind == "explain" and re.search(r"\bwhere\b|\b(?:which|what) (?:city|place|town)\b", question, re.I)
    closing = closing_date(quote) if (kind == "figure" or asks_place) and CLOSING_FORMULA.search(quote) else ""
    if closing:  # where and when it was done: the place and the date together, as the closing formula gives them
        prefix = f"Done at {closing}"
    elif kind == "figure":
        fig = figure_in(quote, query_terms, question)
        prefix = fig[:1].upper() + fig[1:] if fig else ""
    elif kind == "who":
        formula = answering_formula(question)
        # who may join: those the clause admits; what it is made of: the clause says it whole
        # (an item that continues its lead-in acts through the lead-in's actor: "The functions of the Secretariat
        # shall be: to arrange for and service meetings of: the Scientific Council;")
        actor = (actor_in(quote) or (actor_in(hit.lead_in) if framing and not actor_framing else "")) \
            if formula is None else eligible_in(quote) if formula is ELIGIBLE else ""
        prefix = actor[:1].upper() + actor[1:] if actor else ""
    elif kind == "obligation":
        force = force_of(f"{framing} {quote}", hit.doc_type)
        if force is not None:
            prefix = f"{force.label} (“{force.verb}”)"
            holder = addressee_in(quote) or actor_in(quote) or actor_in(framing)
            if holder and force.kind not in ("permission", "rule"):
                prefix += f" on {holder[:1].lower() + holder[1:] if holder.lower().startswith(('the ', 'each ', 'any ', 'all ', 'every ')) else holder}"
    if polar or kind == "yes_no":
        answer = polarity(quote, relevant, question, framing)
        if relevant and force is not None:  # "Is it binding?", "Must we?": the verb's force answers, not a "not"
            answer = yes_or_no(force, hit.doc_type, bool(_BINDING.search(question)),
                               bool(ASKS_NEGATIVE.search(question))) or answer
        prefix = f"{answer}. {prefix}" if prefix and answer != NOT_STATED else answer
    return LeadParts(prefix=prefix, quote=quote, framing=framing, actor_framing=actor_framing)


def lead_sentence(hit: Hit, parts: LeadParts, marker: int = 1) -> str:
    body = render(hit, parts.quote, parts.framing, marker, parts.actor_framing)
    if not parts.prefix:
        return body
    if parts.prefix == NOT_STATED:
        return f"{NOT_STATED}; the closest provision: {body[0].lower()}{body[1:]}"
    return f"{parts.prefix}: {body[0].lower()}{body[1:]}"
