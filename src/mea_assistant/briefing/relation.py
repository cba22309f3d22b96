"""Is a topic about the relation between the instruments it names, and which conventions does it name itself?

"Cooperation between CMS and CITES" asks what links the two: a paragraph must concern both. "How CITES works
with other bodies ..., and what has the joint CMS-CITES work said about bushmeat" does not: its relation words
("works with", "partnerships") are about CITES and others, and "the joint CMS-CITES work" is the name of one
document, the joint work programme, whose words name the two conventions without naming them as subjects; and
"synergies" of "the Bonn Convention's synergies resolution and the biodiversity convention" names Res. 11.10.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..docnames import subject_names
from ..queries import own_mentions
from ..types import Document

RELATION = re.compile(r"\b(?:between|among|co-?operat\w*|collaborat\w*|synerg\w*|relation\w*|coordinat\w*|"
                      r"co-ordinat\w*|joint|partnerships?|liaison|interplay)\b", re.I)
NEAR = 5  # words between a relation word and each of two instruments it relates ("cooperation between CMS and CITES")


def read_names(topic: str, documents: dict[str, Document]) -> tuple[list[str], bool]:
    """(the conventions the topic names as subjects, whether it is about the relation between instruments), from
    one reading of where it names them."""
    mentions = own_mentions(topic, documents)
    codes: list[str] = []
    for _, _, label in mentions:
        if label not in documents and label not in codes:
            codes.append(label)
    return codes, _relates(topic, mentions, documents)


# A convention's meeting, named with the convention ("what the CMS COP has asked Parties to do", "the COP of CITES"),
# and the body its documents record as adopting them
_MEETING = r"(COP|CoP|MOP|MOS|Conference of the Parties|Meeting of the (?:Parties|Signatories))"
_DECIDED = re.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?(?:asked|requested|urged|called|decided|adopted|"
                     r"invited|encouraged|instructed|resolved|agreed|recommended|directed)\b", re.I)
_BODIES = {"cop": "conference of the parties", "mop": "meeting of the parties", "mos": "meeting of the signatories"}


def adopted_by_meeting(topic: str, documents: dict[str, Document]) -> list[str]:
    """The documents a convention's meeting adopted, for each convention whose meeting the topic says decided or
    asked something ("what the CMS COP has asked the Secretariat to do", "what the migratory species COP has asked
    for"): that meeting speaks through its resolutions, whatever the topic calls them. The convention is the one
    its words name when read as a convention's name ("the migratory species convention")."""
    found: list[str] = []
    for m in re.finditer(rf"\b{_MEETING}\b", topic):
        # "the CMS COP has asked", or "the Conference of the Parties to the Bonn Convention has decided"
        after = re.match(rf"\s+(?:of|to)\s+(?P<name>(?:the\s+)?(?:[\w-]+\s+){{0,3}}?[\w-]+)(?={_DECIDED.pattern})",
                         topic[m.end():], re.I)
        if not (after or _DECIDED.match(topic, m.end())):
            continue  # "host the next CMS COP", "list it at the CMS COP": the meeting, not what it decided
        before = " ".join(re.findall(r"[\w'’-]+", topic[max(0, m.start() - 60):m.start()])[-4:])
        # the convention named next to the meeting: the last before "COP", the first after "COP of"
        codes = read_names(f"{after.group('name')} convention", documents)[0][:1] if after else \
            read_names(f"{before} convention", documents)[0][-1:]
        body = _BODIES.get(m.group(1).lower(), m.group(1).lower())
        found += [d for d, doc in documents.items() if doc.conventions[:1] and doc.conventions[0] in codes
                  and d not in found and (doc.adopted_by or "").lower() == body]
    return found


# "... between CMS and CITES, and with other biodiversity-related bodies": cooperation beyond the two it names
_WIDER = re.compile(r"\b(?:with|and|among|between)\s+(?:the\s+)?other\s+(?:[\w-]+\s+){0,2}?(?:bodies|conventions|"
                    r"organi[sz]ations|MEAs|agreements|treaties|instruments|partners|processes)\b", re.I)


_POSSESSED = re.compile(r"['’]s\s+$")
# what a relation word relates when it says so itself: "cooperation between convention secretariats", "with
# other organisations" (the words after it, up to the clause's end)
_BETWEEN_OTHERS = re.compile(r"\s+(?:between|among|amongst|with)\s+[^,;.?]{1,80}")


def _relates(topic: str, mentions: list[tuple[int, int, str]], documents: dict[str, Document]) -> bool:
    if _WIDER.search(topic):
        return False
    names = [(s, e) for s, e, label in mentions if label in documents]
    # a document named by its subject: "synergies" of "the synergies resolution" names CMS Res. 11.10
    names += [m.span() for form in subject_names(documents) for m in re.finditer(form, topic.lower())]
    spans = [(s, e) for s, e, _ in mentions]
    for m in RELATION.finditer(topic):
        if any(s <= m.start() and m.end() <= e for s, e in names) or _names_document(topic, m):
            continue  # "joint" of "the joint CMS-CITES work": part of a name
        if _POSSESSED.search(topic, 0, m.start()):
            continue  # "the wildlife trade convention's partnerships": one instrument's own, relating none
        if (said := _BETWEEN_OTHERS.match(topic, m.end())) and not any(s < said.end() and e > m.end()
                                                                        for s, e in spans):
            continue  # "X, Y and Z provide for cooperation between convention secretariats": each its own
        # "between" and "among" relate what follows them ("between CMS and CITES"), not what comes before
        # ("how the CBD, CMS and CITES deal with disputes between parties")
        after = m.group(0).lower() in ("between", "among")
        near = {_instrument(label, documents) for s, e, label in mentions
                if _words_between(topic, m.span(), (s, e), spans) <= NEAR and (not after or s >= m.end())}
        if len(near) >= 2:
            return True
    return False


# "the synergies and partnerships resolution", "the resolution on synergies and partnerships", "the joint work
# programme": a relation word in what a document is called says which document, not that the topic relates two
_KIND = r"(?:resolutions?|decisions?|(?:work\s+)?programmes?|plans?|memorand(?:um|a)|mous?)"
_BEFORE_KIND = re.compile(r"^(?:\s+(?:and|&|of|[\w-]+)){0,3}?\s+%s\b" % _KIND, re.I)
_AFTER_KIND = re.compile(r"\b%s\s+(?:on|for)\s+(?:[\w-]+\s+(?:and\s+)?){0,2}$" % _KIND, re.I)


def _names_document(topic: str, m: re.Match[str]) -> bool:
    return bool(_BEFORE_KIND.match(topic[m.end():]) or _AFTER_KIND.search(topic[:m.start()]))


def _instrument(label: str, documents: dict[str, Document]) -> str:
    """One instrument whether named by its convention ("CMS") or as a document ("the Bonn Convention" is both)."""
    doc = documents.get(label)
    return doc.conventions[0] if doc is not None and doc.conventions else label


def _words_between(text: str, a: tuple[int, int], b: tuple[int, int], names: Sequence[tuple[int, int]] = ()) -> int:
    """Words between two spans, not counting the words of the instruments named there (`names`): "between the
    migratory species convention and the wildlife trade convention" relates the two as closely as "between CMS and
    CITES"."""
    start, end = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    words = [m.start() + start for m in re.finditer(r"[\w'’-]+", text[start:end])] if start < end else []
    return sum(not any(s <= w < e for s, e in names) for w in words)
