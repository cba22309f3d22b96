"""Questions the texts as adopted cannot answer, whatever is retrieved: the present state of the world (who has
joined, what happened at a meeting) and a measure (a period, a sum, a limit) that no top paragraph states."""

from __future__ import annotations

import re
from typing import Sequence

from .asks import asks
from .figures import ASKS_DURATION, asks_headcount, figure_in, states_count
from .sentences import asked_sentences
from .types import Hit

# Questions about the present state of the world (membership, ratifications, current listings) are out of
# scope by construction: the corpus holds texts as adopted, not status data.
# "the latest date we can send it" asks a deadline, which a text sets
_STATUS = re.compile(r"\b(today|currently|at present|at the moment|these days|nowadays|right now|to date|so far|most recent|"
                     r"as of now|"
                     # a meeting to come: where it meets and what is planned are no text's rule ("shall be held")
                     r"going to be held|where\b[^?]{0,60}\bthe next\b[^?]{0,60}\b(?:held|take place|meet|hosted)|"
                     r"(?<!at the )latest(?! (?:possible )?(?:date|day|deadline|time|moment|point)\b| (?:it|we|I|they|you|a report|"
                     r"the report|our report) (?:can|could|may|must|should)\b"
                     # "the latest revision of the synergies resolution": a resolution's title block says which
                     # revision it is and when it was adopted ("(Rev.COP14)", "Adopted by ... at its 14th Meeting")
                     r"| (?:revision|version) of (?:the |this |that |its )?(?:[\w-]+ ){0,3}?(?:resolution|decision|recommendation)s?\b)|"
                     # (not "for the next year", the year after another the question names: "programmes for the
                     # next year")
                     r"(?<!the )(?:last|next|this|coming) (?:year|month|season)|"
                     r"the current (?:number|list|status|membership|count|total)|"
                     # the budget or work plan now running: adopted for a period by a meeting, not in a treaty text
                     r"(?:the|its|their) current (?:[\w-]+ ){0,2}(?:period|biennium|triennium|budgets?)|"
                     # who holds an office now: a text creates the office, it never names its holder
                     r"(?:the|its|their|[\w.-]+['’]s) (?:current|present|incumbent) (?:director-general|director general|"
                     r"executive secretary|secretary-general|secretary general|executive director|director|chair|"
                     r"chairperson|chairman|president|head)|"
                     r"still (?:apply|applies|in force|valid|in place|exist|exists|stand|stands|hold|holds)|"
                     # "How many Parties does it have now?": a count of members today, not the text's rule
                     r"how many\b[^?]{0,60}\b(?:have|has|are there)\s+now)\b", re.I)
# The date an instrument actually entered into force is an event after its adoption: its own text states the rule
# ("ninety days after the fiftieth instrument"), never the date. Only a question that asks for that date or
# year is one for status data; "When did CMS enter into force?" is answered with the rule. An MOU "takes effect".
_HAPPENED = re.compile(r"\b(?:on (?:what|which) (?:calendar |exact |precise )?(?:date|day)|in (?:what|which) year|"
                       r"what year|which year)\b.*\b"
                       r"(?:(?:enter(?:ed)?|came|come) into (?:force|effect)|t(?:ake|ook|aken) effect|bec[ao]me effective)\b|"
                       # the day it did so, not the rule for when it does ("when does an amendment actually enter
                       # into force")
                       r"\bdid\b[^?,;]{0,60}\bactually (?:enter|come|take)\b|"
                       r"\bactually (?:entered|came) into (?:force|effect)\b|\bactually took effect\b", re.I)


