"""Follow-ups into standalone queries, without a generative model.

An elliptical turn ("And for Appendix III?", "Does it say who pays for that?") carries over the topic words
and the named instruments of the earlier user turns; a word that fills the same slot ("Appendix III" after
"Appendix II") replaces the old one instead of being added to it.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from .abstention import GENERIC
from .queries import named_conventions
from .terms import PARTICIPLE, content_words

Spans = Callable[[str], list[tuple[int, int]]]  # where a text names an instrument
Names = Callable[[str], list[str]]  # the species a text names (in English, or by a Latin name the corpus lists)

_ELLIPTICAL_START = re.compile(r"^\s*(and|but|also|what about|how about|what of|and what|same|then|so)\b", re.I)
_PRONOUN = re.compile(r"\b(it|its|that|this|they|them|their|those|these|there|such|same|above|former|latter|"
                      r"equivalent|counterpart|corresponding|likewise|similar|similarly|comparable)\b", re.I)
# "When does it take effect?", "How often does it meet?": the pronoun is the subject, so it stands for the thing
# the earlier turn named (the MOU, the Committee), and that turn's own predicate ("who can sign") is not carried.
_SUBJECT_PRONOUN = re.compile(r"\b(?:does|do|did|is|are|was|were|can|could|may|might|must|shall|should|will|would|"
                              r"has|have|had)\s+(?:it|they)\b|^\s*(?:it|they)\b", re.I)
# "Does it say who pays for that?": a pronoun after a verb or preposition stands for the earlier turn's topic.
_OBJECT_PRONOUN = re.compile(r"\b(?:for|in|on|about|with|to|of|by|from|fund|pay|implement)\s+"
                             r"(?:it|that|this|them|those|these)\b(?!\s+\w+\s+(?:is|are|was|were)\b)|"
                             r"\b(?:doing\s+(?:it|that|this|so)|do\s+(?:that|this|so))\b|"  # "when doing that"
                             # "What is it supposed to do after deleting it?": the thing acted on is the earlier topic
                             r"\b(?:after|before|when|by|for|without|on)\s+\w{3,}ing\s+(?:it|that|this|them|those|these)\b",
                             re.I)
# "its", "they": the turn speaks of what the earlier one named
_REFERS = re.compile(r"\b(?:it|its|they|them|their)\b", re.I)
_SLOTS = ("appendix", "appendices", "article", "annex", "paragraph", "para", "column", "category", "goal", "target",
          "objective", "section", "table", "part")
# The ways a specimen crosses a border (CITES Art. I(c)-(e) "Trade" means export, re-export, import and introduction
# from the sea): "And to re-export one?" after a question on import asks about re-export instead, not as well.
_CROSSING = re.compile(r"\b(?:re-?export\w*|export\w*|import\w*|introduction from the sea|transit)\b", re.I)


# "And for gorillas?", "And regarding the BBNJ Agreement?", "And subnational governments?": another object of the
# same request. The earlier turn's object (after the same preposition, else after its last one) is replaced.
_OBJECT_PREPS = ("for", "regarding", "about", "on", "concerning", "with", "towards", "against")
_OTHER_OBJECT = re.compile(rf"^\s*(?:and|but|what about|how about|and what about)\s+(?:({'|'.join(_OBJECT_PREPS)})\s+)?"
                           r"(?P<object>[^?]+?)\s*\??\s*$", re.I)
# an object is a noun phrase, not a clause or a question ("And if a Party objects?", "And what happens then?")
_NOT_AN_OBJECT = set("""if when what how who whom which where why whether is are was were does do did can could may might
must shall should will would has have had to then also so not no yes only""".split())


# The bodies treaties establish, each of which a follow-up may ask about in turn
_BODY = re.compile(r"\b(?:conference\s+of\s+(?:the\s+)?parties|meeting\s+of\s+(?:the\s+)?(?:parties|signatories)|"
                   r"(?:scientific|standing|technical|advisory|implementation|compliance)\s+(?:council|committee)|"
                   r"subsidiary\s+body|secretariat|bureau|depositary|COP|MOP|MOS)\b", re.I)


# Whom a provision asks to act ("ask the Secretariat to", "urges Parties to"): a body, or the Parties, Signatories,
# Range States themselves
_ACTOR = re.compile(rf"\b(?:asks?|asked|requests?|requested|urges?|urged|encourages?|encouraged|invites?|invited|"
                    rf"requires?|required|instructs?|instructed|directs?|directed)\s+(?:the\s+)?"
                    rf"((?:{_BODY.pattern[2:-2]})|parties|signatories|range\s+states)\b", re.I)


def _actor_switched(question: str, previous: str) -> str:
    """The earlier turn without whom it asked about, when this turn asks the same of another: "And what does it
    ask Parties to do about it?" after "What does Resolution 11.10 ask the Secretariat to do about the BBNJ
    Agreement?" keeps the resolution and the BBNJ Agreement, not the Secretariat."""
    asked = {" ".join(a.lower().split()) for a in _ACTOR.findall(question)}
    if not asked:
        return previous
    other = [a.span(1) for a in _ACTOR.finditer(previous) if " ".join(a.group(1).lower().split()) not in asked]
    return _blank(previous, other) if other else previous


