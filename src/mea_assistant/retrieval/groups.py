"""Which documents a question names, grouped by instrument: a document named by its own name, a convention named by
its code ("CMS", "the Bonn Convention") standing for its own documents, and a treaty named only as the owner of one of
its documents ("the Bonn Convention's synergies resolution") standing for that document."""

from __future__ import annotations

import re

from ..force import TREATY_TYPES
from ..queries import QueryInfo, instrument_mentions
from ..terms import terms
from ..types import Document


def instrument_groups(docs: dict[str, Document], info: QueryInfo) -> list[list[str]]:
    """The documents of each instrument a question names: a named document alone, and for a named
    convention its own documents (those whose first convention it is), not every text that mentions it."""
    mentions = instrument_mentions(info.text, docs)
    # a treaty named only as the owner of one of its documents ("the Bonn convention's synergies resolution")
    # is that document's, not an instrument of its own
    owners = {d for d in info.doc_ids if _owner_only(info.text, _spans(mentions, d), bodies=True)
              and any(o != d and docs[o].conventions[:1] == docs[d].conventions[:1] for o in info.doc_ids)}
    doc_ids = [d for d in info.doc_ids if d not in owners]
    groups = [_owned(docs, info.text, d, _spans(mentions, d)) or [d] for d in doc_ids]
    # a convention one of its named documents belongs to is that document's ("the CMS Dugong MOU"), unless the question
    # also names the treaty itself ("the Bonn migratory species convention ... and the dugong memorandum")
    covered = {docs[d].conventions[0] for d in doc_ids if docs[d].conventions and (
        docs[d].doc_type in TREATY_TYPES or not _names_treaty(info.text, _spans(mentions, docs[d].conventions[0])))}
    # a convention named only inside a named document's name ("the CMS-CITES joint programme") is that
    # document's, not an instrument of its own
    inside = [(start, end) for start, end, label in mentions if label in doc_ids]
    for conv in info.conventions:
        spans = _spans(mentions, conv)
        if spans and all(any(a <= start and end <= b for a, b in inside) for start, end in spans):
            covered.add(conv)
    for conv in info.conventions:
        if conv not in covered:
            own = [d.doc_id for d in docs.values() if d.conventions and d.conventions[0] == conv]
            # "CITES's own account of its cooperation work": a text of the convention's, not the treaty
            if _owner_only(info.text, _spans(mentions, conv)):
                own = [d for d in own if docs[d].doc_type not in TREATY_TYPES] or own
            # the convention's own treaty first: it is what the name stands for ("CMS" is the Bonn
            # Convention, not the first of its resolutions and plans in file order)
            own.sort(key=lambda d: docs[d].doc_type not in TREATY_TYPES)
            if own:
                groups.append(own)
    return sorted(groups, key=lambda group: _first_named(docs, info.text, group, mentions))


def _owned(docs: dict[str, Document], text: str, treaty: str, spans: list[tuple[int, int]]) -> list[str]:
    """A treaty named only as the owner of one of its documents that the question names by its kind alone ("the
    Bonn Convention's strategic plan target on concerted action"): that document, the convention's own of that
    kind whose name shares most words with what the question says of it; [] when none is held."""
    owned = [_owned_by(text, end) for _, end in spans]
    if docs[treaty].doc_type not in TREATY_TYPES or not owned or not all(owned):
        return []
    said = {t for m in owned if m for t in terms(text[m.start():m.end() + _SAID])}
    kinds = [terms(m.group("kind")) for m in owned if m]
    scored = []
    for doc in docs.values():
        name = terms(f"{doc.title} {doc.citation_name} {doc.doc_type.replace('-', ' ')}")
        if doc.doc_id != treaty and doc.conventions[:1] == docs[treaty].conventions[:1] and \
                doc.doc_type not in TREATY_TYPES and all(kind <= name for kind in kinds):
            scored.append((len(said & name), doc.doc_id))
    best = max((n for n, _ in scored), default=0)
    return [d for n, d in scored if n == best]


def _first_named(docs: dict[str, Document], text: str, group: list[str],
                 mentions: list[tuple[int, int, str]]) -> int:
    """Where a question first names an instrument (`mentions`: where it names each, in order): an answer
    comparing two takes them in the order asked ("for Nagoya ..., compared with the CBD itself" answers for
    Nagoya first)."""
    labels = set(group) | {docs[d].conventions[0] for d in group if docs[d].conventions}
    return next((start for start, _, label in mentions if label in labels), len(text))


# A document a convention adopts, named after its owner: "the Bonn convention's synergies and partnerships resolution"
_OWNED = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,5}?(?P<kind>resolutions?|decisions?|recommendations?|"
                    r"(?:action|strategic|work)\s+plans?|(?:work\s+)?programmes?|programs?|guidelines|strateg(?:y|ies)|"
                    r"memorand(?:um|a)|MOUs?|"
                    r"accounts?|responses?|letters?|submissions?|statements?|"
                    # its bodies, whose acts the named document records ("the Bonn Convention's COP thanks ...")
                    r"COP|MOP|MOS|conference\s+of\s+(?:the\s+)?parties|meeting\s+of\s+(?:the\s+)?(?:parties|signatories)|"
                    r"secretariat|standing\s+committee|scientific\s+council)\b", re.I)
# ... or the name as a noun before the kind: "the Bonn Convention resolution on synergies", "the CMS COP decision"
_COMPOUND_OWNED = re.compile(r"\s+(?:(?:COP|MOP|MOS)\s+)?(?P<kind>resolutions?|decisions?|(?:action|strategic|work)\s+"
                             r"plans?|(?:joint\s+)?(?:work\s+)?programmes?|strateg(?:y|ies))\b", re.I)


def _owned_by(text: str, end: int) -> re.Match[str] | None:
    return _OWNED.match(text, end) or _COMPOUND_OWNED.match(text, end)


_SAID = 60  # characters after an owned document's kind that may say which one it is ("... target on concerted action")


def _spans(mentions: list[tuple[int, int, str]], label: str) -> list[tuple[int, int]]:
    """Where the question names the instrument `label` (a document id or a convention's code)."""
    return [(start, end) for start, end, named in mentions if named == label]


# ... or the owner of the body named right after it, when the body acts by a document of it the question names
# ("When did the Bonn Convention COP adopt the synergies resolution?")
_BODY_OWNED = re.compile(r"\s+(?:COP|MOP|MOS|conference\s+of\s+(?:the\s+)?parties|secretariat|standing\s+committee|"
                         r"scientific\s+council)\b", re.I)


def _owner_only(text: str, spans: list[tuple[int, int]], bodies: bool = False) -> bool:
    """Every mention names the instrument as an owner: of a document, and with `bodies` of the body after it."""
    return bool(spans) and all(_owned_by(text, end) or bodies and _BODY_OWNED.match(text, end) for _, end in spans)


_TREATY = re.compile(r"\b(?:convention|treaty)\b", re.I)


def _names_treaty(text: str, spans: list[tuple[int, int]]) -> bool:
    """A convention named as the treaty ("the Bonn Convention", "the migratory species treaty"), not as the owner of a
    document or body ("the Bonn Convention's resolution", "the CMS COP")."""
    return any(_TREATY.search(text, start, end) and not _owner_only(text, [(start, end)], bodies=True)
               for start, end in spans)

