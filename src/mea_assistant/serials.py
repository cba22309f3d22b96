"""An instrument by its number in an organisation's series: "ILO Convention 70", "Convention No. 95", "C138".

The ILO (and IMO, the Council of Europe) number their conventions; delegates name them so. The text prints the
number in its head ("Convention (No. 70) concerning social security for seafarers", "CONVENTION 95"), not in
every title a database gives it, so the number is looked for in the document's title and first paragraphs.
"""

from __future__ import annotations

import re

from .types import Document

# "Convention 70", "Convention No. 95", "Protocol No. 4", and the ILO's own short form "ILO C29", "(C138)", each
# captured as written ("70", "C29"); not "Resolution 11.10", "Convention 1.5".
SERIAL = re.compile(r"\b(?:Convention|Protocol|Recommendation)\s+(?:No\.?\s*)?(\d{1,3})\b(?![.,]\d)|"
                    r"\bILO\s+(C\d{1,3})\b|\((C\d{1,3})\)")
_HEAD_PARAGRAPHS = 3


def serial_numbers(question: str) -> set[str]:
    """The series numbers a question names an instrument by."""
    return {g.lstrip("C") for m in SERIAL.finditer(question) for g in m.groups() if g}


def _printed(number: str, head: str) -> bool:
    """The head prints the number as the instrument's own: "(No. 70)", "No. 70", "CONVENTION 95"."""
    return re.search(rf"(?:\bNo\.?\s*|\b(?:Convention|CONVENTION|Protocol|PROTOCOL)\s+){number}\b(?![.,]\d)",
                     head) is not None


def serial_named(question: str, documents: dict[str, Document]) -> list[str]:
    """The documents whose head prints a series number the question names them by."""
    numbers = serial_numbers(question)
    if not numbers:
        return []
    out = []
    for doc_id, doc in documents.items():
        head = " ".join([doc.title] + [p.text for p in doc.paragraphs[:_HEAD_PARAGRAPHS]]
                        + [part for p in doc.paragraphs[:1] for part in p.section])
        if any(_printed(n, head) for n in numbers):
            out.append(doc_id)
    return out