def is_elliptical(question: str) -> bool:
    words = content_words(question)
    return bool(_ELLIPTICAL_START.search(question)) or bool(_PRONOUN.search(question)) or len(words) <= 3


def _slot_phrases(text: str) -> dict[str, str]:
    """{"appendix": "Appendix III"} for locator phrases in a text."""
    out = {}
    for m in re.finditer(rf"\b({'|'.join(_SLOTS)})\s+([IVXLC]+|\d+(?:\.\d+)*|[A-Z])\b", text, re.I):
        out[m.group(1).lower().rstrip("s")] = m.group(0)
    return out


def entities(text: str) -> list[str]:
    """Named things: acronyms ("IUCN", "SPREP") and capitalised words inside a sentence ("Interpol")."""
    out = []
    for i, m in enumerate(re.finditer(r"[A-Za-z][A-Za-z0-9-]*", text)):
        word = m.group(0)
        if word.lower() in GENERIC:
            continue
        if (word.isupper() and len(word) > 1) or (word[:1].isupper() and i > 0):
            out.append(word)
    return out


def _spans_of(names: Sequence[str], text: str) -> list[tuple[int, int]]:
    """Where a text names any of `names` as whole words, in any case ("the Dalmatian pelican" for "dalmatian
    pelican")."""
    return [m.span() for name in names for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.I)]


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    for a, b in sorted(spans, reverse=True):
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _switched(question: str, previous: str, names_instrument: bool, instrument_spans: Spans | None,
              held: Sequence[str] = (), species_named: bool = False) -> str:
    """The earlier turn without the entity this turn replaces: "And the Sharks MOU?" after a question about the
    Dugong MOU drops the Dugong MOU and keeps its topic; "And with SPREP?" after one about cooperation with
    IUCN drops IUCN and keeps the instrument and the topic. `held`: names the turn refers back to ("its" for the
    species asked about), which no name of its own replaces ("How is its West African population classified?").
    `species_named`: the turn names a species, which replaces the earlier turn's species (the caller drops it), not
    the place it was asked about ("And the Humboldt penguin?" after "Is the African penguin on the CMS appendices?")."""
    switch = (lambda q, p: p) if species_named else _object_switched
    named_here = instrument_spans(question) if instrument_spans else []
    if names_instrument or named_here:
        return _blank(previous, instrument_spans(previous)) if instrument_spans else previous
    # a locator the turn names ("in Table 1") is a slot of its own, not a name replacing the earlier turn's
    located = {w.lower() for phrase in _slot_phrases(question).values() for w in phrase.split()}
    new = {t.lower() for t in entities(question)} - {t.lower() for t in entities(previous)} - located
    if not new:
        return switch(question, previous)
    keep = (instrument_spans(previous) if instrument_spans else []) + _spans_of(held, previous)
    drop = []
    for term in entities(previous):
        for m in re.finditer(rf"(?<![\w]){re.escape(term)}(?![\w])", previous):
            if not any(a <= m.start() < b for a, b in keep):
                drop.append(m.span())
    return switch(question, _blank(previous, drop))


def _object_switched(question: str, previous: str) -> str:
    """The earlier turn without the object this turn replaces: "And for gorillas?" after "What does the work
    programme plan for the saiga antelope?" keeps the work programme and its plan, not the saiga."""
    m = _OTHER_OBJECT.match(question)
    if not m or _PRONOUN.search(m.group("object")) or _slot_phrases(m.group("object")) or _CROSSING.search(question):
        return previous
    words = m.group("object").split()
    if not 1 <= len(words) <= 6 or words[0].lower() in _NOT_AN_OBJECT:
        return previous
    # "And the Scientific Council?" after "How often does the Conference of the Parties meet?": one body for another
    asked = {" ".join(b.lower().split()) for b in _BODY.findall(m.group("object"))}
    other = [b.span() for b in _BODY.finditer(previous) if " ".join(b.group().lower().split()) not in asked]
    if asked and other:
        return _blank(previous, other)
    # "And the Parties?" after "What does the resolution ask the Secretariat to do about the BBNJ Agreement?": another
    # actor of the same request, not another object
    actor = re.fullmatch(r"(?:the\s+)?(parties|signatories|range\s+states)", m.group("object").strip(), re.I)
    acting = [a.span(1) for a in _ACTOR.finditer(previous)
              if actor and " ".join(a.group(1).lower().split()) != " ".join(actor.group(1).lower().split())]
    if acting:
        return _blank(previous, acting)
    same = list(re.finditer(rf"\b{m.group(1)}\s+", previous, re.I)) if m.group(1) else []
    found = same or list(re.finditer(rf"\b(?:{'|'.join(_OBJECT_PREPS)})\s+", previous, re.I))
    if not found:
        return previous
    start = found[-1].end()
    end = start + re.search(r"[?,;.!]|$", previous[start:]).start()
    return _blank(previous, [(start, end)])


