"""The duties of a Party as a Party (joining, its authorities, reports, means, disputes, the force of decisions, dues),
each with the pattern of the topics that raise it (`..._TOPIC`); asked in the order of standing.TRIGGERS."""

from __future__ import annotations

import re

from ..retrieval.finalclauses import LEAVE_PLAINLY
from .duty import Duty

# Joining an instrument (accession, ratification, becoming a Party): what a new Party must set up, in the final and
# institutional clauses every treaty drafts (AEWA Art. V(1)(a)-(c) "designate the Authority", "designate a contact
# point", "prepare ... a report"; CITES Art. IX(1)-(2); Nagoya Protocol Art. 13(1)-(2); AEWA Art. V(2)(a) "contribute
# to the budget ... in accordance with the United Nations scale of assessment"; Ramsar Art. 2(4) "designate at least
# one wetland ... when depositing its instrument"; Ramsar Art. 9(3) "the deposit of an instrument of ratification or
# accession").
JOINING_TOPIC = re.compile(r"\b(?:join(?:s|ed|ing)?|acced\w*|accession|ratif\w*|become (?:a )?(?:Party|Parties|"
                           r"member)|sign(?:ing)? up)\b", re.I)
AUTHORITY = Duty("designate the Authority or Authorities to implement, and a contact point, and communicate its name "
                 "and address to the secretariat",
                 needs=re.compile(r"\bdesignate\b.{0,80}\b(?:Authorit|focal point|contact point)", re.I),
                 source="AEWA Art. V(1)(a)-(b); CITES Art. IX(1)-(2); Nagoya Protocol Art. 13(1)-(2)")
CONTRIBUTION = Duty("each Party shall contribute to the budget in accordance with the United Nations scale of "
                    "assessment", needs=re.compile(r"\bscale of assessment\b|\bcontribut\w* to the budget\b", re.I),
                    source="AEWA Art. V(2)(a); CMS Art. VII(4)")
FIRST_SITE = Duty("designate at least one wetland to be included in the List when signing or when depositing its "
                  "instrument of ratification or accession", needs=re.compile(r"\bat least one wetland\b", re.I),
                  source="Ramsar Art. 2(4)")
DEPOSIT = Duty("ratification or accession is effected by the deposit of an instrument of ratification or accession",
               needs=re.compile(r"\binstruments? of (?:ratification|accession)\b", re.I), source="Ramsar Art. 9(3)")
# Who does the work at home (authorities, focal points, a ministry named or reorganised): the designation and its
# changes (CITES Art. IX(1)-(3) "one or more Management Authorities", "any changes in the designations ... shall be
# communicated"; Nagoya Protocol Art. 13 "national focal point", "competent national authorities").
OFFICES_TOPIC = re.compile(r"\b(?:focal points?|contact points?|(?:national|competent|management|scientific) "
                           r"authorit(?:y|ies)|reshuffle\w*|reorgani[sz]\w*|which (?:office|ministry|agency|body)|"
                           r"(?:office|ministry|agency) (?:has|is) to be (?:named|designated))\b", re.I)
CHANGES = Duty("any changes in the designations or authorizations of the national authorities shall be communicated "
               "to the Secretariat", needs=re.compile(r"\bchanges in the designations?\b|\bfocal point\b", re.I),
               source="CITES Art. IX(3)")
# Reports owed (a national report, an overdue or late report, how often to report): each instrument's own reporting
# clause (CMS Art. VI(3) "inform the Conference of the Parties ... on measures that they are taking"; AEWA Art.
# V(1)(c); CITES Art. VIII(7) "periodic reports"; CBD Art. 26; Nagoya Protocol Art. 29).
# ... and the same asked in everyday words ("what we have to tell the treaty bodies", "what has to be notified or
# reported").
REPORTS_TOPIC = re.compile(r"\b(?:national reports?|report(?:s|ing)? (?:to|on|under)|overdue|reporting (?:cycles?|"
                           r"obligations?|format|system|tools?)|what we must (?:send|report)|"
                           r"(?:have|has|need|needs|obliged|required) to (?:be )?(?:report|tell|notify|inform|notified|"
                           r"reported)|(?:notified|reported) to|tell the (?:treaty bodies|secretariats?))\b", re.I)
REPORTING = Duty("each Party shall report on or inform the Conference of the Parties through the Secretariat of the "
                 "measures it is taking to implement it, before each ordinary meeting",
                 needs=re.compile(r"\breports?\b", re.I), source="CMS Art. VI(3); AEWA Art. V(1)(c)")
# Money and capacity a Party lacks (no budget, few staff, a small island or developing country): financial resources
# and the building of national capabilities (CBD Art. 20(1)-(2), 21(1) "a mechanism for the provision of financial
# resources to developing country Parties", Art. 18(2) "development and strengthening of national capabilities, by
# means of human resources development and institution building"; Nagoya Protocol Art. 22, 25).
MEANS_TOPIC = re.compile(r"\b(?:funding|funds?|financ\w*|no budget|donors?|small island\w*|developing countr\w*|"
                         r"least developed|(?:trained|few|no) staff|lacks? (?:the )?(?:money|staff|expertise))\b", re.I)
FINANCE = Duty("provide new and additional financial resources to enable developing country Parties to meet the agreed "
               "full incremental costs, through a mechanism for the provision of financial resources",
               needs=re.compile(r"\bfinancial resources\b", re.I), source="CBD Art. 20(2), 21(1)")
