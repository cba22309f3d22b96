"""How delegates name things: acronyms, nicknames of conventions, and explicit references in a question.

Pure functions over strings (plus the document list), used by retrieval and conversation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .types import Document

# Acronym -> words the texts use; appended to the query so BM25 and the embedding both see them.
ACRONYMS: dict[str, str] = {
    "BBNJ": "Biological Diversity of Areas beyond National Jurisdiction Agreement",
    "NBSAP": "national biodiversity strategies and action plans",
    "NBSAPS": "national biodiversity strategies and action plans",
    "SPMS": "Strategic Plan for Migratory Species",
    "BLG": "Liaison Group of Biodiversity-related Conventions",
    "MOS": "Meeting of the Signatories",
    "MOP": "Meeting of the Parties",
    "COP": "Conference of the Parties",
    "SC": "Standing Committee",
    "JWP": "joint work programme",
    "MOU": "Memorandum of Understanding",
    "ABS": "access to genetic resources and benefit-sharing",
    "PIC": "prior informed consent",
    "MAT": "mutually agreed terms",
    "TK": "traditional knowledge",
    "IPLC": "indigenous and local communities",
    "IPLCS": "indigenous and local communities",
    "NDF": "non-detriment finding not detrimental to the survival",
    "IUU": "illegal, unreported and unregulated fishing",
    "RFMO": "Regional Fisheries Management Organizations",
    "RFMOS": "Regional Fisheries Management Organizations",
    "MEA": "multilateral environmental agreements",
    "MEAS": "multilateral environmental agreements",
    "KMGBF": "Kunming-Montreal Global Biodiversity Framework",
    "GBF": "Kunming-Montreal Global Biodiversity Framework",
    "SDG": "Sustainable Development Goals",
    "SDGS": "Sustainable Development Goals",
    "CMP": "Conservation and Management Plan",
    "MIKE": "Monitoring the Illegal Killing of Elephants",
    "ICCWC": "International Consortium on Combating Wildlife Crime",
    "IPBES": "Intergovernmental Science-Policy Platform on Biodiversity and Ecosystem Services",
    "FAO": "Food and Agriculture Organization",
    "UNEP": "United Nations Environment Programme",
    "EIA": "environmental impact assessment",
    "LMO": "living modified organisms",
    "LMOS": "living modified organisms",
    "CAF": "Central Asian Flyways Action Plan",
    "CAMI": "Central Asian Mammals Initiative",
    "REIO": "regional economic integration organization",
    "DART": "Data Reporting tool",
    "POW": "programme of work",
    "SBSTTA": "Subsidiary Body on Scientific, Technical and Technological Advice",
    "IUCN": "International Union for Conservation of Nature",
    "OLA": "Office of Legal Affairs",
    "DOALOS": "Division for Ocean Affairs and the Law of the Sea",
}

# Convention nicknames -> convention code used in document metadata.
CONVENTION_NAMES: list[tuple[str, str]] = [
    (r"\bCITES\b|(?i:washington convention|trade in endangered species)", "CITES"),
    (r"\bCMS\b|(?i:bonn convention|migratory species convention|convention on migratory species)", "CMS"),
    (r"(?i:\bramsar\b|wetlands? convention|convention on wetlands)", "Ramsar"),
    (r"\bCBD\b|(?i:biodiversity convention|convention on biological diversity)", "CBD"),
    (r"(?i:\bnagoya\b)|\bABS protocol\b", "Nagoya"),
    (r"\bAEWA\b|(?i:waterbird agreement|african-eurasian)", "AEWA"),
]


# How questions word things vs. how treaties do. Added to the BM25 query only: words, not meaning, differ.
SYNONYMS: list[tuple[str, str]] = [
    (r"take effect|come into (?:force|effect)|enter(?:s|ed)? into force|start(?:s)? to apply|effective",
     "enter into force commence"),
    (r"who pays|pay for|paid|funding|finance|financing|costs?\b", "funding financial contributions budget"),
    (r"legally binding|binding", "legally binding instrument"),
    (r"\btell\b|let .* know|notify", "inform notify"),
    (r"\bban\b|banned|forbid|outlaw", "prohibit"),
    (r"\ballowed\b|permitted|may they", "permitted authorized"),
    (r"how often|frequency|every \w+ years", "intervals regular meetings"),
    (r"\bdefine|definition|what is meant by", "means"),
    (r"\bleave\b|withdraw|quit|pull out", "denounce denunciation withdrawal"),
    (r"\bjoin\b|become a party|sign up", "accession accede signature ratification"),
    (r"who runs|provides? the secretariat|acts as .*secretariat", "Secretariat is provided interim Secretariat"),
    (r"\bdisputes?\b|disagree", "settlement of disputes arbitration"),
]


@dataclass
class QueryInfo:
    text: str
    expanded: str
    conventions: list[str] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)
    lexical: str = ""  # the query for BM25: expanded plus the treaty wording of what the question paraphrases

    def __post_init__(self) -> None:
        if not self.lexical:
            extra = [words for pattern, words in SYNONYMS if re.search(pattern, self.text, re.I)]
            self.lexical = f"{self.expanded} {' '.join(extra)}".strip()


def expand_acronyms(text: str, vocabulary: set[str] | frozenset[str] = frozenset()) -> str:
    """Spell out acronyms the corpus itself does not use ("KMGBF"); ones it uses ("SPMS") match as they are."""
    extra = []
    for word in set(re.findall(r"\b[A-Za-z]{2,6}s?\b", text)):
        key = word.upper()
        if key in ACRONYMS and (word.isupper() or word[:-1].isupper()) and word.lower() not in vocabulary:
            extra.append(ACRONYMS[key])
    return text if not extra else f"{text} ({'; '.join(sorted(extra))})"


def named_conventions(text: str) -> list[str]:
    found = []
    for pattern, code in CONVENTION_NAMES:
        if re.search(pattern, text) and code not in found:
            found.append(code)
    return found


def document_aliases(doc: Document) -> list[str]:
    """Phrases that name this document in a question: its short name, symbol and distinctive title words."""
    aliases = {doc.citation_name.lower()}
    symbol = re.search(r"(\d+\.\d+)", doc.citation_name)
    if doc.doc_type == "resolution" and symbol:
        aliases |= {f"resolution {symbol.group(1)}", f"res {symbol.group(1)}", f"res. {symbol.group(1)}"}
    if doc.doc_type == "work-programme":
        aliases |= {"joint work programme", "work programme", "jwp", "programme of work"}
    if doc.doc_type == "mou":
        subject = doc.citation_name.split()[0].lower()
        aliases |= {f"{subject} mou", f"{subject} memorandum"}
    return sorted(a for a in aliases if a)


def vocabulary(documents: dict[str, Document]) -> frozenset[str]:
    words: set[str] = set()
    for doc in documents.values():
        for p in doc.paragraphs:
            words.update(re.findall(r"[a-z0-9]+", p.text.lower()))
    return frozenset(words)


def analyse(text: str, documents: dict[str, Document], vocab: frozenset[str] = frozenset()) -> QueryInfo:
    lower = text.lower()
    doc_ids = [doc_id for doc_id, doc in documents.items()
               if any(re.search(rf"(?<![\w.]){re.escape(alias)}(?![\w])", lower) for alias in document_aliases(doc))]
    return QueryInfo(text=text, expanded=expand_acronyms(text, vocab), conventions=named_conventions(text),
                     doc_ids=doc_ids)


# ----- explicit references ("paragraph 31 of Resolution 11.10", "Article III(4) of CITES", "B12 of the JWP") ----
_REF_PATTERNS = [
    re.compile(r"\b(?:article|art\.?)\s*(?P<art>[ivxlc]+|\d+(?:\s*bis)?)\b(?P<rest>(?:\s*(?:\(\s*\w{1,4}\s*\)|\.\s*\d+|,?\s*(?:paragraph|para\.?)\s*\d+|\s+\d+\b))*)", re.I),
    re.compile(r"\b(?:operative\s+paragraph|paragraph|para\.?|op\.?|§)\s*(?P<para>\d+(?:\.\d+)*)(?P<rest>(?:\s*\(\s*\w{1,4}\s*\))*)", re.I),
    re.compile(r"(?<![\w./])(?P<alnum>[A-D])\s?\.?\s?(?P<num>\d{1,2})(?![\w.])"),
    # A bare dotted locator counts only when it reads as one: "5.8 of the plan", "item 2.2", "4.1.4".
    re.compile(r"(?:\b(?:item|action|activity|point|target|objective|section|measure)\s+|(?<![\w.]))"
               r"(?P<dotted>\d{1,2}\.\d{1,2}\.\d{1,2}|\d{1,2}\.\d{1,2}(?=\s+(?:of|in|under)\b|\s*[:?]))(?![\d.]*\d)",
               re.I),
    re.compile(r"\b(?P<preamble>PP\s?\d+)\b"),
]


def explicit_refs(text: str) -> list[list[str]]:
    """Locator token prefixes named in a question: "Article III(4) of CITES" -> [['iii', '4']]."""
    from .refs import ref_tokens

    out: list[list[str]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _REF_PATTERNS:
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            groups = m.groupdict()
            if groups.get("art"):
                out.append([*ref_tokens(groups["art"]), *ref_tokens(groups.get("rest") or "")])
            elif groups.get("para"):
                out.append([*groups["para"].split("."), *ref_tokens(groups.get("rest") or "")])
            elif groups.get("alnum"):
                out.append([groups["alnum"].lower(), groups["num"]])
            elif groups.get("dotted"):
                out.append(groups["dotted"].split("."))
            elif groups.get("preamble"):
                out.append(["pp", re.sub(r"\D", "", groups["preamble"])])
    return out
