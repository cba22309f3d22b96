"""What kind of answer a question asks for, read from its wording alone (no model ships here).

The kinds are those of shared/eval-format.md: `figure` (a number, date or period), `yes_no`, `obligation`,
`who`, `list`, `definition`, `comparison`, `explain`. The answer's lead sentence is shaped by the kind: the
figure first for "how long", "Yes"/"No" first for "Can a Party ...", the kind of duty for "must" and
"binding", the actor first for "who". The patterns are the ordinary English forms of these questions; none
names a treaty or a provision.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from .figures import TARGET_ON_NUMBER

KINDS = ("figure", "yes_no", "obligation", "who", "list", "definition", "comparison", "explain")

# (not "the different ways a State can join": the ways, a list)
_COMPARISON = re.compile(
    r"\b(differ(?!ent\s+(?:ways?|kinds?|types?|forms?|categories|means|methods|options|routes|stages|steps|"
    r"procedures|roles|functions|measures|levels|tasks|sources|channels)\b)\w*|difference\w*|compar\w*|contrast\w*|"
    r"versus|vs\.?|similarit\w*|in common|"
    r"same (?:way|as)|both\b.*\band\b)", re.I)
_BOTH = re.compile(r"\bboth\b", re.I)
# "Which is quicker to get out of, CMS or the CBD?", "Did CMS or CITES need more countries to ratify?": a choice
# between two things by a comparative is a comparison
_COMPARATIVE = (r"(?:more|fewer|less|longer|shorter|quicker|faster|slower|earlier|later|sooner|higher|lower|stricter|"
                r"larger|smaller|bigger|greater|easier|harder|stronger|weaker)")
_CHOICE = re.compile(rf"\b(?:which|did|does|do|is|was|were)\b[^?]{{0,120}}\b{_COMPARATIVE}\b[^?]{{0,120}}\bor\b|"
                     rf"\b(?:which|did|does|do|is|was|were)\b[^?]{{0,120}}\bor\b[^?]{{0,120}}\b{_COMPARATIVE}\b", re.I)
_DEFINITION = re.compile(
    r"\bdefin(?:e|es|ed|ition)\b|\bwhat (?:is|are) meant by\b|\bwhat does (?:the (?:term|word|expression) )?"
    r"[\"“'‘]?[\w\s-]{2,60}?[\"”'’]? mean\b|\bmeaning of\b|\b(?:what|who) (?:counts|qualifies|is considered) as\b|"
    # "When is an animal population considered migratory?": the conditions of a definition, not a date
    r"^\s*(?:and\s+)?when (?:is|are|does|do) (?:an? |the )?[^?,]{2,80}? (?:considered|regarded|deemed|classed|"
    r"classified|counted|qualify|qualifies)\b|"
    # "What makes an animal population count as migratory?": the same conditions
    r"\bwhat makes (?:an? |the )?[^?,]{2,80}? (?:count|qualify|be (?:considered|regarded|deemed|classed))\b|"
    # "What do the abbreviations 'bre' and 'win' stand for?": what a short form means
    r"\bwhat (?:do|does|did) [^?]{1,80}? stand for\b", re.I)
# "What is a Range State?", "What are specimens under CITES?" (a bare term, no "the", no verb after it).
_BARE_TERM = re.compile(
    r"^\s*what (?:is|are) (?:an? )?[\"“'‘]?(?!the\b|its\b|their\b)([\w-]+(?:\s+[\w-]+){0,3})[\"”'’]?"
    r"(?:\s+(?:under|in|for|according to)\s+[^?]{2,80})?\s*\??\s*$", re.I)
_FIGURE = re.compile(
    r"(?:^|[,:;]\s*)(?:and\s+)?(?:when|by when|until when|since when)\b|"
    r"\bhow (?:many|much|long|often|soon|early|late|frequently)\b|\bhow far (?:ahead|in advance|before)\b|\b(?:time ?frame|timeline|deadline)\b|"
    r"\bwhat (?:share|percentage|per ?cent|proportion|fraction|majority|number|date|year|deadline|period|"
    r"time limit|quorum|interval|frequency)\b|\bwithin (?:how|what)\b|\bhow many (?:years|days|months)\b|"
    r"\b(?:at what|which) (?:date|year|age|point|majority|intervals?)\b|"
    r"\bwhat (?:growth|increase|rise|fall|decrease|reduction|change) in (?:the )?(?:number|share|size)\b|\bby how (?:much|many)\b|"
    rf"\bwhat (?:[\w-]+\s+)?{TARGET_ON_NUMBER}",
    re.I)
_WHO = re.compile(
    r"^\s*(?:and\s+)?(?:who|whom|whose|by whom|to whom)\b|"
    r"^\s*(?:and\s+)?(?:(?:to|by|from|with) )?(?:which|what) (?:(?:national|international|regional|domestic|"
    r"government|governmental|intergovernmental|scientific|technical|subsidiary|permanent|designated) )?"
    r"(?:body|bodies|organ|organs|organi[sz]ations?|institutions?|entity|entities|"
    r"authority|authorities|state|states|country|countries|party|parties|government|governments|secretariat|"
    r"committee|depositary|depository|office|offices|agency|agencies|ministry|ministries|official|officials)\b", re.I)
_OBLIGATION = re.compile(
    r"\b(?:binding|bind|obliged?|obligations?|obligated|required?|requires|requirements?|must|have to|has to|"
    r"duty|duties|mandatory|compulsory|obligatory|commit(?:ted|ments?)?|undertake)\b", re.I)
# a short framing clause before the verb: "Under EUROBATS, may a Party ...?", "If seeds are covered by ..., does ...?"
_FRAME = r"(?:(?:under|in|for|according to|within|pursuant to|if|when|once|where)\s+[^,?]{1,120},\s*)?"
_POLAR_VERB = (r"(?:is|are|was|were|does|do|did|can|could|may|might|must|shall|should|will|would|has|have|had|isn't|"
               r"aren't|doesn't|don't|can't|cannot)\b")
# a question after a sentence of context, or after a dash ("We disagree with the listing - are we bound by it?")
_POLAR = re.compile(r"(?:^|[.?!:]\s+|\s[-–—]\s+)(?:and\s+|but\s+|so\s+)?" + _FRAME + _POLAR_VERB, re.I)
# "Can the rules on how much each Party pays be changed?", "When a State joins, can it ...?": the question opens
# with its verb, so a "how much" or "when" inside it qualifies what is asked; the answer is still yes or no.
_OPENS_POLAR = re.compile(r"^\s*(?:and\s+|but\s+|so\s+)?" + _FRAME + _POLAR_VERB, re.I)
_LIST = re.compile(
    r"^\s*(?:list|name|enumerate|give)\b|^\s*(?:and\s+)?(?:what|which) (?:are|were) (?:the )?(?!meant\b)\w+|"
    # "And which of them does CITES put in its Appendix I?", "Which ones need a permit?" (not "which of them is ...")
    r"^\s*(?:and\s+)?which\s+(?:ones|of\s+(?:them|those|these))\b(?!\s+(?:is|was|has)\b)|"
    r"\bwhat (?:(?:basic|main|key|principal|essential|other|specific) )?(?:kinds?|types?|sorts?|categories|measures|functions|steps|activities|actions|elements|criteria|"
    r"conditions|items|tasks|areas|principles|factors|species|bodies|organs)\b|\bwhich \w+(?: \w+)? (?:are|must|"
    r"shall|should|may|can)\b|^\s*(?:under |in )?what (?:\w+ )?\w{3,}s (?:do|does|must|should|shall|are|have|has|"
    r"set|need)\b", re.I)
# "What trade records does each Party have to keep?", "Which functions does the Council have?": what/which and a
# plural noun (or "information") as the thing asked for, then the verb. Read before "must"/"have to", which
# such questions often carry: the answer is the items, whatever the force of the verb that introduces them.
# The plural may carry its complement ("Which kinds of water does ...", "Which freedoms of the high seas does ...",
# "Which kinds of goods containing CFCs are ..."), and the question may follow a sentence of context.
_LIST_HEAD = re.compile(
    r"(?:^|[.!?]\s+)\s*(?:and\s+)?(?:(?:under|in|for|according to)\s+[^,?]{1,80},\s*)?(?:what|which)\s+(?:(?!(?:do|does|did|must|should|shall|may|can|will|are|is|were|was|have|has)\b)[\w-]+\s+){0,3}?"
    r"(?:(?!(?:is|was|has|does|this|its|thus|us|as|gas|ss)\b)[\w-]{2,}[^s\W]s|information|data|guidance)\s+"
    r"(?:(?:of|besides|containing|from|on)\s+(?:(?!(?:do|does|did|must|should|shall|may|can|will|are|is|were|was|have|has)\b)[\w-]+\s+){1,6}?)?"
    r"(?:does|do|did|must|should|shall|may|can|will|have|has|are|were|need|needs|fall|falls)\b", re.I)
# "What is the Customs Co-operation Council supposed to do?": a body's purposes and functions, which its
# constitution lists ("The functions of the Council shall be: (a) ..."), not a term to define.
_FUNCTIONS = re.compile(r"\bwhat (?:is|are|was|were) (?:the |an? )?[\w\s'’-]{1,80}? (?:supposed|meant|expected|"
                        r"intended|designed|there|set up|established|created) to do\b"
                        r"(?=\s*(?:[?.]|$|under\b|according\b|in\b|by\b))", re.I)
_PERMISSION = re.compile(r"(?:^|[.?!:]\s+|\s[-–—]\s+)(?:and\s+|but\s+|so\s+)?" + _FRAME + r"(?:can|could|may|might)\b",
                         re.I)


def classify(question: str, history: Sequence[dict[str, str]] = (),
             instruments: Callable[[], int] = lambda: 2) -> str:
    """The answer kind of `question`; an elliptical follow-up ("And for Appendix III?") keeps the kind of the
    earlier user turn it continues, since "and for X" carries over the question, not only its topic. "Both X and Y"
    compares two instruments only when the question names two (`instruments()`, read only then): "can one office
    act as both our focal point and our competent authority under the Protocol?" asks yes or no."""
    kind = _classify_one(question)
    if kind == "comparison" and _BOTH.search(question) and instruments() < 2:
        without = _BOTH.sub(" ", question)
        kind = kind if _COMPARISON.search(without) else _classify_one(without)
    if kind == "explain" and history and _is_elliptical(question):
        users = [t.get("content", "") for t in history if t.get("role") == "user" and t.get("content")]
        if users:
            return _classify_one(users[-1])
    return kind