CAPACITY = Duty("the development and strengthening of national capabilities, by means of human resources development "
                "and institution building", needs=re.compile(r"\bcapabilit|\bcapacity", re.I),
                source="CBD Art. 18(2)")
# A neighbour's harm or a disagreement between States (to raise it formally, a dispute, a protest): the responsibility
# not to damage other States' environment and the settlement of disputes (CBD Art. 3 "activities within their
# jurisdiction or control do not cause damage to the environment of other States", Art. 27(1) "In the event of a
# dispute ... seek solution by negotiation"; CMS Art. XIII(1)).
RESPONSIBILITY = Duty("responsibility to ensure that activities within their jurisdiction or control do not cause "
                      "damage to the environment of other States",
                      needs=re.compile(r"\bjurisdiction or control\b", re.I), source="CBD Art. 3")
DISPUTE_TOPIC = re.compile(r"\b(?:disputes?|disagree\w*|protests?|complain\w*|raise it (?:formally|officially)|"
                           r"formal(?:ly)? (?:objection|complaint)|arbitration)\b", re.I)
DISPUTE = Duty("in the event of a dispute between Parties concerning the interpretation or application, the Parties "
               "concerned shall seek a solution by negotiation", needs=re.compile(r"\bdisputes?\b", re.I),
               source="CBD Art. 27(1); CMS Art. XIII(1)")

# Whether a resolution or decision binds (an MP's question, "is it binding"): what the meeting of the Parties is and
# does (CMS Art. VII(1) "the decision-making organ of this Convention", VII(5)(g)-(h) "make recommendations to the
# Parties", "decide on any additional measure"; AEWA Art. VI(9)(a)).
FORCE_TOPIC = re.compile(r"\b(?:binding|binds?|legally bound|obligatory|mandatory|force of law)\b", re.I)
ORGAN = Duty("the Conference of the Parties is the decision-making organ, makes recommendations to the Parties and "
             "decides on any additional measure to be taken",
             needs=re.compile(r"\bmake recommendations\b|\bdecision-making\b", re.I),
             source="CMS Art. VII(1), VII(5)(g)-(h)")
# Dues owed or unpaid (contributions, arrears, a subscription): the budget clause (CMS Art. VII(4) "Each Party shall
# contribute to this budget according to a scale to be agreed upon by the Conference"; AEWA Art. V(2)(a)), asked as
# CONTRIBUTION above.
DUES_TOPIC = re.compile(r"\b(?:contributions?|dues|arrears|unpaid|subscriptions?|assessed (?:contributions?|"
                        r"shares?))\b", re.I)
# A law drafted or revised at home (a bill, implementing legislation, a drafting office): the duties a
# law gives effect to, as the treaties draft them for national law (CBD Art. 8(k) "Develop or maintain necessary
# legislation and/or other regulatory provisions for the protection of threatened species and populations"; CITES
# Art. XIV(1)(a) and CMS Art. XII(3) "the right of Parties to adopt stricter domestic measures"), with the
# enforcement, the prohibition of taking and its exceptions each instrument asks a law to carry (duties_activity.py).
LAW_TOPIC = re.compile(r"\b(?:legislat\w*|bills?|(?:national|domestic|new|draft|our|implementing) laws?|law reform|"
                       r"legal drafting|drafting office|law drafters?|attorney[- ]general)\b", re.I)
LEGISLATION = Duty("develop or maintain necessary legislation and other regulatory provisions for the protection of "
                   "threatened species and populations",
                   needs=re.compile(r"\blegislation\b|\bregulatory provisions\b", re.I), source="CBD Art. 8(k)")
STRICTER = Duty("the right of Parties to adopt stricter domestic measures",
                needs=re.compile(r"\bstricter domestic measures\b", re.I), source="CITES Art. XIV(1)(a); CMS Art. XII(3)")
# Leaving an instrument (withdrawing, denouncing, pulling out, quitting): the final clauses every treaty drafts for it
# (CBD Art. 38(1) "a Contracting Party may withdraw from this Convention by giving written notification to the
# Depositary", 38(2) "Any such withdrawal shall take place upon expiry of one year", 38(3) "shall be considered as
# also having withdrawn from any protocol to which it is party"; CITES Art. XXIV; CMS Art. XIX).
LEAVING_TOPIC = re.compile(r"\b(?:withdraw\w*\s+from|withdrawal|leav(?:e|es|ing)\s+(?:the\s+)?(?:(?-i:[A-Z])\w*|conventions?|"
                           r"treat(?:y|ies)|agreements?|protocols?|mou)\b|quit(?:s|ting)?|denounc\w*|denunciation|"
                           rf"pull(?:s|ing|ed)?\s+out|{LEAVE_PLAINLY})", re.I)
WITHDRAWAL = Duty("a Party may withdraw from or denounce the Convention by written notification to the Depositary",
                  needs=re.compile(r"\bwithdraw\w*\s+from\s+(?:this|the\s+present)\b|\bdenounce", re.I),
                  source="CBD Art. 38(1); CITES Art. XXIV")
WITHDRAWAL_EFFECT = Duty("such withdrawal or denunciation shall take effect upon expiry of a period after the date of "
                         "its receipt by the Depositary",
                         needs=re.compile(r"\bsuch\s+withdrawal\b|\bdenunciation\s+shall\b", re.I),
                         source="CBD Art. 38(2); CMS Art. XIX")
ALONG = Duty("a Party which withdraws from the Convention shall be considered as also having withdrawn from any "
             "protocol to which it is party", needs=re.compile(r"\balso\s+having\s+withdrawn\b", re.I),
             source="CBD Art. 38(3)")
