"""Short names for treaties between named parties, as delegates cite them.

"Agreement between the Government of the Kingdom of the Netherlands and the Government of the People's Republic of
China for the avoidance of double taxation and the prevention of fiscal evasion with respect to taxes on income" is
225 characters: every answer citing it would open with them. Delegates say "the Netherlands-China Agreement for the
avoidance of double taxation": the parties by their short names, the kind of instrument, and its subject up to its
first break. The parties' short names come from how states are formally styled ("the Government of the Kingdom of",
"the Republic of", "the Commonwealth of"), never from a list of these files; a title that is not drafted "between"
named parties keeps its own name (naming.py).
"""

from __future__ import annotations

import re

_KIND = r"(Agreement|Convention|Treaty|Protocol|Memorandum of Understanding|Arrangement|Exchange of Notes|Accord)"
_PREP = r"(?:on|for|concerning|regarding|relating to|respecting|in respect of|with respect to|to)"
_TITLE = re.compile(rf"^(?P<kind>(?:(?:Supplementary|Additional|Administrative|Framework)\s+)?{_KIND})"
                    rf"(?:\s+(?P<pre>{_PREP}\s+[^,]+?))?\s+between\s+(?P<parties>.+?)"
                    rf"(?:,?\s+(?P<post>{_PREP}\s+.+))?$", re.I)
# Names of states that hold "and" themselves: kept whole when the parties are split at "and".
_WITH_AND = re.compile(r"Great Britain and Northern Ireland|Antigua and Barbuda|Bosnia and Herzegovina|"
                       r"Saint Kitts and Nevis|Saint Vincent and the Grenadines|Sao Tome and Principe|"
                       r"Trinidad and Tobago|Turks and Caicos|Heard Island and McDonald Islands|Wallis and Futuna")
_GOVERNMENT = re.compile(r"^(?:the\s+)?(?:Government|Governments|Kingdom\s+Government)\s+of\s+", re.I)
# The formal style of a state before its name ("the Kingdom of the Netherlands", "the Republic of Singapore").
_STYLE = re.compile(r"^(?:the\s+)?(?:(?:Hashemite|United|Federal|Federative|Islamic|Democratic|People'?s|People’s|"
                    r"Socialist|Arab|Democratic\s+Socialist|Bolivarian|Plurinational|Oriental|Cooperative|Co-operative|"
                    r"Independent|Sovereign|Union)\s+)*(?:Kingdom|Republic|Commonwealth|State|States|Grand\s+Duchy|"
                    r"Principality|Sultanate|Emirate|Confederation|Federation|Union)\s+of\s+(?:the\s+)?", re.I)
_SUBJECT_BREAK = re.compile(r"\s+and\s+(?:the|to|for|on|of)\s+|,\s+|;\s+|\s+with\s+respect\s+to\s+|\s+\(|"
                            r"\s+in\s+respect\s+of\s+|\s+between\s+|\s+for\s+the\s+purposes?\s+of\s+|\s*:\s*", re.I)
_MAX_SUBJECT = 60
# The small words a name cut at a break must not end on ("... regarding compensation for"): naming.py cuts long titles
# the same way.
DANGLING = re.compile(r"(?:\s+(?:for|of|to|on|in|by|at|from|with|concerning|regarding|relating|and|or|the|a|an))+$")
_MEMBERS = re.compile(r"^(?:the\s+)?(?:Member\s+States|Members|Associate\s+Members|States\s+Parties|"
                      r"Contracting\s+Parties)\b", re.I)


def bilateral_name(title: str) -> str | None:
    """ "Netherlands-Singapore Agreement on economic cooperation", or None when the title names no parties."""
    title = " ".join(title.split()).rstrip(" .")
    # "the Kingdom of the Netherlands, in respect of Aruba, and the Government of Australia": the territory goes with
    # its party, not into the subject
    title = re.sub(r",\s+in\s+respect\s+of\s+(?:the\s+)?([^,]{2,60}),\s+and\s+", r" [\1] and ", title)
    m = _TITLE.match(title)
    if not m:
        return None
    parties = _split(m.group("parties"))
    if len(parties) < 2 or any(not p or _MEMBERS.match(p) for p in parties):
        return None  # (the members of an organisation among themselves: no two parties to name)
    short = [_short(p) for p in parties]
    who = "-".join(short) if len(short) <= 3 else f"{short[0]}-{short[1]} et al."
    subject = m.group("pre") or m.group("post") or ""
    kind = m.group("kind")
    return f"{who} {kind[:1].upper()}{kind[1:]}{' ' + _cut(subject) if subject else ''}"


def _split(parties: str) -> list[str]:
    protected = _WITH_AND.sub(lambda x: x.group(0).replace(" and ", " & "), parties)
    parts = re.split(r",\s+(?:and\s+)?|\s+and\s+", protected)
    return [p.replace(" & ", " and ").strip(" ,") for p in parts if p.strip(" ,")]


def _short(party: str) -> str:
    """ "the Government of the Kingdom of the Netherlands [Aruba]" -> "Netherlands (Aruba)"; an
    organisation by the acronym it is given ("the Food and Agriculture Organization of the United Nations (FAO)")."""
    acronym = re.search(r"\(([A-Z][A-Za-z-]{1,9})\)\s*$", party)
    if acronym:
        return acronym.group(1)
    territory = re.search(r"\s+\[(.+)\]$", party)
    if territory:
        party = party[:territory.start()]
    name = _GOVERNMENT.sub("", party.strip())
    name = re.sub(r"^(?:the\s+)?United\s+Kingdom\s+of\s+Great\s+Britain\s+and\s+Northern\s+Ireland$", "United Kingdom",
                  name, flags=re.I)
    name = re.sub(r"^(?:the\s+)?United\s+States\s+of\s+America$", "United States", name, flags=re.I)
    name = _STYLE.sub("", name) if not name.startswith("United ") else name
    name = re.sub(r"^the\s+", "", name, flags=re.I)
    name = re.sub(r"\s+Special\s+Administrative\s+Region\b.*$", "", name)
    # "the Norwegian Government", and a database's title that ends on the protocol printed with the treaty
    name = re.sub(r"\s+(?:Government|Protocol|Agreement)$", "", name)
    return f"{name} ({territory.group(1).strip()})" if territory else name


def _cut(subject: str) -> str:
    """The subject up to its first break when it is long ("for the avoidance of double taxation and the prevention
    of fiscal evasion ..." -> "for the avoidance of double taxation"), always at a whole phrase."""
    if len(subject) <= _MAX_SUBJECT:
        return subject
    cut = _SUBJECT_BREAK.search(subject, 12)
    head = subject[:cut.start()] if cut else subject
    head = DANGLING.sub("", head)  # not "... regarding compensation for"
    return head if len(head) <= 2 * _MAX_SUBJECT else subject