# Likewise what happened at a meeting and who has joined: records of sessions and lists of members, which the
# texts as adopted do not hold ("What were the outcomes of the Summit?", "Which countries have signed the MOU?",
# "When was the Initiative launched?"). Not "at which COP": a resolution records which COP decided what.
_EVENT = re.compile(r"\b(?:outcomes?|results?|conclusions?) of (?:the |its |their )?(?:\w+ ){0,4}?(?:summit|meeting|"
                    r"session|conference|forum|workshop|cop|mop|mos)\b|"
                    # "Which Council of Europe states have ratified ...?": the members named by up to four words
                    r"\b(?:which|what|how many) (?:[\w-]+ ){0,4}?(?:countries|states|parties|signatories|governments)\b"
                    r"[^?]{0,40}\b(?<!must )(?<!should )(?<!would )(?<!to )(?:have|has) (?:signed|ratified|joined|acceded)\b|"
                    # not "when was the review conference to be held": the text's rule ("shall be held five years after")
                    r"\bwhen (?:was|were|did) (?:the |it |they )?[^?]{0,60}\b(?<!to be )(?:launched|founded|held|hosted)\b|"
                    # who hosted a session, whom a committee found in breach, when membership became universal,
                    # what has happened since the instrument entered into force: records, not texts
                    r"\b(?:which|what) (?:country|countries|city|cities|government)\b[^?]{0,30}\bhost(?:ed|s)\b|"
                    # which country deposited the instrument that brought it into force, what Parties have done since
                    # it was signed: records ("Which country deposited that fiftieth instrument?")
                    r"\b(?:which|what) (?:country|countries|state|states|party|parties|government|governments)\b"
                    r"(?: \w+)? deposited\b|"
                    r"\b(?:have|has)\b[^?]{0,60}\bsince (?:it|they|the \w+(?: \w+)?) (?:was|were) (?:signed|adopted|"
                    r"concluded|agreed)\b|"
                    r"\b(?:which|what|how many) (?:countries|states|parties|signatories|governments) (?:has|have|had|were|was)\b"
                    r"[^?]{0,60}\bfound\b"
                    r"[^?]{0,30}\bin (?:non-?compliance|breach)\b|"
                    r"\b(?:reach(?:ed)?|achieve[sd]?|attain(?:ed)?) universal (?:ratification|membership|participation)\b|"
                    r"\b(?:have|has) been \w+ed\b[^?]{0,60}\bsince (?:it|the \w+(?: \w+)?) (?:entered|came) into force\b",
                    re.I)
# "Was the programme ever evaluated?", "Has any state ever been found ...?": whether something has happened, not what
# a text provides ("Is hunting ever allowed?" is the text's rule), and not a condition the question sets ("convicted
# even if no attack was ever carried out?")
_EVER = re.compile(r"\b(?:was|were|has|have|had)\b[^?]{0,80}\bever\b", re.I)
_CONDITION = re.compile(r"\b(?:if|unless|whether|though|although)\b[^,;?]*$", re.I)  # not "When was it ever ...?"


# A question for a period, a sum or a share is answered only by a text that states one: "How long is an import
# permit valid?" by an article that says "valid for a period of six months", never by one on import permits that
# names no period; "What fee is charged for a permit?" by one that names a fee, charge or amount; "What share of ...?"
# by one that gives a figure or a share.
_NATIONAL = r"(?:(?:Swiss|US|U\.S\.|United States|American|Canadian|Australian|Hong Kong|New Zealand) )?"
_CURRENCY = r"(?:francs?|dollars?|euros?|pounds?(?: sterling)?|yen|guilders?|kronor|kroner|special drawing rights|SDRs?)"
_COUNT_WORDS = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|"
                r"sixty|seventy|eighty|ninety|hundred)(?:[\s-](?:and[\s-])?(?:one|two|three|four|five|six|seven|eight|"
                r"nine|twenty|fifty))?")
# A sum stated as one: digits with a currency or a share, a number in words of hundreds or more, or that none is due
_AMOUNT = re.compile(rf"\d[\d,.]*\s*(?:{_CURRENCY}|%|per ?cent)|\b(?:{_CURRENCY}|CHF|USD|EUR|US\$)\s*\d|[$€£]\s*\d|"
                     r"\b(?:hundred|thousand|million|billion)\b|\bfree of charge\b|\bno (?:fee|charge)\b|\bgratis\b|"
                     r"\bscale\b", re.I)
_ASKS_SUM = re.compile(r"\b(?:what|which|how much) (?:fees?|charges?|price|amount|sum|money)\b|\bhow much (?:does|do|did|"
                       r"will|is|are|must|should|can)\b", re.I)
