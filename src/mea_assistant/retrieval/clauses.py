"""The clause a question is about, by the set formula treaties draft it in: that paragraph answers first.

Final and institutional clauses are drafted in a few fixed ways across treaties (the UN Treaty Handbook's "final
clauses"; the constitutions of international organisations), and a question about one shares its words with the
many paragraphs that only mention it, which the ranker often puts first:
- who the depositary is: "The Director-General of FAO shall be the Depositary of this Treaty", "instruments ...
  shall be deposited with the Government of ...", not "The Depositary shall notify ...";
- who provides the secretariat: "The Agency shall provide the secretariat", "... shall carry out the following
  secretariat functions", not "Each Party shall provide to the secretariat ...";
- whether it sets up a body ("Does the CBD set up a secretariat of its own?"): the paragraph establishing it ("A
  secretariat is hereby established"), not the one on who designates or hosts it later;
- who runs a body or an operation: the organ that governs, directs or manages it ("shall act as the supreme governing
  body of", "shall be directed by a Directing Committee", "The overall direction ... shall be the responsibility of");
- how often something happens: of the few paragraphs at the top, the one that states a frequency ("It shall
  subsequently meet at least once every two years"), not its neighbour on the same meeting ("a quorum for a meeting");
- who pays: the paragraph that puts the cost on someone ("The cost of risk assessment shall be borne by the
  notifier", "shall reimburse ... the costs of its action", "at the expense of that State", "at no cost to the
  workers"), not one that only names what is paid for; whether a service is paid for at all ("Can an authority
  charge a fee?"): the paragraph on charges ("without charge", "a reasonable charge");
- whether reservations are allowed: "No reservations may be made to this Treaty", "Each State may ... make a
  reservation", not the article on ratification ("signature without reservation as to ratification"); whether a
  State may opt out of a provision: "may ... declare that it does not consider itself bound by paragraph 1";
- what follows when a member does not pay: "Non-payment of two consecutive annual contributions shall ...";
- when leaving takes effect, how much notice it takes: "Such denunciation shall become effective ... six months
  after the date of receipt of the notification", not "Any Party may ... denounce this Agreement by means of a
  notification";
- when a Party may leave: "Any Party may denounce this Convention after five years ...", not "Such denunciation
  shall take effect ..." (unless the question asks when it takes effect);
- what happens when the parties fail to agree: the fallback ("If ... unable to agree", "Failing agreement", "In the
  absence of agreement") that follows the main rule of every appointment and settlement procedure;
- what the instrument covers ("Does the Convention apply to warships?"): its scope clause, with the instrument itself
  as the subject ("This Convention shall apply to ...", "This Protocol shall not apply to ..."), not a chapter's
  ("The provisions of this Chapter apply to ...") or a paragraph that only shares the question's subject;
- what it is for ("What is the convention meant to achieve?"): the article stating its objects ("The objects of the
  present Convention are:", "The objective of this Protocol is", "The purposes of the Organization are"), not one
  that only names it;
- what it leaves out ("Which matters fall outside it?"): an exclusion ("This Convention shall not apply to the
  following matters", "may exclude from the application of this Convention"), not "are not excluded from";
- whether someone can join ("Can a country still join?", "Can the EU become a Party?"): the clause that opens the
  instrument to them or sets the condition ("shall be open indefinitely for accession", "shall be open for accession
  by regional economic integration organizations", "may not become a Party to a protocol unless ...", "may associate
  themselves with this Memorandum"), not the depositary's notice to "signatory and acceding States" or when it
  enters into force for one that joins later;
- whether the instrument binds ("Is the MOU legally binding?"): the paragraph that says what kind of instrument it is
  ("This Memorandum of Understanding is a non-legally binding instrument", "shall not create any legal rights or
  obligations"), not the one on who may sign it;
- where or when it was signed or done ("On what date was the Bonn convention signed?", "In which city was the
  agreement done?"): the closing formula ("DONE at Bonn on 23 June 1979"), not the article that keeps it open for
  signature until a later date.
Preambles only recall a clause: the one that answers is an operative paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..titleblock import CLOSING_FORMULA
from ..types import Hit

WINDOW = 8  # how far down the ranking the clause is looked for
NEAR = 4  # ... for a fallback, which sits next to the main rule it follows


@dataclass(frozen=True)
class Clause:
    asks: re.Pattern[str]  # a question about the clause
    states: re.Pattern[str]  # the paragraph that is the clause (matched in its lead-in and text)
    window: int = WINDOW
    unless: re.Pattern[str] | None = None  # a question that asks about another clause after all
    not_in: re.Pattern[str] | None = None  # a paragraph that is another clause of the same kind
    # looked for among every candidate of the top hit's document: a short final clause ("shall be open indefinitely
    # for accession") shares few words with the question and can rank far below its longer neighbours
    whole_document: bool = False
    # ... and in every document's candidates, not only the top hit's: a line only one kind of text prints (a
    # resolution's "Adopted by the Conference of the Parties at its ... Meeting"), whatever ranks first
    any_document: bool = False

    def stated_in(self, lead_in: str, text: str) -> bool:
        """The paragraph (read with its lead-in) is this clause."""
        joined = " ".join(f"{lead_in} {text}".split())
        return bool(self.states.search(joined)) and not (self.not_in is not None and self.not_in.search(joined))


_WHO = r"(?:who|whom|which(?:\s+[\w-]+){0,2}|what(?:\s+[\w-]+){1,2})"
_FAILS = (r"(?:cannot|can\s*not|can't|could\s+not|do\s+not|does\s+not|don't|doesn't|did\s+not|fail\w*|unable\s+to|"
          r"are\s+not\s+able\s+to|is\s+not\s+able\s+to)")
_AGREE = r"(?:agree\w*|appoint\w*|name|nominate\w*|designate\w*|settle\w*|reach\w*|choose|elect\w*|decide)"
# The instrument as people name it: "the Espoo Convention", "the Cartagena biosafety protocol", "ASCOBANS"
_INSTRUMENT = (r"(?:convention|protocol|agreement|treaty|charter|memorandum|mou|regulations|statute|constitution|"
               r"(?-i:[A-Z]{3,}\w*))")
# "does the 1968 European convention on animal transport ...": the question's verb with the instrument as its subject
_DOES_IT = rf"\b(?:does|do|did|will|would)\s+(?:the\s+)?[^?]{{0,80}}?\b{_INSTRUMENT}(?:\s+[\w.-]+){{0,8}}?\s+"
_KINDS = (r"Convention|Protocol|Agreement|Treaty|Charter|Constitution|Statute|Memorandum|Plan|Programme|Organi[sz]ation|"
          r"Institute|Union|Centre|Center|Office|Agency|Fund")
_LEAVE = r"(?:leave|leaving|withdraw\w*|denounc\w*|pull\s+out|quit|exit)"
# "Can a country still join?", "Is it possible for the EU to become a Party?", "Could Palestine accede?"
_CAN_JOIN = (r"\b(?:can|could|may|might)\s+(?:[\w'’.-]+\s+){1,8}?(?:still\s+|also\s+|ever\s+|now\s+)?"
             r"(?:join|accede|sign\s+up|become\s+(?:a\s+|an\s+)?(?:contracting\s+)?(?:party|parties|member|members))\b|"
             r"\b(?:possible|allowed|eligible|entitled|able)\s+(?:for\s+[^?]{1,60}?\s+)?to\s+(?:join|accede|"
             r"become\s+(?:a\s+|an\s+)?(?:contracting\s+)?(?:party|parties|member|members))\b")

CLAUSES: tuple[Clause, ...] = (
    Clause(  # the depositary
        re.compile(rf"\b{_WHO}\s+(?:is|are|was|were|acts?\s+as|serves?\s+as)\s+(?:the\s+)?deposit(?:ary|ory)\b|"
                   # (the verb: "to whom does the depositary send ..." asks whom it informs)
                   r"\b(?:with|to)\s+whom\b[^?]{0,80}\b(?:deposit(?:ed|s|ing)?|lodge[sd]?)\b|"
                   r"\bwhere\b[^?]{0,80}\b(?:deposit(?:ed|s)?|"
                   r"lodge[sd]?)\b|"
                   rf"\b{_WHO}\s+(?:keeps|holds|receives)\b[^?]{{0,60}}\binstruments\b", re.I),
        re.compile(r"\b(?:shall\s+be|is\s+hereby\s+designated\s+as|is\s+designated\s+as|shall\s+be\s+designated\s+as|"
                   r"shall\s+act\s+as|shall\s+(?:perform|assume|exercise|carry\s+out)\s+the\s+functions\s+of)"
                   r"\s+(?:the\s+)?"
                   r"Deposit(?:ar|or)(?:y|ies)\b|"
                   r"\bDepositar(?:y|ies)\s+(?:of|for)\s+(?:this|the\s+present)\s+[A-Z][\w-]*\s+shall\s+be\b|"
                   r"\bdeposited\s+(?:with|in\s+the\s+archives\s+of)\s+(?:the\s+)?(?!Depositary\b)[A-Z]|"
                   # Ramsar Art. 9(3): "deposited with the Director-General of ... (hereinafter referred to as "the
                   # Depository")", the spelling of its time
                   r"\b(?:hereinafter|hereafter)\s+(?:referred\s+to\s+as|called)\s+[\"“'‘]?the\s+"
                   r"Deposit(?:ar|or)y\b"),
        whole_document=True),
    Clause(  # the secretariat
        re.compile(rf"\b{_WHO}\s+(?:provides?|runs?|acts?\s+as|serves?\s+as|is|are|performs?|carries\s+out|hosts?)"
                   r"\s+(?:the\s+)?(?:work\s+of\s+the\s+)?(?:[\w-]+\s+){0,2}?secretariat\b|"
                   r"\bwhose\s+secretariat\b|\bsecretariat\s+(?:is\s+)?(?:provided|run|hosted)\s+by\s+(?:whom|which)\b",
                   re.I),
        re.compile(r"\bsecretariat\b[^.;]{0,60}?\b(?:is|are|shall\s+be)\s+(?:provided|performed|carried\s+out|"
                   r"discharged|assumed|hosted)\s+by\b|"
                   r"\b(?:shall|will)\s+(?:provide|carry\s+out|perform|discharge|assume|act\s+as|serve\s+as)\s+"
                   r"(?:the\s+)?(?:following\s+)?secretariat\b|"
                   r"\bsecretariat\s+(?:functions|services|duties)\b[^.;]{0,80}?\bshall\s+be\s+(?:provided|performed|"
                   r"carried\s+out|discharged|assumed)\b|"
                   r"\b(?:use|avail\s+itself\s+of)\s+the\s+services\s+of\s+the\s+Secretariat\s+of\b|"
                   r"\bshall\s+(?:act|serve)\s+as\s+(?:the\s+)?Secretariat\b", re.I)),
    Clause(  # whether the instrument sets up a body: "A secretariat is hereby established", not who later designates it
        re.compile(r"\b(?:does|do|did|will|has|have)\s+[^?]{0,80}?\b(?:set\s+up|establish(?:es)?|create|"
                   r"constitute)\s+(?:an?\s+|its\s+own\s+|any\s+)?[\w-]+", re.I),
        re.compile(r"\b(?:is|are)\s+hereby\s+(?:re-?)?(?:established|set\s+up|created|constituted)\b|"
                   r"\bthere\s+(?:is|are|shall\s+be)\s+(?:hereby\s+)?(?:established|set\s+up|created)\b|"
                   r"\bhereby\s+(?:establish|set\s+up|create|constitute)\b", re.I)),
    Clause(  # who runs a body or an operation: the organ it is governed, directed or managed by
        re.compile(r"\b(?:who|which\s+(?:body|organ))\s+(?:\w+\s+)?(?:runs?|manages?|governs?|administers?|directs?|"
                   r"oversees?|supervises?|controls?|heads?|is\s+in\s+charge\s+of)\b(?![^?]*\bsecretariat\b)", re.I),
        re.compile(r"\bgoverning\s+body\b|\b(?:shall\s+be|is|are)\s+(?:\w+\s+)?(?:directed|managed|administered|governed|"
                   r"run|supervised|headed|controlled)\s+by\b|\b(?:direction|management|administration|control|supervision)"
                   r"\b[^.;]{0,80}?\b(?:shall\s+be|is)\s+(?:the\s+)?(?:responsibility|vested|entrusted)\b|"
                   r"\bshall\s+(?:direct|manage|administer|govern|supervise)\b", re.I)),
    Clause(  # how often: the paragraph that states a frequency, among the few at the top
        re.compile(r"\bhow\s+(?:often|frequently|regularly)\b|\bat\s+what\s+intervals?\b", re.I),
        re.compile(r"\bonce\s+(?:every|a|each|in)\b|\bevery\s+(?:\w+\s+){0,2}?(?:years?|months?|weeks?|days?|sessions?)\b|"
                   r"\b(?:annually|biennially|triennially|yearly)\b|\b(?:annual|biennial|triennial|ordinary|regular)\s+"
                   r"(?:sessions?|meetings?)\b|\bat\s+(?:regular\s+)?intervals\b|\bintervals?\s+(?:of|not\s+exceeding)\b|"
                   r"\beach\s+year\b|\bper\s+(?:year|annum)\b", re.I),
        window=NEAR),
    Clause(  # who pays: the paragraph that puts a cost on someone
        re.compile(r"\bwho\b[^?]{0,30}?\b(?:pays?|paid|foots?|bears?|meets?|covers?|funds?|finances?|reimburses?|"
                   r"picks?\s+up)\b|\bat\s+whose\s+(?:expense|cost)\b|"
                   r"\bwho\s+(?:is|are)\s+(?:\w+\s+)?(?:liable|responsible)\s+for\s+(?:the\s+)?(?:costs?|bill|expenses?)\b",
                   re.I),
        re.compile(r"\b(?:costs?|expenses?|expenditures?|charges?|fees?)\b[^.;]{0,120}?\b(?:shall|will|is|are|to)\s+(?:\w+\s+)?"
                   r"(?:be\s+)?(?:borne|paid|met|defrayed|reimbursed|covered|charged|financed)\s+(?:\w+\s+)?by\b|"
                   r"\b(?:shall|will|must)\s+(?:\w+\s+){0,2}?(?:bear|pay|defray|meet|reimburse|cover|refund)\b[^.;]{0,80}?"
                   r"\b(?:costs?|expenses?|expenditures?|charges?)\b|"
                   r"\bliable\s+for\s+(?:the\s+|all\s+)?(?:costs?|expenses?)\b|"
                   r"\bat\s+(?:the\s+)?(?:expense|cost|charge)\s+of\b|\bat\s+no\s+(?:cost|charge|expense)\s+to\b|"
                   r"\bwithout\s+(?:any\s+)?(?:costs?|charge)\s+to\b|\bfree\s+of\s+charge\b|"
                   r"\bat\s+(?:its|their|his|her)\s+own\s+(?:expense|cost)\b", re.I)),
    Clause(  # whether a service or a copy is paid for: "without charge", "a reasonable charge", "free of charge"
        re.compile(r"\bcharge\s+(?:a\s+|any\s+)?(?:fees?|for)\b|\bfree\s+of\s+charge\b|\bfees?\s+(?:for|to)\b|"
                   r"\b(?:have|has|need|needs)\s+to\s+pay\s+(?:to\s+\w+|for\s+(?:the\s+|a\s+|any\s+)?(?:information|access|"
                   r"data|cop(?:y|ies)|services?|use|search|documents?|records?))\b", re.I),
        re.compile(r"\b(?:without|free\s+of|no)\s+(?:any\s+)?charges?\b|\bcharge[sd]?\b[^.;]{0,40}?\b(?:fees?|for)\b|"
                   r"\bfees?\b|\bat\s+no\s+cost\b|\bfree\s+of\s+cost\b|\breasonable\s+(?:charge|amount|cost)s?\b|"
                   r"\breimburse\w*\b", re.I)),
    Clause(  # reservations against an amendment (of the appendices, annexes) within its period; also asked by a
        # Party that disagrees with a new listing ("we object to the species just added: are we bound by it?")
        re.compile(r"\breserv\w*\b[^?]*\b(?:amend\w*|newly|new(?:ly)?\s+(?:adopted|listed|listing)|adopted)\b|"
                   # "can a Party opt out of that listing?": a reservation to the amendment that made it
                   r"\bopt(?:s|ing)?\s+out\s+of\s+(?:that|the|a|this|any|such)\s+(?:new\s+)?(?:listings?|"
                   r"amendments?|uplistings?)\b|"
                   r"\b(?:amend\w*|newly|adopted)\b[^?]*\breserv\w*\b|"
                   r"\b(?:disagree\w*|object(?:s|ed|ing|ions?)?|oppos(?:e|es|ed|ing|ition))\b[^?]*\b(?:just\s+added|"
                   r"newly\s+added|new(?:ly)?\s+(?:adopted|listed|listing)|amend\w*|uplist\w*)\b|"
                   r"\b(?:added|moved)\s+(?:on)?to\b[^?]*\b(?:appendi\w+|annex\w*|lists?)\b[^?]*\b(?:despite|over|against)\s+"
                   r"(?:our|its|their|the)\s+(?:objections?|opposition)\b", re.I),
        re.compile(r"\breservations?\b[^.;]{0,80}?\bamendments?\b|\bamendments?\b[^.;]{0,160}?\breservations?\b",
                   re.I), whole_document=True),
    Clause(  # opting out of one provision (most often the dispute clause): "does not consider itself bound"
        re.compile(r"\bopt(?:s|ing)?\s+out\s+of\b", re.I),
        re.compile(r"\bdoes\s+not\s+consider\s+itself\s+bound\b|\bnot\s+to\s+be\s+bound\s+by\b", re.I)),
    Clause(  # reservations to the instrument: when joining it, which provisions
        re.compile(r"\b(?:make|makes|making|enter|entering|lodge|formulate|attach)\s+(?:any\s+|a\s+)?reservations?\b|"
                   r"\breservations?\s+(?:allowed|permitted|possible|admitted)\b|\bwith\s+(?:a\s+|any\s+)?reservations?\b|"
                   r"\b(?:are|is)\s+(?:any\s+)?reservations?\b", re.I),
        re.compile(r"\b(?:No|Any|A|Each)?\s*reservations?\b(?!\s+as\s+to\b)[^.;]{0,60}?\b(?:may|shall|can)\s+(?:not\s+)?"
                   r"(?:be\s+)?(?:made|permitted|admitted|entered|formulated|allowed)\b|"
                   r"\bmay\b[^.;]{0,160}?\b(?:make|enter|formulate)\s+(?:a\s+|any\s+|one\s+or\s+more\s+)?reservations?\b|"
                   r"\b(?:not\s+be\s+subject\s+to|shall\s+not\s+admit)\s+(?:\w+\s+)?reservations?\b", re.I),
        # "No reservations may be made to this Convention." shares few words with a question and ranks far down
        not_in=re.compile(r"\bamendments?\b", re.I), whole_document=True),
    Clause(  # arrears
        re.compile(r"\b(?:stops?|stopped|fails?|failed|does\s+not|do\s+not|doesn't|don't|not)\s+(?:\w+\s+)?"
                   r"pay(?:ing)?\b|\bnon-?payment\b|\barrears\b|\bunpaid\b|\bbehind\s+(?:with|on|in)\s+(?:its\s+|their\s+)?"
                   r"(?:contributions|payments|dues)\b", re.I),
        re.compile(r"\bnon-?payment\b|\barrears?\b|\b(?:fails?|failed)\s+to\s+pay\b|\bhas\s+not\s+paid\b|"
                   r"\bnot\s+(?:been\s+)?paid\b|\boverdue\b", re.I)),
    Clause(  # when leaving takes effect: how much notice it takes
        re.compile(rf"\bhow\s+much\s+(?:advance\s+|prior\s+)?notice\b|\bnotice\s+period\b|"
                   rf"\bhow\s+long\s+after\s+(?:notice|notif\w+|(?:a|the|it|they)\b[^?]{{0,30}}?\bnotif\w+)\b|"
                   rf"\b(?:{_LEAVE}|denunciation|withdrawal)\b[^?]{{0,80}}?\b(?:tak(?:e|es|ing)\s+effect|become\s+effective)\b",
                   re.I),
        re.compile(r"\b(?:denunciation|withdrawal)s?\b[^.;]{0,200}?\b(?:tak(?:e|es)\s+effect|becomes?\s+effective|"
                   r"be\s+effective|have\s+effect)\b|"
                   r"\b(?:tak(?:e|es)\s+effect|becomes?\s+effective)\b[^.;]{0,200}?\b(?:denunciation|withdrawal)\b", re.I),
        # "How long must a member wait before it can leave?": when it may leave, the clause below
        unless=re.compile(r"\bwait\b|\bbefore\s+(?:it|they|a\s+\w+|the\s+\w+)\s+(?:can|may)\b|\bhow\s+soon\s+(?:may|can)\b",
                          re.I)),
    Clause(  # when a Party may leave
        re.compile(rf"\b(?:can|could|may|might|allowed\s+to|able\s+to|right\s+to|when|how\s+(?:long|soon)|"
                   rf"before)\b[^?]{{0,60}}?\b{_LEAVE}\s+(?:from\s+|of\s+)?(?:the\b|this\b|that\b|it\b|its\b|"
                   r"(?-i:[A-Z]))", re.I),
        re.compile(r"\bmay\s+(?:\w+\s+){0,4}?(?:denounce|withdraw\s+from)\b|\bmay\s+be\s+denounced\b|"
                   r"\bmay\b[^.;]{0,120}?\bnotify\b[^.;]{0,80}?\b(?:withdrawal|denunciation)\b|"
                   r"\bright\s+(?:to\s+)?(?:denounce|withdraw)\b", re.I),
        unless=re.compile(r"\btak(?:e|es|ing)\s+effect\b|\beffective\b|\bnotice\b|\breservations?\b|\bspecies\b|\bamendment\b",
                          re.I)),
    Clause(  # the fallback when the parties fail to agree (not a person "who disagrees": a member's own view)
        re.compile(rf"\b{_FAILS}\s+(?:\w+\s+){{0,3}}?{_AGREE}\b|\bno\s+agreement\b|(?<!\bwho\s)\bdisagree\w*\b|\bdeadlock\w*\b|"
                   r"\bin\s+time\b(?=[^?]*\?)", re.I),
        re.compile(r"\b(?:if|where|when|should)\b[^.;]{0,160}?\b(?:not|unable|fail\w*|no\s+agreement|cannot)\b|"
                   r"\bfailing\s+(?:such\s+)?(?:agreement|which|that|this|a\s+decision|appointment|designation)\b|"
                   r"\bin\s+(?:the\s+)?(?:absence|default)\s+of\b|\bno\s+agreement\b", re.I),
        window=NEAR),
    Clause(  # what the instrument leaves out: its exclusions
        re.compile(rf"\b(?:fall\w*|left|kept|is|are)\s+outside\s+(?:the\s+)?(?:scope\b|[^?]{{0,60}}?\b{_INSTRUMENT}\b)|"
                   rf"\b(?:excluded|left\s+out|exempt\w*)\s+(?:from|of)\s+(?:the\s+)?(?:scope\b|[^?]{{0,60}}?\b{_INSTRUMENT}\b)|"
                   rf"{_DOES_IT}not\s+(?:cover|apply\s+to)\b", re.I),
        re.compile(r"\b(?:shall|does|do|will|should)\s+not\s+(?:apply|extend|be\s+applicable)\s+(?:to|in|for)\b|"
                   r"\bnot\s+applicable\s+to\b|"
                   r"(?<!not )\bexclude[sd]?\s+from\s+(?:the\s+)?(?:application|provisions|scope)\s+of\b|"
                   r"\boutside\s+the\s+scope\s+of\s+(?:this|the\s+present)\b", re.I)),
    Clause(  # what the instrument is for: the article stating its objects, objectives or purposes
        re.compile(r"\bwhat\s+(?:is|are|was|were)\s+(?:the\s+)?(?:main\s+)?(?:aims?|goals?|purposes?|objectives?|objects?)"
                   r"\s+of\b|\b(?:supposed|meant|expected|intended|designed)\s+to\s+(?:do|achieve|accomplish)\b|"
                   r"\bwhy\s+(?:was|were|is|are)\b[^?]{0,80}\b(?:set\s+up|established|created|founded|concluded)\b", re.I),
        re.compile(rf"\b(?:objectives?|objects?|purposes?|aims?)\s+of\s+(?:this|the\s+present|the)\s+(?:[A-Z][\w-]*\s+){{0,3}}?"
                   rf"(?:{_KINDS})\b[^.;:]{{0,160}}?\s+(?:is|are|shall\s+be)\b|"
                   rf"\b(?:This|The\s+present)\s+(?:{_KINDS})\s+(?:aims?|seeks?)\s+to\b", re.I),
        # "What are the Parties supposed to do?", "What are member countries of the Institute expected to do?", "What
        # is the Committee meant to do?": duties and functions
        unless=re.compile(r"\b(?:part(?:y|ies)|states?|countries|members?|signatories|committee|commission|council|"
                          r"secretariat|bureau|board|authorit(?:y|ies)|conference|meeting|group|panel|body|organ)\s+"
                          r"(?:[\w-]+\s+){0,6}?(?:supposed|meant|expected|intended|designed)\b", re.I)),
    Clause(  # what the instrument covers: its scope clause, the instrument itself as the subject
        re.compile(rf"{_DOES_IT}(?:also\s+|only\s+|still\s+|even\s+|really\s+)?(?:cover|apply\s+to|extend\s+to)\b|"
                   r"\bscope\s+of\s+(?:application\s+of\s+)?(?:the|this|its)\b|\bits\s+scope\b", re.I),
        re.compile(r"\b(?:This|The\s+present|The\s+provisions\s+of\s+(?:this|the\s+present))\s+(?:[A-Z][\w-]*\s+){0,3}?"
                   r"(?:Convention|Protocol|Agreement|Treaty|Charter|Memorandum|Regulations|Statute|Constitution|Instrument)"
                   r"\b[^.;:]{0,40}?\b(?:shall\s+(?:not\s+)?|does\s+not\s+|do\s+not\s+|will\s+)?(?:apply|applies|extend|extends|"
                   r"cover|covers|be\s+applicable)\s+(?:only\s+)?(?:to|in|for)\b", re.I)),
    Clause(  # whether someone can join: the clause that opens the instrument to them, or its condition
        re.compile(_CAN_JOIN, re.I),
        re.compile(r"\bopen\s+(?:\w+\s+)?for\s+accession\b|"
                   r"\bopen\s+for\s+(?:signature|ratification)\b[^.;]{0,60}?\b(?:by|to)\s+(?:all\s+|any\s+|every\s+|the\s+)?"
                   r"[A-Z]|\bmay\s+(?:not\s+|only\s+)?(?:become\s+(?:a\s+|an\s+)?(?:contracting\s+)?(?:party|parties|"
                   r"member|members)|accede)\b|\bmembership\b[^.;]{0,80}\bopen\b|"
                   # a memorandum's cooperating partners: "... may associate themselves with this Memorandum"
                   r"\bmay\s+(?:also\s+)?(?:associate\s+(?:themselves|itself)\s+with|sign)\b", re.I),
        whole_document=True,
        # joining without accepting a provision, or with a reservation: the opt-out clauses above answer that
        unless=re.compile(r"\binto\s+(?:force|effect)\b|\btak(?:e|es|ing)\s+effect\b|\breserv\w*\b|"
                          r"\bwithout\s+(?:accepting|being\s+bound|applying|agreeing\s+to|signing\s+up\s+to)\b|"
                          r"\bopt(?:s|ing)?\s+out\b", re.I)),
    Clause(  # whether the instrument binds: the paragraph that says what kind of instrument it is
        re.compile(r"\b(?:is|are|was|were)\b[^?]{0,80}?\b(?:legally\s+)?binding\b|\b(?:does|do)\b[^?]{0,80}?\bbind\b|"
                   r"\blegally\s+(?:binding|enforceable|bound|obliged|obligated)\b", re.I),
        re.compile(r"\b(?:non-?|not\s+)legally[\s-]binding\b|\bnon-?binding\b|\bnot\s+(?:be\s+)?(?:legally\s+)?binding\b|"
                   r"\b(?:shall|does|do|will)\s+not\s+(?:create|give\s+rise\s+to)\s+(?:any\s+)?(?:legal(?:ly)?|binding)\b|"
                   r"\bshall\s+be\s+(?:legally\s+)?binding\s+(?:on|upon)\b", re.I),
        whole_document=True),
    Clause(  # where or when the instrument itself was signed or done, in the past: its closing formula
        re.compile(r"\b(?:where|when|(?:on|at|in)\s+(?:what|which)\s+(?:date|day|city|place|town|year)|what\s+date|"
                   r"which\s+date)\b[^?]{0,100}?\b(?:was|were)\b[^?]{0,100}?\b(?:signed|done|concluded)\b"
                   r"(?!\s+(?:by|with)\b)", re.I),
        CLOSING_FORMULA,
        whole_document=True,
        # (not "From which date does it take effect, though it was signed in 2013?": its entry into force)
        unless=re.compile(r"\bopen(?:ed)?\s+for\s+signature\b|\b(?:countries|states|parties|governments)\b[^?]{0,40}"
                          r"\bsigned\b|\binto\s+(?:force|effect)\b|\btak(?:e|es|ing)\s+effect\b|\bbecomes?\s+effective\b|"
                          r"\bappl(?:y|ies)\b", re.I)),
    Clause(  # when and where a meeting adopted a resolution or decision: its title block's line ("Adopted by the
        # Conference of the Parties at its 14th Meeting (Samarkand, February 2024)"), or a revision's
        re.compile(r"(?=[^?]*\b(?:resolutions?\b|decisions?\b|recommendations?\b|res\.))[^?]*\b(?:when|where|in\s+which\s+"
                   r"(?:city|town|country|year|month)|(?:at|in)\s+(?:which|what)\s+(?:meeting|session|cop|conference))\b"
                   r"[^?]{0,120}?\b(?:adopt|adopted|revise|revised|amend|amended|approve|approved)\b", re.I),
        re.compile(r"^\s*(?:Adopted|Revised|Amended|Approved)\s+(?:by|at)\b[^.]{0,120}\b(?:Meeting|Session|COP\s*\d+)"),
        whole_document=True, any_document=True),
    Clause(  # who wrote the document: the line of its title block that says so ("Prepared by the Secretariat")
        re.compile(r"\bwho\s+(?:\w+\s+)?(?:drafted|prepared|wrote|authored|submitted|compiled|produced|put\s+together)\b|"
                   r"\b(?:drafted|prepared|written|authored|submitted|compiled|produced)\s+by\s+(?:whom|who)\b|"
                   r"\bwho\s+(?:is|was|are|were)\s+(?:the\s+)?authors?\b", re.I),
        re.compile(r"^\s*(?:Prepared|Submitted|Drafted|Presented|Compiled|Produced|Issued)\s+by\b"),
        whole_document=True),
)


def asked_clause(query: str) -> Clause | None:
    """The clause the question asks about (the first in CLAUSES that it asks and does not rule out), or None."""
    return next((c for c in CLAUSES if c.asks.search(query) and not (c.unless is not None and c.unless.search(query))),
                None)


def is_asked_clause(hit: Hit, query: str) -> bool:
    """The paragraph is the clause the question asks about ("Who prepared ...?": "Prepared by the Secretariat")."""
    clause = asked_clause(query)
    return clause is not None and clause.stated_in(hit.lead_in, hit.text)


def clause_first(hits: list[Hit], query: str) -> list[Hit]:
    """The first of the top hits that is the clause the question asks about comes first (the first clause in
    CLAUSES the question asks about decides); every other hit keeps its order, and nothing moves when no top hit
    is that clause."""
    clause = asked_clause(query)
    if clause is not None:
        top = hits if clause.whole_document else hits[:clause.window]
        for i, hit in enumerate(top):
            # a preamble recalls a clause ("in the form of a non-binding Memorandum"): the clause is operative
            if clause.whole_document and not clause.any_document and hit.doc_id != hits[0].doc_id or \
                    hit.kind == "preamble":
                continue
            if clause.stated_in(hit.lead_in, hit.text):
                i = _own_lead_in(top, i, clause)
                return [hits[i]] + hits[:i] + hits[i + 1:] if i else hits
    return hits


def _own_lead_in(top: list[Hit], i: int, clause: Clause) -> int:
    """An item that is the clause only through its lead-in ("... shall carry out the following secretariat functions:
    (c) such other functions ...") gives way to that lead-in, when it is among the top hits: the clause is there."""
    hit = top[i]
    if not hit.lead_in.strip() or clause.states.search(" ".join(hit.text.split())):
        return i
    lead = " ".join(hit.lead_in.split())
    for j, other in enumerate(top):
        if other.doc_id == hit.doc_id and lead.endswith(" ".join(other.text.split())):
            return j
    return i
