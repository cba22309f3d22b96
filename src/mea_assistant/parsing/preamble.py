"""Preambular clauses, the body that acts, and run-together definition lists.

Resolutions open with clauses cited as PP1, PP2, ... (`Recalling ...,` `Aware ...;`) under the body that
acts (`The Conference of the Parties to the Convention ...`). Converters often run the clauses (and
Article 2 definitions, `"Species" means ...; "Range" means ...`) together on one line, so those lines are
split back into clauses here.
"""

from __future__ import annotations

import re

from .items import Item, ends_clause

PREAMBLE_ENDINGS = (",", ";", ", and", "; and")
_ZONE = "_preamble_zone"  # meta flag while an unnumbered paragraph above the operative part is open
_FRONT_MATTER_RE = re.compile(r"^(adopted (by|at)|original:|distr\.|agenda item|prepared by|unep/|cms/|date:)",
                              re.I)
# Who acts, in English, French and Spanish: "The Contracting Parties,", "Les Parties contractantes,",
# "Los Estados Contratantes,". A converter may glue the first clause on ("The Contracting PartiesRecalling").
_BODY_WORDS = (r"(?:Parties|States|Signatories|Governments|Parties|[ÉE]tats|Gouvernements|Signataires|Partes|"
               r"Estados|Gobiernos|Signatarios)")
_GLUED = r"(?<=[a-z])(?=[A-ZÉ][a-zéè]+(?:ing|ed|ant|ando|iendo)\b)"
_ACTING_BODY_RE = re.compile(
    rf"^(?:Preamble\s*|Préambule\s*|Preámbulo\s*)?((?:The|Les|Las|Los)\s+(?:High\s+|Hautes\s+|Altas\s+)?"
    rf"(?:(?i:contracting)\s+)?{_BODY_WORDS}(?![a-z])[^,;:]{{0,80}}?)(?:,\s*|{_GLUED}|\s*$)")
# The organ of an organisation that adopts a convention, when its first recital follows the comma: "The General
# Conference of the International Labour Organisation,Having been convened ..." (ILO). (UNESCO's "The General
# Conference of the United Nations Educational, Scientific ..." has commas in its name: no such split.)
_ORGAN_RE = re.compile(r"^(?:Preamble\s*|Préambule\s*|Preámbulo\s*)?((?:The|La|El)\s+(?:General\s+Conference|Conf[ée]rence\s+g[ée]n[ée]rale|Conferencia\s+General)"
                       r"\s+(?:of|de)\s+[^,;:]{3,100}?),\s*(?=[A-Z][a-z]+(?:ing|ed)\b)")
_ACTING_HEADING_RE = re.compile(r"^THE\s+(?:CONTRACTING\s+)?(?:PARTIES|SIGNATORIES|STATES)\b.*[,:]$")
_ACTING_LINE_RE = re.compile(
    r"^(?:The|La|Le|Les|El|Los|Las)\b.*\b(Conference|Conférence|Conferencia|Meeting|Réunion|Reunión|Parties|Partes|"
    r"Signatories|Signataires|Signatarios|Committee|Comité|Council|Conseil|Consejo|Assembly|Assemblée|Asamblea)\b")
_ACTING_START_RE = re.compile(r"^(?:The|La|Le|Les|El|Los|Las)\s+(?:Conference|Meeting|Conférence|Réunion|Conferencia|"
                              r"Reunión|Contracting Parties|Parties contractantes|Partes Contratantes)\b")
_PREAMBLE_VERB = (r"(?:[A-Z][a-z]+(?:ing|ed)|Aware|Conscious|Mindful|Convinced|Determined|Desirous|Concerned|"
                  r"Further|Also|Deeply|Fully|Having|Noting|Bearing|Taking|Keen|Cognizant|Alarmed|Have|Agree|"
                  r"[A-ZÉ][a-zéèêàç]+(?:ant|ando|iendo)|Conscient(?:e|es|s)?|Convaincu(?:e|es|s)?|Désireu(?:x|ses)|"
                  r"Préoccupé(?:e|es|s)?|Soucieu(?:x|ses)|Conscientes|Convencid[oa]s|Deseos[oa]s|Preocupad[oa]s|"
                  r"Tomando|Ont|Sont|Han|Hemos)")