_MEASURES = (
    (ASKS_DURATION,
     re.compile(r"\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|periods?|time[- ]limits?|immediately|"
                r"forthwith|without delay|as soon as|promptly|annual\w*|biennial\w*|sessions?|meetings?|until|before|"
                r"after|dates?)\b", re.I)),
    (_ASKS_SUM,
     # a sum, or the rule that fixes one ("according to the UN scale of assessment"); a number must be an amount,
     # not the article it sits in ("Annex(1)(a)")
     re.compile(r"\b(?:fees?|charges?|prices?|costs?|amounts?|sums?|francs?|dollars?|euros?|SDR|currency|"
                r"contributions?|budget|expenses?|scale)\b|[$€£]|\d[\d,.]*\s*(?:%|per ?cent|million|thousand)|"
                r"\b(?:hundred|thousand|million|billion)\b", re.I)),
    # "How much funding was allocated to the strategy?": a sum of money, not a text that calls for resources
    (re.compile(r"\bhow much (?:funding|financing|finance|money|funds?|budget)\b|\bwhat (?:was|is|were) the (?:total\s+)?"
                r"(?:budget|funding|allocation)\s+(?:of|for|to)\b", re.I), _AMOUNT),
    # "How much is the access fee per sample?": the fee's amount, or that there is none, not a text that names fees
    (re.compile(r"\bhow much (?:is|are|was|were|does|do|will) (?:the |a |an |its |their )?(?:[\w-]+ ){0,3}?(?:fees?|"
                r"charges?|prices?|levy|levies|tolls?)\b", re.I), _AMOUNT),
    # "What size of fine ...?", "What standard fee per sample ...?": an amount, not a text that provides for fines or
    # lists fees as a kind of benefit
    (re.compile(r"\b(?:size|amount|level|value|height)s? of (?:the |a |any )?(?:[\w-]+ )?(?:fines?|penalt(?:y|ies)|"
                r"fees?|charges?|levy|levies)\b|\b(?:standard|flat|fixed|basic|usual|typical|minimum|maximum) (?:fees?|"
                r"charges?|fines?|prices?|levy)\b", re.I), _AMOUNT),
    # An amount asked in a currency ("How much is the basic fee, in Swiss francs?"): a text that names the fee but
    # fixes no sum leaves it to rules outside the corpus.
    (re.compile(rf"\bin {_NATIONAL}{_CURRENCY}\b|\bhow many {_NATIONAL}{_CURRENCY}\b", re.I),
     re.compile(rf"\d[\d,.\s]*(?:{_NATIONAL}{_CURRENCY}|CHF|USD|EUR)|\b(?:{_CURRENCY}|CHF|USD|EUR|SDR)\s*\d|"
                rf"\b(?:hundred|thousand|million|billion)\s+{_NATIONAL}{_CURRENCY}", re.I)),
    # A fee or a price is named as one ("a fee", "free of charge"): a figure in an article on something else
    # ("Annex II, 1.1") is not what a permit or a mark costs.
    (re.compile(r"\bwhat (?:fees?|charges?|price)\b", re.I),
     re.compile(r"\b(?:fees?|charges?|charged|prices?|costs?|free of charge|gratis|payment|paid|pay)\b", re.I)),
    # A penalty is answered by a text that sets one ("fines", "sanctions", "imprisonment", "punishable by"):
    # an article on the offence or on cooperation names none.
    (re.compile(r"\b(?:what|which|how much|how high|how large)(?: \w+)? (?:fines?|penalt(?:y|ies)|sanctions?|"
                r"punishments?|prison (?:terms?|sentences?)|sentences?)\b|\bhow (?:much|heavily) (?:can|may|must|"
                r"will|would) [^?]{0,40}\b(?:be )?(?:fined|punished|penali[sz]ed)\b", re.I),
     re.compile(r"\b(?:fines?|penalt(?:y|ies)|sanctions?|punish\w*|imprisonment|prison|custodial|sentences?|"
                r"deprivation of liberty|penal|penali[sz]\w*|offences? punishable)\b", re.I)),
    # Compensation and damages: only a text that provides for them says how much or on what basis.
    (re.compile(r"\b(?:what|which|how much)(?: \w+)? (?:compensation|damages|indemnity|indemnification|"
                r"reimbursement)\b", re.I),
     re.compile(r"\b(?:compensat\w*|damages|indemn\w*|reimburs\w*|refund\w*|liab(?:le|ility)|reparation)\b", re.I)),
    # A rate (of tax, of interest, of exchange), a temperature, a speed: the text must state one.
    (re.compile(r"\bwhat (?:[\w-]+ ){0,2}rates?\b", re.I), re.compile(r"\brates?\b|%|\bper ?cent", re.I)),
    (re.compile(r"\b(?:what|which) (?:\w+ )?temperatures?\b", re.I),
     # a degree of heat, not "a high degree of uniformity"
     re.compile(r"\btemperatures?\b|°|\b\d+(?:[.,]\d+)?\s*degrees?\b|\bdegrees? (?:Celsius|centigrade|Fahrenheit|Kelvin)\b",
                re.I)),
    (re.compile(r"\b(?:what|which) (?:\w+ )?speed(?: limits?)?\b", re.I),
     re.compile(r"\bspeeds?\b|\bkm/h\b|\bkilomet(?:re|er)s? per hour\b|\bmiles per hour\b", re.I)),
    # "By what date each year must the report reach the Secretariat?": a day of the year or a deadline counted from an
    # event, not a text that only says the report is annual
    (re.compile(r"\b(?:by|on|before)\s+what\s+(?:date|day)\b|\bwhat\s+(?:date|day)\s+(?:each|every|of\s+the)\s+year\b|"
                r"\bwhat\s+(?:is\s+the\s+)?(?:deadline|due\s+date|cut-?off\s+date)\b", re.I),
     re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|"
                r"\bno(?:t)?\s+later\s+than\b|\bdeadline\b|\bwithin\s+(?:\w+\s+){1,2}(?:days?|weeks?|months?|years?)\b|"
                r"\b(?:days?|weeks?|months?|years?)\s+(?:before|after|prior\s+to|from)\b|\bdate\s+(?:of|on\s+which)\b|"
                r"\b(?:at|before)\s+(?:each|every|the\s+(?:next|first))\s+(?:ordinary\s+)?(?:meeting|session)\b")),
    # "What share of the listed populations are declining?": a text that states a share, in figures or in words
    (re.compile(r"\bwhat (?:share|percentage|proportion|fraction|per ?cent(?:age)?)\b|\bhow many per ?cent\b", re.I),
     re.compile(r"%|\bper ?cent|\bpercentage|\bproportion|\bshares?\b|\bhalf\b|\bthirds?\b|\bquarters?\b|"
                r"\bmajority\b|\bfraction|\bratio\b|\bscale\b|\bpro rata\b", re.I)),
)