# What an instrument-only follow-up says besides the instrument: "And under CITES?", "What about the Nagoya Protocol?"
_ONLY_FRAME = re.compile(r"\b(?:and|but|also|what|how|about|under|for|in|on|with|regarding|concerning|as|to|then|so|"
                         r"the|same)\b|[^\w]", re.I)
# ... or asks, of that instrument, for what the conversation was asking: "What's the rule under the Nagoya Protocol?",
# "What is the position in CITES?", "What does the CBD say?"
_ONLY_ASKS = re.compile(r"\b(?:s|is|are|does|do|rules?|positions?|situation|case|provisions?|procedures?|"
                        r"arrangements?|answer|says?|said|there|here)\b", re.I)


def _topicless(question: str, here: list[tuple[int, int]]) -> bool:
    """The turn names an instrument (where: `here`) and nothing it asks about: it asks the conversation's question
    of it."""
    return bool(here) and not _ONLY_ASKS.sub(" ", _ONLY_FRAME.sub(" ", _blank(question, here))).strip()


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping mentions as one: "the Ramsar Convention" names the document and, inside it, the convention."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def _instrument_swapped(question: str, here: list[tuple[int, int]], previous: str,
                        instrument_spans: Spans | None) -> str:
    """"And under CITES?" after "Can a country leave the Ramsar Convention?" asks that question of CITES: the
    earlier question with its one instrument replaced, read as a whole sentence (a bag of carried words, "country
    leave", is far in meaning from the article that answers). Empty when the turn says more than the instrument or
    the earlier one names none or several."""
    if instrument_spans is None or _ELLIPTICAL_START.search(previous):
        return ""
    there = _merged(instrument_spans(previous))
    if len(here) != 1 or len(there) != 1 or not _topicless(question, here):
        return ""
    (a, b), (c, d) = here[0], there[0]
    return f"{previous[:c]}{question[a:b]}{previous[d:]}".strip()


_ONES = re.compile(r"\bones?\b", re.I)  # "Which ones are in Appendix II?" leans on the turn before it


def _slot_swapped(question: str, previous: str) -> str:
    """"And on Appendix II?" after "Which cranes are on CMS Appendix I?" asks that question of Appendix II: the
    earlier question with the locator of the same kind replaced, read as a whole sentence. Empty when the turn
    says more than its locators, or the earlier question has none of their kinds or leans on a turn before it."""
    slots = _slot_phrases(question)
    if not slots or _ELLIPTICAL_START.search(previous) or _PRONOUN.search(previous) or _ONES.search(previous):
        return ""
    rest = question
    for phrase in slots.values():
        rest = rest.replace(phrase, " ")
    if _ONLY_FRAME.sub(" ", rest).strip():
        return ""
    there = _slot_phrases(previous)
    if not there or any(slot not in there for slot in slots):
        return ""
    for slot, phrase in slots.items():
        previous = re.sub(rf"(?<!\w){re.escape(there[slot])}(?!\w)", phrase, previous)
    return previous.strip()


def _species_swapped(question: str, previous: str, species: Names | None) -> str:
    """"And the Humboldt penguin?" after "Is the African penguin on the CMS appendices?" asks that question of the
    Humboldt penguin: the earlier question with its species replaced, read as a whole sentence. Empty when the turn
    says more than a species, or the earlier question names no one species or leans on a turn before it."""
    m = _OTHER_OBJECT.match(question)
    if not m or species is None or m.group(1) or _ELLIPTICAL_START.search(previous) or _PRONOUN.search(previous):
        return ""
    obj = m.group("object")
    here, there = _merged(_spans_of(species(obj), obj)), _merged(_spans_of(species(previous), previous))
    if len(here) != 1 or len(there) != 1 or re.sub(r"\b(?:the|a|an)\b", " ", _blank(obj, here), flags=re.I).strip():
        return ""
    (a, b), (c, d) = here[0], there[0]
    return f"{previous[:c]}{obj[a:b]}{previous[d:]}".strip()