# ... and after "and", glued on by a converter or run on in a flattened line ("..., andHaving decided ...",
# "..., and Mindful of ...": the ILO prints each recital on its own line ending ", and").
_PREAMBLE_SPLIT_RE = re.compile(rf"(?<=;)\s*(?=[A-ZÉ])|(?<=,)\s*(?={_PREAMBLE_VERB}\b)|(?<=, and)(?=[A-Z][a-z]+ing\b)|"
                                rf"(?<=, and)\s+(?={_PREAMBLE_VERB}\b)")
_DEFINITION_SPLIT_RE = re.compile(r'(?<=[.:;])\s*(?=["“][A-Z][^"”]{1,80}["”]\s*(?:\([A-Za-z]+\)\s*)?(?:means|includes|shall mean|refers|has the meaning))')
_DEFINED_TERM_RE = re.compile(r'["“]([^"”]+)["”]')
_CATEGORY_SPLIT_RE = re.compile(r"\s{2,}(?=(?:Category|Column|Group|Class|Option)\s+\d+\s*:)")


def _opens_with_verb(text: str) -> bool:
    return bool(re.match(rf"{_PREAMBLE_VERB}\b", text)) and len(text.split()) >= 3


_PREAMBLE_HEADING_RE = re.compile(r"\*?(?:Preamble|PREAMBLE|Préambule|PRÉAMBULE|Preámbulo|PREÁMBULO)\*?[.:]?")


def is_preamble_heading(text: str) -> bool:
    """The word "Preamble" alone on its line (in English, French or Spanish) is a heading, not a paragraph."""
    return bool(_PREAMBLE_HEADING_RE.fullmatch(text.strip()))


def starts_clause(text: str) -> bool:
    """`Acknowledging the importance of ...`: a line that opens a preambular clause."""
    return _opens_with_verb(text) or bool(_ACTING_START_RE.match(text))


# The enacting formula ("Have agreed as follows:", "Agree to ...") opens the operative part, not a clause.
_ENACTING = re.compile(r"(?:Have|Agree|Agrees|Ont|Sont|Han|Hemos)\b")


def is_numbered_clause(text: str) -> bool:
    """`(iii) Reaffirming that ...;` above the first article: a preambular clause the treaty numbers."""
    return _opens_with_verb(text) and not _ENACTING.match(text)


def is_front_matter(text: str) -> bool:
    """`Adopted by ...`, `Original: English`, `Agenda item 24`: the document's cover, not its content."""
    return bool(_FRONT_MATTER_RE.match(text))


def acting_body_heading(text: str) -> str | None:
    """`THE CONTRACTING PARTIES,` as a heading -> `The Contracting Parties`."""
    if _ACTING_HEADING_RE.match(text):
        return text.rstrip(",:").title()
    return None


def is_acting_body(item: Item) -> bool:
    """An unnumbered, unfinished `The Conference of the Parties ...` just above the first numbered paragraph."""
    return not item.parts and bool(_ACTING_LINE_RE.match(item.text)) and not ends_clause(item.text)


def mark_preamble_zone(item: Item) -> None:
    item.meta[_ZONE] = "1"


def leave_preamble_zone(item: Item) -> None:
    item.meta.pop(_ZONE, None)


def settle_kind(item: Item, text: str) -> None:
    """A finished paragraph from above the operative part that ends like a clause is a preambular clause."""
    if item.kind == "operative" and not item.parts and item.meta.get(_ZONE, "") and text.endswith(PREAMBLE_ENDINGS):
        item.kind = "preamble"
    item.meta.pop(_ZONE, None)