# Where a meeting was held, as a title block reports it: "at its 14th Meeting (Samarkand, February 2024)"
_MEETING_PLACE = (r"\b(?:meeting|session|COP\s*\d+|MOP\s*\d+|MOS\s*\d+)\s*\((?-i:[A-Z])[\w\s.-]{1,40},\s*"
                  r"(?:\w+\s+)?\d{4}\)")
# Asks read only when the question asks nothing else ("Where is the Commission based, and who appoints its
# Secretary?" is answered in part by the article on the Secretary)
_ONE_ASK_MEASURES = (
    # "Within how many days ...?", "How many years does an expert serve?": a number of days or years, or a cycle
    (re.compile(r"\bhow many (?:calendar )?(?:days|weeks|months|years)\b|\bwithin how many\b", re.I),
     re.compile(rf"\b(?:\d+|{_COUNT_WORDS})(?:[\s-]+(?:calendar|full|consecutive))?[\s-]+(?:days?|weeks?|months?|years?)\b|"
                r"\b(?:annual\w*|biennial\w*|triennial\w*|yearly|each year|every year)\b", re.I)),
    # a term of office is set in years or by meetings ("until the end of the next ordinary meeting")
    (re.compile(r"\b(?:how long|how many years|for how long|what (?:is the )?term)\b[^?]{0,80}(?:\b(?:is|are|be|been|"
                r"was|were)\b[^?]{0,60}(?<!-)\b(?:appointed|elected)\b|\bserves?\b|\bterm\b|\bin office\b|\bhold office\b)|"
                r"\bterms? of office\b", re.I),
     re.compile(r"\bterms?\b(?! of reference)|\bre-?elect|\bre-?appoint|\buntil\b|\bserve[sd]?\b|\bperiod\b|"
                r"\byears?\b|\bmandate\b", re.I)),
    # a quorum is named as one
    (re.compile(r"\bquorum\b", re.I), re.compile(r"\bquorum\b", re.I)),
    # "In which city is the secretariat based?": a text that locates it
    (re.compile(r"\b(?:which|what) (?:city|town)\b|\bwhere (?:is|are|was|were)\b[^?]{0,60}\b(?:based|located|"
                r"headquartered|seated|situated)\b", re.I),
     # a place named after "located/based/situated in" ("wetlands situated in its territory" locates no office)
     # or where it was done or is open for signature ("DONE at The Hague", "open for signature at Bonn")
     re.compile(r"\b(?:located|based|situated|seated)\s+(?:in|at)\s+(?:the\s+)?(?-i:[A-Z])|\bseat\s+of\b|"
                r"\bheadquarter\w*|\bhost(?:ed|s|ing)?\s+(?:by|country|government|city)\b|"
                r"\b(?:done|signed|concluded|signature)\b(?:\s+in\s+(?:duplicate|\w+\s+copies|a\s+single\s+copy))?"
                r"\s+at\s+(?-i:[A-Z])|"
                # or where a meeting was held, as a resolution's title block reports it ("at its 14th Meeting
                # (Samarkand, February 2024)")
                + _MEETING_PLACE, re.I)),
    # "In what year did the Secretariat sign its MoU with IATA?": a year, not a paragraph on the MoU
    (re.compile(r"\b(?:what|which) year\b", re.I), re.compile(r"\b(?:1[6-9]\d\d|20\d\d)\b")),
    # "Where did the Signatories hold their third meeting?": a place the meeting was held in, as above
    (re.compile(r"\bwhere\b[^?]{0,80}\b(?:held|hold|took place|take place|met|meet|convened?)\b", re.I),
     re.compile(r"\b(?:held|convened|took place|met|meeting|session)\s+(?:in|at)\s+(?-i:[A-Z])|" + _MEETING_PLACE, re.I)),
    # "What was the total budget of the programme?": an amount, not a paragraph on funding
    (re.compile(r"\bwhat (?:was|is|were|are) (?:the |its |their )?(?:(?:total|overall|annual|approved|core|whole) ){0,3}"
                r"budget\b|\bhow (?:big|large|much) (?:was|is) (?:the |its |their )?budget\b", re.I),
     re.compile(rf"\d[\d,.]*\s*(?:{_CURRENCY}|%|million|thousand)|\b(?:{_CURRENCY}|CHF|USD|EUR|US\$)\s*\d|[$€£]\s*\d|"
                r"\b(?:hundred|thousand|million|billion)\b|\bscale\b", re.I)),
)