# An instrument's body, named after it ("the AEWA Agreement secretariat's main jobs"): what "it" then stands for
_BODY_AFTER = re.compile(r"^\s*(?:(?:agreement|convention|protocol|mou)\b)?(?:'s|’s)?\s*"
                         r"((?:standing|technical|scientific|advisory|executive)\s+)?"
                         r"(secretariat|committee|council|bureau|board|panel|fund|depositary)\b", re.I)


def _names_in(text: str, instrument_spans: Spans | None, species: Names | None = None) -> str:
    """What a turn names, without what it asks: its instruments and their bodies, locators ("Appendix I"), named
    entities and the species it names in English ("the snow leopard": what "Is it on CMS Appendix I?" stands for)."""
    spans = instrument_spans(text) if instrument_spans else []
    rest = _blank(text, spans)
    proper = [m.group(0) for m in re.finditer(r"(?<![.?!]\s)(?<!^)\b[A-Z][\w-]*(?:\s+(?:of\s+)?[A-Z][\w-]*)*", rest)]
    bodies = [f"{m.group(1) or ''}{m.group(2)}" for _, b in spans if (m := _BODY_AFTER.match(text[b:]))]
    parts = [text[a:b] for a, b in spans] + bodies + list(_slot_phrases(text).values()) + entities(rest) + proper + \
        (species(rest) if species else [])
    return " ".join(dict.fromkeys(parts))


# A question in the passive: "How are changes to the CMS species appendices adopted?" is about the changes
_PASSIVE_QUESTION = re.compile(r"^\s*(?:how(?:\s+(?:often|long|soon))?|when|why|where|by whom)\s+(?:are|is|were|was)\s+"
                               rf"(?P<subject>[^?,]{{3,100}}?)\s+{PARTICIPLE}\s*\?\s*$", re.I)


# What a Party does to a treaty ("Can a country withdraw from the Ramsar Convention?"): "it" in "How long after the
# notice does it take effect?" is that act, whose clause the treaty's final clauses hold
_TREATY_ACT = re.compile(r"\b(?:withdraw\w*|denounc\w*|leav(?:e|es|ing)|quit(?:s|ting)?|join(?:s|ed|ing)?|accede\w*|"
                         r"accession|ratif\w*|reservations?|amend\w*)\b", re.I)


def _acts_in(question: str) -> str:
    """The treaty acts a turn asks about, which a later "it" may stand for ("withdraw")."""
    return " ".join(dict.fromkeys(m.group(0).lower() for m in _TREATY_ACT.finditer(question)))


def _plural_subject(question: str, previous: str) -> str:
    """What "they" stands for when the earlier turn names no plural body or Party: its plural nouns ("Do they have to
    cover trade?" after "Who coordinates the AEWA conservation guidelines?": the guidelines)."""
    if not re.search(r"\b(?:they|them|their)\b", question, re.I):
        return ""
    return " ".join(w for w in content_words(previous) if len(w) > 4 and w.lower().endswith("s")
                    and not w.lower().endswith(("ss", "us", "is")) and w.lower() not in GENERIC)


def _passive_subject(question: str) -> str:
    """What a question in the passive asks about, which "they" or "it" in the next turn stands for."""
    m = _PASSIVE_QUESTION.match(question)
    return m.group("subject") if m else ""


# "the European breeding population", "those populations", "the bird": a species the question does not name
_SPECIES_REFERENCE = re.compile(r"\b(?:the|those|these|that|this|its|their)\s+(?:[\w-]+\s+){0,2}?"
                                r"(?:populations?|species|subspecies|birds?|animals?|stocks?)\b", re.I)


def _referred_species(question: str, users: Sequence[str], species: Names | None) -> list[str]:
    """The species of the latest earlier turn naming any, when the question speaks of "the population" or "the bird"
    and names none itself ("How does AEWA's Table 1 rate the European breeding population?" after the Roseate Tern):
    a question that names its instrument still asks about that species, written as the earlier turn wrote it."""
    if species is None or not _SPECIES_REFERENCE.search(question) or species(question):
        return []
    for previous in reversed(users[-3:]):
        if named := species(previous):
            spans = _merged(_spans_of(named, previous))
            return list(dict.fromkeys(previous[a:b] for a, b in spans))
    return []