def sought(question: str, kind: str) -> str:
    """The kind of paragraph that answers, for ranking: a yes/no question that asks about a figure ("Is there
    a cap on how much a Party pays?") is answered by the paragraph stating it, though its lead says yes or no
    first. A "when" in its framing clause ("When a State joins, can it ...?") asks no figure."""
    unframed = re.sub(r"^\s*" + _FRAME, "", question.strip(), flags=re.I)
    return "figure" if kind == "yes_no" and _FIGURE.search(unframed) else kind


def is_polar(question: str) -> bool:
    """A yes/no question by its form ("Can a Party ...?", "Is the MOU binding?")."""
    return bool(_POLAR.search(question.strip()))


# A question of its own after the follow-up's opening ("And the mandrill, where does that sit?")
_OWN_QUESTION = re.compile(r"\b(?:where|why|how|what|which|who|when)\s+(?:does|do|did|is|are|was|were|would|will|"
                           r"can|could|should|must|may)\b", re.I)


def _is_elliptical(question: str) -> bool:
    words = re.findall(r"[A-Za-z]+", question)
    if re.match(r"^\s*and\b[^?]*,\s*", question, re.I) and _OWN_QUESTION.search(question):
        return False
    return len(words) <= 6 or bool(re.match(r"^\s*(and|but|also|what about|how about|same)\b", question, re.I))


