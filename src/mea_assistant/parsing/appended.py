"""Texts printed after a treaty's articles, and what their parts are called.

A conference prints the resolutions it adopted after the treaty, the ILO its Recommendation, a programme its model
letter of association; each numbers its paragraphs from 1 again. Read as the last article's, they would give that
article a second paragraph 1 and cite a model letter as the treaty. These are recognised by their headings:
named as what they are ("Resolution on ...", "Final Act", "General Regulations", "Protocol of Signature"), or
printed after the closing formula ("IN WITNESS WHEREOF ...") under a heading of their own.
"""

from __future__ import annotations

import re

# A resolution or declaration the signatories adopted with a treaty is often printed after it ("####Resolution on
# Long-range Transboundary Air Pollution"): once articles have been read, such a heading opens a part of its own,
# so its paragraphs 1.-4. are "Resolution, 1" and never the treaty's last article.
# ("Resolution of Disputes" is an article's title, not such a part.)
# The ILO prints the Recommendation adopted with a Convention after it ("### Recommendation 146", "####Recommendation
# concerning minimum age ..."): its own part, numbered from 1 again.
_APPENDED_RE = re.compile(r"^(?:(?:Conference|Final Act)\s+)?(Resolution|Résolution|Resolución|Declaration|Déclaration|"
                          r"Declaración|Recommendation|Recommandation|Recomendación)(?:\s+(?:on|concerning|relating to|"
                          r"adopted|by|sur|relative|sobre|relativa|concernant)\b|\s+(\d{1,3})\b|\s*$)", re.I)
# Regulations or rules printed after the articles ("####General Regulations", "####Financial Regulations") number
# their own articles from 1 again: each is a part of its own ("General Regulations, Art. 27(c)").
_REGULATIONS_RE = re.compile(r"^((?:(?:General|Financial|Staff|Technical|Administrative)\s+)?(?:Regulations|Rules)"
                             r"(?:\s+of\s+Procedure)?)\s*$", re.I)
# A conference's Final Act printed after the treaty it adopted, and the resolutions printed together under one heading
# ("####Resolutions", then "### I", "### II"): parts of their own.
_FINAL_ACT_RE = re.compile(r"^Final\s+Act\b(?:\s+of\b.*)?$", re.I)
_PLURAL_RE = re.compile(r"(Resolution|Declaration|Recommendation)s", re.I)
# A protocol of signature printed after the articles ("####PROTOCOL OF SIGNATURE TO THE CONVENTION ON ..."), and a
# memorandum of understanding printed after an agreement ("### Memorandum of Understanding" over its title): parts of
# their own, whose paragraphs 1, 2 ... are not the last article's.
_SIGNATURE_RE = re.compile(r"^(?:Final\s+)?Protocol\s+of\s+Signature\b", re.I)
_MEMORANDUM_RE = re.compile(r"Memorandum\s+of\s+Understanding", re.I)
# The signatures under a closing formula, when a copy sets them as headings ("####For the Kingdom of the Netherlands:")
SIGNATORY_RE = re.compile(r"^(?:For|Pour|Por|On behalf of|Au nom de|En nombre de)\b", re.I)
_PROTOCOL_TO_RE = re.compile(r"^(?:Protocol|Protocole|Protocolo)\s+(?:to|of|relating\s+to|au|à|del?|al)\s+(?:the|this|la|le|el)\s+"
                             r"(?:Convention|Agreement|Treaty|Convenio|Acuerdo|Tratado)\b", re.I)
_PROTOCOL_RE = re.compile(r"(?:Protocol|Protocole|Protocolo)(?:\s+(\d{1,2}|[IVX]{1,4}))?", re.I)
_APPENDED_ABBR = {"resolution": "Resolution", "résolution": "Resolution", "resolución": "Resolution",
                  "declaration": "Declaration", "déclaration": "Declaration", "declaración": "Declaration",
                  "recommendation": "Recommendation", "recommandation": "Recommendation",
                  "recomendación": "Recommendation"}


def part_name(heading: str) -> str:
    """ "Constitution of the International Vaccine Institute" -> "Constitution": what the text is, not whose."""
    head = re.split(r"\s+(?:of|for|on|to|concerning)\s+", heading.strip(" *:"), maxsplit=1)[0]
    head = " ".join(head.split()[:4])
    return head.title() if head.isupper() else head  # "####STATUTE" -> "Statute, Art. 1"


def printed_after(text: str) -> str | None:
    """The name of a text printed after a treaty's closing formula under a heading of its own ("####The 2014
    prohibited list World Anti-Doping Code", "####Standard Letter of Notification of association ..."): what follows
    the signatures is not the last article's, whatever its heading calls it. A signature line ("For the Government
    of ...") is not such a heading; the caller skips a bare label ("### 1")."""
    head = text.strip(" *:.")
    if SIGNATORY_RE.match(head) or len(re.findall(r"[^\W\d_]{2,}", head)) < 2:
        return None
    return " ".join(part_name(re.sub(r"^(?:The|La|Le|Les|El|Los)\s+", "", head)).split()[:3])


def appended_part(text: str) -> tuple[str, str] | None:
    """(name, number) of a part printed after a treaty's articles: a resolution or declaration adopted with it, or
    regulations or rules that number their own articles ("General Regulations")."""
    if appended := _APPENDED_RE.match(text):
        return _APPENDED_ABBR[appended.group(1).lower()], appended.group(2) or ""
    if _FINAL_ACT_RE.match(text.strip(" *")):
        return "Final Act", ""
    if _SIGNATURE_RE.match(text.strip(" *")):
        return "Protocol of Signature", ""
    if _MEMORANDUM_RE.fullmatch(text.strip(" *:.")):
        return "Memorandum of Understanding", ""
    if plural := _PLURAL_RE.fullmatch(text.strip(" *:")):
        return plural.group(1).capitalize(), ""
    if rules := _REGULATIONS_RE.match(text.strip()):
        return " ".join(w.lower() if w.lower() == "of" else w.capitalize() for w in rules.group(1).split()), ""
    # a protocol printed after the articles under a heading of its own ("### Protocol", "####to the European
    # Agreement on ..."), which numbers its own paragraphs from 1 again
    if protocol := _PROTOCOL_RE.fullmatch(text.strip(" *")):
        return "Protocol", protocol.group(1) or ""
    # ... or under its whole title ("####Protocol to the Convention providing a Uniform Law for Cheques", after the
    # Convention's annexes), with its own parts A, B, C
    if _PROTOCOL_TO_RE.match(text.strip(" *")):
        return "Protocol", ""
    return None