def split_preamble(text: str) -> list[tuple[str, str]]:
    """`The Contracting Parties, Recognizing ...; Aware ...; Have agreed as follows:` -> clauses."""
    acting = _ACTING_BODY_RE.match(text) or _ORGAN_RE.match(text)
    body = text[acting.end():] if acting else text
    pieces = [p.strip() for p in _PREAMBLE_SPLIT_RE.split(body) if p.strip()]
    if len(pieces) < 3 and not acting:
        return []
    out: list[tuple[str, str]] = []
    if acting:  # "Preamble The Contracting Parties" on a line of its own keeps its words as printed
        out.append(("acting", acting.group(1) + ("," if text[acting.end(1):].strip() else "")))
    for piece in pieces:
        out.append(("preamble" if piece.rstrip().endswith((",", ";", "and")) or recites(piece) else "operative",
                    piece))
    return out


# The enacting formula closing a preamble written as one sentence ("considering their mutual interest in ..., and
# desiring to co-operate ..., resolve to conclude a Convention ..., and to that end agree as follows:").
# Also the ILO's "adopts this ... day of June ... the following Convention, which may be cited as ...:" (or "..., 2011.") and a
# constitution's "hereby establish ... a Commission to be known as ...".
_ENACTED_RE = re.compile(r"\b(?:agreed?|agrees|decided?|resolved?)\s+as\s+follows\s*:\s*$|\badopts?\b.{0,200}\bthe\s+"
                         r"following\s+(?:Convention|Protocol|Agreement|Recommendation)\b.*[:.]\s*$|"
                         r"\bhereby\s+(?:establish|set\s+up|create|constitute)\b", re.I)
_RECITAL_RE = re.compile(r"\b(?:considering|desiring|recognizing|recognising|noting|having|believing|convinced|"
                         r"aware|conscious|mindful|wishing|recalling|bearing)\b", re.I)


def enacts(text: str) -> bool:
    """`Have agreed as follows:`: the operative part starts after this paragraph."""
    return bool(_ENACTED_RE.search(text))


def recites(piece: str) -> bool:
    """Recitals run on into the enacting formula: the preamble's words, not an operative provision."""
    return bool(_ENACTED_RE.search(piece)) and bool(_RECITAL_RE.search(piece)) and len(piece.split()) >= 15


def split_definitions(text: str) -> list[str]:
    """Three or more `"Term" means ...` run together -> one piece per definition (the first is the lead-in)."""
    if len(re.findall(r'["”]\s*(?:\([A-Za-z]+\)\s*)?(?:means|includes|shall mean)\b', text)) < 3:
        return []
    return [p.strip() for p in _DEFINITION_SPLIT_RE.split(text) if p.strip()]


def defined_term(piece: str) -> str | None:
    """`"Species" means ...` -> `Species`."""
    term = _DEFINED_TERM_RE.match(piece)
    return term.group(1) if term else None


def split_categories(text: str) -> list[str]:
    """`...  Category 1: ...  Category 2: ...` on one line -> one piece each (a single piece if none)."""
    return _CATEGORY_SPLIT_RE.split(text)


def run_together(text: str, context_lead: str) -> list[tuple[list[tuple[str, str]], str, str]]:
    """Definitions or categories a converter ran onto one line, as (parts, text, lead-in) pieces; [] if none.

    `"Species" means ...; "Range" means ...` -> one piece per definition, each cited by its term and led in by
    the sentence that introduces them; `Category 1: ...  Category 2: ...` -> one piece per category.
    """
    definitions = split_definitions(text)
    if definitions:
        out = [([], definitions[0], context_lead)]
        for piece in definitions[1:]:
            term = defined_term(piece)
            out.append(([("named", f'"{term}"')] if term is not None else [], piece, definitions[0]))
        return out
    categories = split_categories(text)
    if len(categories) > 1:
        return [([], piece.strip(), context_lead) for piece in categories]
    return []