# What is asked after a scene-setting "when"/"if" clause ("When Parties negotiate an agreement, what elements must it
# contain?") or after the "or" of an alternative ("Does the Protocol have its own secretariat, or who serves it?")
_ASKED_AFTER = re.compile(r"^\s*(?:when|whenever|if|once)\s+[^,?]{1,120},\s*(?=(?:what|which|how|who|whom|whose|to whom|by whom)\b)|"
                          r"^\s*(?:in|under|within|according to)\s+[^,?]{1,120},\s*(?=(?:what|which|who|whom|how|where|"
                          r"why)\b)|"
                          r"^[^?]{1,160},\s*or\s+(?=(?:who|whom|which|what|how|when|where)\b)", re.I)


def _classify_one(question: str) -> str:
    q = question.strip()
    if m := _ASKED_AFTER.match(q):
        q = q[m.end():]
    if _COMPARISON.search(q) or _CHOICE.search(q):
        return "comparison"
    if _FUNCTIONS.search(q):
        return "list"
    if _DEFINITION.search(q) or (_BARE_TERM.match(q) and not _OBLIGATION.search(q)):
        return "definition"
    if _WHO.search(q):
        return "who"
    if _FIGURE.search(q) and not _OPENS_POLAR.match(q):
        return "figure"
    if _LIST_HEAD.search(q):
        return "list"
    if _PERMISSION.search(q):
        return "yes_no"  # "Can Parties adopt stricter measures than required?" asks about a permission
    if _OBLIGATION.search(q):
        return "obligation"
    if is_polar(q):
        return "yes_no"
    if _LIST.search(q):
        return "list"
    return "explain"


# The things a list question asks for, named by a plural after what/which ("what kinds of benefits can ...",
# "Which conventions does ...", "which Central Asian CMS initiatives are ...")
_ASKED_THINGS = re.compile(
    r"\b(?:what|which)\s+(?:(?:other|main|key|basic|specific|principal|further)\s+)?"
    r"(?:(?:kinds?|types?|sorts?|categories|forms?)\s+of\s+)?((?:[\w-]+\s+){0,3}?)([a-z][\w-]*?[^s\W])s\b"
    r"(?=\s+(?:does|do|did|must|should|shall|may|can|could|would|will|have|has|are|were|need|is|was)\b)", re.I)


def asked_things(question: str) -> tuple[str, str]:
    """The words that qualify the things a list question asks for and the singular of their plural noun
    ("which shark species did" -> ("shark", "specie")), or ("", "")."""
    m = _ASKED_THINGS.search(question)
    return (m.group(1).strip().lower(), m.group(2).lower()) if m else ("", "")