# A limit is a figure: "What is the minimum fine ...?", "What minimum hourly wage ...?" are answered only by a text
# that fixes one ("a maximum of 25 per cent", "not less than two years"), never by one on fines or wages alone.
# In lower case: "the Minimum Age Convention" is a name.
_ASKS_LIMIT = re.compile(r"\b(?-i:minimum|maximum|highest|lowest|upper|lower)\s+(?:[\w-]+\s+){0,3}?(?:fines?|"
                         r"penalt(?:y|ies)|ratios?|amounts?|sums?|numbers?|size|weight|length|age|quotas?|catch|limits?|"
                         r"levels?|fees?|rates?|percentage|share|distance|height|depth|duration|term|period|wages?|"
                         r"income|salar(?:y|ies)|pay|pensions?|allowances?|prices?|capacity|tonnage)\b", re.I)

# A limit is a quantity: a number, not the ordinal of a meeting ("the ninth meeting of the Conference").
_QUANTITY = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|"
                       r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|half|per ?cent)\b", re.I)

# "..., and who appoints its Secretary?", "Who runs the Bureau, how many members does it have and ...?"
_ANOTHER_ASK = re.compile(r"(?:,|\band\b)\s+(?:who|whom|whose|how|what|when|where|which|with whom|whether)\b", re.I)


# Asks whose words a text may echo without stating the measure: a period and a sum (the asks for a penalty, a quorum or
# a place are answered by a text that names one)
_ECHOED = (ASKS_DURATION, _ASKS_SUM)


def measure_unstated(question: str, hits: Sequence[Hit]) -> bool:
    """The question asks for a period, a sum, a limit or a head count, and none of the top paragraphs (with their
    lead-ins) states one."""
    evidence = " ".join(f"{h.lead_in} {h.text}" for h in hits[:3])
    if _ASKS_LIMIT.search(question) and \
            not any(_QUANTITY.search(figure_in(f"{h.lead_in} {h.text}")) for h in hits[:3]):
        return True
    # "How many members sit on the committee?": a text that states a number of members (not a share of the Parties,
    # not an article's number), not one that only creates the body
    if asks_headcount(question) and not any(states_count(f"{h.lead_in} {h.text}", shares=False) for h in hits[:3]):
        return True
    measures = _MEASURES + (_ONE_ASK_MEASURES if not asks(question) and not _ANOTHER_ASK.search(question) else ())
    return any(ask.search(question) and not _states(unit, evidence, question if ask in _ECHOED else "")
               for ask, unit in measures)


def _states(unit: re.Pattern[str], evidence: str, question: str) -> bool:
    """The evidence states the measure; a word the question itself uses does not count ("How much is the access
    fee?" is not answered by "Access fees" in a list of benefits), a number does."""
    asked = {w.rstrip("s") for w in re.findall(r"[a-z]+", question.lower())}
    return any(not m.group(0)[:1].isalpha() or m.group(0).lower().rstrip("s") not in asked
               for m in unit.finditer(evidence))


def asks_for_current_status(question: str) -> bool:
    question = asked_sentences(question)
    ever = next((m for m in _EVER.finditer(question) if not _CONDITION.search(question[:m.start()])), None)
    return bool(_STATUS.search(question) or _HAPPENED.search(question) or _EVENT.search(question) or ever)