def rewrite(question: str, history: Sequence[dict[str, str]] = (), names_instrument: bool = False,
            instrument_spans: Spans | None = None, species: Names | None = None) -> str:
    """The query to search for this turn: the question itself, or the question plus the carried context.

    `names_instrument`: the question names a document or convention itself ("the Sharks MOU"), so unless it
    also leans on the conversation ("and what about ...", "it"), it stands alone. `instrument_spans` tells
    where a text names an instrument, so that a follow-up naming another one replaces it.
    """
    users = [turn.get("content", "") for turn in history if turn.get("role") == "user" and turn.get("content")]
    if not users:
        return question.strip()
    here = _merged(instrument_spans(question)) if instrument_spans else []  # where the turn names instruments
    if swapped := _instrument_swapped(question, here, users[-1], instrument_spans) or \
            _slot_swapped(question, users[-1]) or _species_swapped(question, users[-1], species):
        return swapped
    leans = bool(_ELLIPTICAL_START.search(question) or _PRONOUN.search(question) or _topicless(question, here))
    referred = _referred_species(question, users, species)
    if (names_instrument or named_conventions(question)) and not leans:
        return " ".join([question.strip(), *referred])
    if not is_elliptical(question) and len(content_words(question)) > 6:
        # a question complete in itself but naming no instrument stays in the one the conversation is about
        # ("Once consent is given, what gets issued at the time of access?" after one on the Nagoya Protocol)
        spans = _merged(instrument_spans(users[-1])) if instrument_spans and not names_instrument else []
        names = list(dict.fromkeys(users[-1][a:b] for a, b in spans))
        return " ".join([question.strip(), *names, *referred])
    new_slots = _slot_phrases(question)
    named_now = named_conventions(question)
    carried: list[str] = []
    seen: set[str] = set()  # the carried words lower-cased, kept as a set so a long turn costs linear time
    names_only = (bool(_SUBJECT_PRONOUN.search(question)) and not _OBJECT_PRONOUN.search(question)
                  and not _ELLIPTICAL_START.search(question) and len(content_words(question)) >= 2)
    # "And the bowhead and right whales?" after the vaquita: the species it names replace the earlier ones
    own_species = species(question) if species else []
    refers = bool(_REFERS.search(question)) and not own_species
    for previous in reversed(users[-3:]):
        held = species(previous) if species and refers else []
        text = _actor_switched(question, _switched(question, previous, names_instrument or bool(named_now),
                                                   instrument_spans, held, bool(own_species)))
        if own_species and species:
            for name in species(text):
                text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", text, flags=re.I)
        if names_only:  # (and what a passive question was about: "they" after "How are changes to ... adopted?")
            text = f"{_names_in(text, instrument_spans, species)} {_passive_subject(previous)} {_acts_in(previous)}" \
                   f" {_plural_subject(question, previous)}"
        phrases = []
        # the instruments it names, carried whole: "Convention on Biological Diversity", not "Convention Biological
        # Diversity", which names none
        spans = instrument_spans(text) if instrument_spans else []
        phrases += [text[a:b] for a, b in _merged(spans) if text[a:b].lower() not in question.lower()]
        text = _blank(text, spans)
        # and the species "its" stands for, whole: "Audouin's Gull", which "Audouin Gull" does not name
        named = _merged(_spans_of(held, text))
        held_here = list(dict.fromkeys(text[a:b].lower() for a, b in named))
        for name in held_here:  # "Slavonian Grebe", not "grebe" as well; written as the earlier turn wrote it
            if not any(name in other != name for other in held_here):
                written = _spans_of([name], previous)
                phrases.append(previous[slice(*written[0])] if written else name)
        text = _blank(text, named)
        for slot, phrase in _slot_phrases(previous).items():
            text = text.replace(phrase, " ")
            if slot not in new_slots and phrase.lower() not in question.lower() and not names_only:
                phrases.append(phrase)  # carried whole: "Appendix I", not a bare "Appendix"
        if _CROSSING.search(question):
            text = _CROSSING.sub(" ", text)
        for phrase in phrases:
            if phrase.lower() not in seen:
                carried.append(phrase)
                seen.add(phrase.lower())
        seen.update(w for name in held_here for w in name.split())  # a species carried whole, not word by word
        for word in content_words(text):
            if named_now and named_conventions(word):
                continue  # "And for CITES?" after a CMS question: CITES replaces CMS
            if word.lower() not in seen and word.lower() not in question.lower():
                carried.append(word)
                seen.add(word.lower())
        if named_conventions(previous) or len(carried) >= 8:
            break
    if not carried:
        return question.strip()
    return f"{question.strip()} {' '.join(carried[:14])}"

