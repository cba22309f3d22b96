"""The questions every instrument a note discusses is asked alone, by the kind of activity the topic describes.

A desk officer's request names a case ("grants for tile drains", "a plantation in a Ramsar floodplain", "farmers
swap seed at fairs") in the words of the case, while what the treaties require of it is drafted as a general duty
that shares none of those words: integrate conservation into sectoral plans (CBD Art. 6(b)), assess the impact of
projects (Art. 14(1)(a)), adopt incentive measures (Art. 11), protect customary use (Art. 10(c)), restore degraded
ecosystems (Art. 8(f)), control alien species (Art. 8(h)). Each question below is worded as the treaties word the
duty, and asked of each instrument when the topic describes that kind of activity; the instrument's own answer is
quoted (selection._answer_each_aspect).
"""

from __future__ import annotations

import re

# Works that alter land or water (a dam, drainage, dredging, a mine, a road, a wind farm): whether their impact must
# be assessed and their adverse effects regulated (CBD Art. 7(c), 8(l), 14(1)(a): "proposed projects that are likely
# to have significant adverse effects", "processes and categories of activities which have or are likely to have
# significant adverse impacts"). Not asked for any "project" or "building": a research project and capacity building
# are no such works.
_WORKS = re.compile(r"\b(?:construction|infrastructure|developers?|dams?|drain(?:s|ed|ing|age)?|dredg\w*|"
                    r"mines?|mining|quarr(?:y|ies|ying)|pipelines?|roads?|motorways?|railways?|"
                    r"wind\s+(?:farms?|turbines?|parks?)|power\s+lines?|factor(?:y|ies)|drilling|"
                    r"gas\s+(?:fields?|flares?)|reclaim\w*|reclamation|firing\s+range|resorts?|spatial\s+plan\w*|"
                    r"runways?|airports?|ports? expansion|harbou?rs?|marinas?|housing\s+(?:estates?|developments?))\b",
                    re.I)
# Two duties drafted in two places, asked apart (one search returns the paragraph closest to both, never both): the
# assessment of a proposed project, and the identifying and regulating of categories of harmful activities.
IMPACTS = ("introduce procedures requiring environmental impact assessment of proposed projects that are likely to "
           "have significant adverse effects, with a view to avoiding or minimizing such effects")
ACTIVITIES = ("identify and monitor processes and categories of activities which have or are likely to have "
              "significant adverse impacts, and regulate or manage them")
# ... and, for migratory species, the obstacles such works raise (CMS Art. III(4)(b) "prevent, remove, compensate for or
# minimize ... the adverse effects of activities or obstacles that seriously impede or prevent the migration").
OBSTACLES = ("prevent, remove, compensate for or minimize the adverse effects of activities or obstacles that seriously "
             "impede or prevent the migration of the species")

# A sector that uses land, forests or waters (farming, grazing, forestry, fishing): how conservation is to be part of
# that sector's own plans and policies (CBD Art. 6(b) "relevant sectoral or cross-sectoral plans, programmes and
# policies", Art. 10(a) "national decision-making"; Ramsar Art. 3(1) "formulate and implement their planning so as to
# promote ... the wise use of wetlands").
_SECTORS = re.compile(r"\b(?:agricultur\w*|farm(?:s|ers?|ing|land|lands)?|arable|crops?|livestock|graz(?:e|es|ed|ing)|"
                      r"herds?|herders?|flocks?|forestry|forest (?:service|agency|agencies|company|companies)|"
                      r"plantations?|logging|(?:clear-?)?fell(?:ing|ed)|timber|fisher(?:y|ies)|aquaculture|"
                      r"land[- ]use|land consolidation|rural development)\b", re.I)
SECTORAL = ("integrate the conservation and sustainable use of biological diversity and the wise use of wetlands into "
            "relevant sectoral or cross-sectoral plans, programmes and policies and national decision-making")

# Money that steers what land users do (a subsidy, a grant scheme, paying farmers): the treaties' incentive measures
# (CBD Art. 11 "economically and socially sound measures that act as incentives"; the InforMEA glossary's "incentive
# measures"). Not "grant" alone: a permit is granted.
_MONEY = re.compile(r"\b(?:subsid\w*|compensat(?:e|ed|ion) (?:for )?(?:fishers|farmers|herders|owners|"
                    r"landowners|villagers|them|us)|(?:fishers|farmers|herders|villagers) (?:ask|want|demand)\w* "
                    r"(?:\w+ )?compensation|(?:a )?share of (?:the )?(?:income|money|revenues?|profits?|earnings)|grants? (?:for|to (?:farmers|landowners|owners))|grant schemes?|incentives?|"
                    r"agri-environment\w*|pay(?:s|ing)? (?:farmers|landowners|land users|owners|herders|fishers|"
                    r"foresters|communities)|payments? for (?:ecosystem|environmental) services)\b", re.I)
INCENTIVES = ("adopt economically and socially sound measures that act as incentives for the conservation and "
              "sustainable use of components of biological diversity")

# The people who live from the resource (a local or indigenous community, herders, villagers, their elders and
# knowledge): customary use and traditional knowledge (CBD Art. 8(j) "knowledge, innovations and practices of
# indigenous and local communities embodying traditional lifestyles", Art. 10(c) "customary use of biological
# resources in accordance with traditional cultural practices").
_PEOPLE = re.compile(r"\b(?:local communit\w*|indigenous|traditional (?:knowledge|practices?|uses?|owners?|"
                     r"lifestyles?)|customary|villagers?|villages|elders|herders|forest communit\w*|"
                     r"community-based)\b", re.I)
# Two duties drafted in two articles, asked apart: one search returns the paragraph closest to both, never both.
CUSTOMARY = ("protect and encourage customary use of biological resources in accordance with traditional cultural "
             "practices")
KNOWLEDGE = "respect, preserve and maintain knowledge, innovations and practices of indigenous and local communities"

# Land or water already damaged (eroded, degraded, to be restored or replanted): rehabilitation and restoration
# (CBD Art. 8(f) "rehabilitate and restore degraded ecosystems", Art. 10(d) "remedial action in degraded areas";
# Ramsar's "restoration" of wetlands).
_DAMAGED = re.compile(r"\b(?:degraded|degradation|eroded|erosion|restor(?:e|es|ed|ing|ation)|rehabilitat\w*|"
                      r"replant\w*|reforest\w*|re-?wet\w*)\b", re.I)
RESTORATION = "rehabilitate and restore degraded ecosystems and promote the recovery of threatened species"
REMEDIAL = "support local populations to develop and implement remedial action in degraded areas"

# Animals or plants out of their range (escaped from farms, let loose, feral, invasive): the treaties' duty on alien
# species (CBD Art. 8(h) "prevent the introduction of, control or eradicate those alien species which threaten
# ecosystems, habitats or species"; CMS Art. III(4)(c) "strictly controlling the introduction of, or controlling or
# eliminating, already introduced exotic species"; AEWA Art. III(2)(g) and Annex 3, 2.5 "non-native species").
_ALIEN = re.compile(r"\b(?:escap(?:ed|ees?|ing)|let loose|feral|invasive|alien|non-?native|exotic|"
                    r"introduced (?:species|animals?|plants?|predators?|fish|birds?|mammals?)|"
                    r"(?:released|let go|dumped) (?:into|in) the wild)\b",
                    re.I)
ALIENS = ("prevent the introduction of, control or eradicate alien or non-native species which threaten ecosystems, "
          "habitats or species")

# Wild animals or plants bought, sold or shipped abroad: the permits trade in a listed species needs (CITES Art. III(2),
# IV(2): "The export of any specimen of a species included in Appendix ... shall require the prior grant and
# presentation of an export permit"), asked for each appendix the treaty drafts alike, what counts as a specimen (Art.
# I(b): "any animal or plant, whether alive or dead", "any readily recognizable part or derivative thereof") and, for
# imports, the permits the State of import must see (Art. III(3), IV(4)).
_TRADE = re.compile(r"\b(?:customs|markets?|export\w*|import\w*|re-?export\w*|trade[sd]?|trading|traders?|sell(?:s|ing|ers?)?|sold|"
                    r"sales?|buy(?:s|ing|ers?)?|bought|shipments?|shipped|smuggl\w*|souvenirs?)\b", re.I)
PERMITS = tuple(f"export of a specimen of a species included in Appendix {a} requires the prior grant and presentation "
                f"of an export permit" for a in ("I", "II"))
IMPORTS = ("import of a specimen of a species included in Appendix I requires an import permit and an export permit, "
           "and is not for primarily commercial purposes",
           "import of a specimen of a species included in Appendix II requires the prior presentation of an export "
           "permit or a re-export certificate")
_IMPORT = re.compile(r"\b(?:import\w*|bring(?:s|ing)? in|brought in)\b", re.I)
# Trade that breaks the rules (smuggled, seized, trafficked): enforcement, penalties and confiscation (CITES Art.
# VIII(1) "to penalize trade in, or possession of, such specimens ... to provide for the confiscation").
_ILLEGAL = re.compile(r"\b(?:smuggl\w*|traffick\w*|contraband|illegal(?:ly)?|illicit(?:ly)?|seiz(?:e|ed|ure|ures)|"
                      r"confiscat\w*|poach\w*|black market|prosecut\w*|wildlife crime|"
                      r"(?:without|no) (?:a |any )?(?:permits?|papers|documents|licen[cs]es?))\b", re.I)
ENFORCEMENT = ("take appropriate measures to enforce the Convention and to prohibit trade in specimens in violation "
               "thereof, to penalize trade in or possession of such specimens and to provide for their confiscation")
SPECIMEN = ("specimen means any animal or plant, whether alive or dead, and any readily recognizable part or "
            "derivative of a listed species")

# Animals caught, shot, trapped or netted, eggs or chicks taken: the prohibition of taking a species listed for strict
# protection and its exceptions (CMS Art. III(5) "shall prohibit the taking of animals belonging to such species.
# Exceptions may be made ..."), and the measures on using biological resources (CBD Art. 10(b) "avoid or minimize
# adverse impacts on biological diversity").
_TAKING = re.compile(r"\b(?:hunt(?:s|ed|ing|ers?)?|shoot(?:s|ing)?|shot|kill(?:s|ed|ing)?|trap(?:s|ped|ping|pers?)?|"
                     r"snar(?:e|es|ed|ing)|netted|catch(?:es|ing)?|caught|captur(?:e|es|ed|ing)|poach\w*|"
                     r"(?:take|taking|took|taken|collect\w*|gather\w*) (?:the |their |wild )?(?:eggs|chicks|nestlings|"
                     r"birds|animals)|cull(?:s|ed|ing)?|harvest(?:s|ed|ing)?)\b", re.I)
TAKING = ("prohibit the taking of animals belonging to a migratory species listed in Appendix I, and the exceptions to "
          "this prohibition")
USE = ("adopt measures relating to the use of biological resources to avoid or minimize adverse impacts on biological "
       "diversity")

# Export of an Appendix II species: the Scientific Authority's watch on the permits granted and the actual exports
# (CITES Art. IV(3) "shall monitor both the export permits granted ... and the actual exports of such specimens").
EXPORT_WATCH = ("a Scientific Authority monitors the export permits granted and the actual exports of specimens of "
                "species included in Appendix II and advises measures to limit the grant of export permits")

# Animals bred or plants grown for sale (a breeding farm, a nursery, ranching): the treaties' own category and its
# certificate (CITES Art. VII(4) "bred in captivity for commercial purposes ... artificially propagated for commercial
# purposes", Art. VII(5) "a certificate ... shall be accepted in lieu of any of the permits"). Not "breeding" alone:
# waterbirds breed, and sharks have nursery grounds.
_CAPTIVE = re.compile(r"\b(?:captive[- ]?(?:bred|breeding|born|raised)|bred in captivity|(?:breeding|fur|game|"
                      r"fish|reptile|crocodile|bird|parrot) farms?|breeders|farm-?(?:bred|raised)|farmed|"
                      r"ranch(?:es|ing|ed)?|nurser(?:y|ies)(?! (?:areas?|grounds?|habitats?|sites?))|"
                      r"artificially propagated|propagat(?:e|ed|es|ing|ion)|cultivated|greenhouses?)\b", re.I)
CAPTIVE = ("specimens of an animal species bred in captivity or of a plant species artificially propagated, and the "
           "certificate accepted in lieu of permits")

# Animals kept or moved alive (pets, zoos, aquaria, live birds shipped): their care in transit and holding (CITES Art.
# VIII(3) "all living specimens, during any period of transit, holding or shipment, are properly cared for so as to
# minimize the risk of injury, damage to health or cruel treatment").
_LIVE = re.compile(r"\b(?:live (?:[a-z]+ )?(?:animals?|birds?|reptiles?|fish|corals?|plants?|specimens?|sharks?|"
                   r"turtles?|tortoises?|primates?|monkeys?|parrots?|falcons?|raptors?)|alive|pets?|pet (?:trade|shops?)|zoos?|aquari(?:a|ums?)|circus(?:es)?|"
                   r"animal welfare|cruel\w*)\b", re.I)
LIVE_CARE = ("ensure that living specimens, during any period of transit, holding or shipment, are properly cared for "
             "so as to minimize the risk of injury, damage to health or cruel treatment")
# Seized live animals (a confiscated parrot, a seized shipment of tortoises): where they go (CITES Art. VIII(4)
# "entrusted to a Management Authority ... returned to the State of export ... a rescue centre").
RESCUE = ("a confiscated living specimen is entrusted to a Management Authority, returned to the State of export or "
          "sent to a rescue centre")

# Genes, samples or traditional knowledge used for research or products (bioprospecting, a pharmaceutical or cosmetic
# company, seed collections): access on prior informed consent and benefits shared on mutually agreed terms (Nagoya
# Protocol Art. 6(1), 5(1); CBD Art. 15(5), 15(7)).
_GENETIC = re.compile(r"\b(?:genetic (?:resources?|material|sequences?|samples?)|genes?|DNA|bioprospect\w*|"
                      r"biotechnolog\w*|pharmaceutical\w*|cosmetics?|seed (?:banks?|collections?)|bacteri\w*|"
                      r"microbes?|micro-?organisms?|fung(?:i|us)|enzymes?|antibiotics?|drug (?:compan\w*|firms?)|"
                      r"patent(?:s|ed|ing)?|"
                      r"(?:plant|tissue|blood|soil|microbial) samples?)\b", re.I)
ACCESS = ("access to genetic resources for their utilization is subject to the prior informed consent of the Party "
          "providing such resources")
SHARING = ("benefits arising from the utilization of genetic resources are shared in a fair and equitable way upon "
           "mutually agreed terms")

# People and machines that disturb wildlife without taking it (tourists and tour boats, drones, off-road vehicles,
# kitesurfers, photographers): the treaties' duty on disturbance (AEWA Annex 3, 2.1.1(b) "prohibit deliberate
# disturbance in so far as such disturbance would be significant for the conservation of the population", 4.3.6
# "where human disturbance threatens ..."; CMS Art. V(5)(e) "protection of such habitats from disturbances"), the
# "harassing" that the treaties count as taking (CMS Art. I(1)(i)), and the human activities a Party is to
# investigate and regulate (AEWA Art. III(2)(e), CBD Art. 7(c) and 8(l), asked as ACTIVITIES above).
_DISTURB = re.compile(r"\b(?:tour(?:s|ism|ists?)?|tour operators?|visitors?|recreation\w*|leisure|drones?|off-road|"
                      r"4x4|quad bikes?|jet-?skis?|kite-?surf\w*|speed-?boats?|photographers?|noise|disturb\w*|"
                      r"harass\w*|whale[- ]watching|swim(?:s|ming)? with|rall(?:y|ies)|flush(?:es|ed|ing)?|"
                      r"birdwatch\w*|bird-?watch\w*|eco-?touris\w*|lodges?)\b", re.I)
DISTURBANCE = ("prohibit deliberate disturbance in so far as such disturbance would be significant for the conservation "
               "of the population, and take measures to limit the threat of human disturbance")
HARASSING = "taking means taking, hunting, fishing, capturing, harassing, deliberate killing, or attempting to engage"
HUMAN = ("investigate problems that are posed by human activities and endeavour to implement remedial measures, "
         "including habitat rehabilitation and restoration")

# Harmful substances (poison and poisoned baits, pesticides, lead shot and sinkers, oil, pollution): their release into
# the habitat (CMS Art. V(5)(i) "prevention, reduction or control of the release into the habitat of migratory species
# of substances harmful to that migratory species"; AEWA Annex 3, 4.1.5 "reduce, and as far as possible eliminate, the
# use of poisoned baits"; Ramsar Art. 3(2) "pollution or other human interference").
_HARMFUL = re.compile(r"\b(?:poison\w*|pesticides?|insecticides?|rodenticides?|herbicides?|agrochemicals?|"
                      r"carbamates?|toxic\w*|lead (?:shot|sinkers?|ammunition|weights?|poisoning)|pollut\w*|"
                      r"oil spills?|spills?|(?:heavy|crude|fuel) oil|(?:oil )?slicks?|contaminat\w*|sewage|effluents?|chemicals?|"
                      r"plastics?)\b", re.I)
SUBSTANCES = ("prevent, reduce or control the release into the habitat of migratory species of substances harmful to "
              "that migratory species")
POISON = "reduce, and as far as possible eliminate, the use of poisoned baits and poison as a means of taking"
# A listed wetland harmed by any of these (works, pollution, disturbance, an emergency): the Party's report on the
# change in its ecological character (Ramsar Art. 3(2) "if the ecological character of any wetland ... included in the
# List has changed, is changing or is likely to change ... information on such changes shall be passed without delay").
CHARACTER = ("if the ecological character of a wetland included in the List has changed, is changing or is likely to "
             "change as the result of pollution or other human interference, information is passed without delay")

# An emergency (a disease outbreak, a mass die-off, an oil spill, a drought or fire): emergency measures and cooperation
# (AEWA Art. III(2)(f) "cooperate in emergency situations requiring international concerted action", Annex 3, 2.3
# "emergency measures ... when exceptionally unfavourable or endangering conditions occur"; CMS Art. V(5)(m); CBD Art.
# 14(1)(d)-(e) "imminent or grave danger", "national arrangements for emergency responses"; Nagoya Protocol Art. 8(b)
# "present or imminent emergencies that threaten or damage human, animal or plant health").
_EMERGENCY = re.compile(r"\b(?:emergenc\w*|outbreaks?|epidemics?|epizootics?|pandemics?|diseases?|influenza|"
                        r"bird flu|virus\w*|die-?offs?|mass (?:mortality|deaths?|strandings?)|oil spills?|(?:oil )?slicks?|"
                        r"(?:ran|run|runs|gone) aground|shipwreck\w*|disasters?|"
                        r"droughts?|wild-?fires?|cyclones?|tsunamis?)\b", re.I)
EMERGENCY = ("develop and implement emergency measures when exceptionally unfavourable or endangering conditions occur, "
             "and cooperate in emergency situations requiring international concerted action")
DANGER = ("notify immediately the potentially affected States in the case of imminent or grave danger or damage to "
          "biological diversity, and promote national arrangements for emergency responses")

# Research on wild animals and plants (scientists, a university, tagging, surveys, samples sent to a laboratory): the
# duty to promote and support research (CMS Art. II(3)(a), V(5)(c); AEWA Art. III(2)(h); CBD Art. 12(b); Ramsar Art.
# 4(3)), the exchange between scientific institutions (CITES Art. VII(6)), and simplified access for non-commercial
# research (Nagoya Protocol Art. 8(a)).
_RESEARCH = re.compile(r"\b(?:research\w*|scientists?|universit(?:y|ies)|laborator(?:y|ies)|labs?|surveys?|"
                       r"tagg(?:ing|ed)|satellite[- ]tags?|tracking|biops(?:y|ies)|ringing|studies)\b", re.I)
RESEARCH = ("promote, co-operate in and support research into the biology, ecology and population dynamics of "
            "migratory species and biological diversity")
SCIENTISTS = ("non-commercial loan, donation or exchange between scientists or scientific institutions registered by "
              "a Management Authority")
NONCOMMERCIAL = "simplified measures on access for non-commercial research purposes"
# Data and monitoring (counts, a database, surveys, national reports): monitoring and its results, and the exchange of
# information (AEWA Art. III(2)(k) "exchange information and results from research, monitoring, conservation and
# education programmes", Annex 3, 5.2; CBD Art. 7(b), 17(1); CMS Art. V(5)(d)).
_DATA = re.compile(r"\b(?:data(?:base|bases|sets?)?|monitor(?:ing)?|(?:bird|waterbird|population) counts?|"
                   r"census\w*|inventor(?:y|ies)|surveys?|share (?:our|the|their) (?:results|findings|information))\b",
                   re.I)
EXCHANGE = ("exchange information and results from research, monitoring, conservation and education programmes, and "
            "facilitate the exchange of information from all publicly available sources")
MONITOR = ("monitor the populations and the components of biological diversity, through sampling and other techniques, "
           "and publish the results of such monitoring")

# What lies across a border (a wetland or river shared with a neighbour, a population that crosses it): consultation
# (Ramsar Art. 5 "consult with each other ... especially in the case of a wetland extending over the territories of
# more than one Contracting Party or where a water system is shared"; CBD Art. 14(1)(c) "activities ... likely to
# significantly affect adversely the biological diversity of other States").
_SHARED = re.compile(r"\b(?:neighbou?r(?:s|ing)?|shared|transboundary|cross-border|borders?|upstream|downstream)\b",
                     re.I)
CONSULT = ("consult with each other about implementing obligations, especially in the case of a wetland extending over "
           "the territories of more than one Contracting Party or where a water system is shared")
NOTIFY = ("notification, exchange of information and consultation on activities which are likely to significantly "
          "affect adversely the biological diversity of other States")

# Joining an instrument (accession, ratification, becoming a Party): what a new Party must set up, in the final and
# institutional clauses every treaty drafts (AEWA Art. V(1)(a)-(c) "designate the Authority", "designate a contact
# point", "prepare ... a report"; CITES Art. IX(1)-(2); Nagoya Protocol Art. 13(1)-(2); AEWA Art. V(2)(a) "contribute
# to the budget ... in accordance with the United Nations scale of assessment"; Ramsar Art. 2(4) "designate at least
# one wetland ... when depositing its instrument"; Ramsar Art. 9(3) "the deposit of an instrument of ratification or
# accession").
_JOINING = re.compile(r"\b(?:join(?:s|ed|ing)?|acced\w*|accession|ratif\w*|become (?:a )?(?:Party|Parties|member)|"
                      r"sign(?:ing)? up)\b", re.I)
AUTHORITY = ("designate the Authority or Authorities to implement, and a contact point, and communicate its name and "
             "address to the secretariat")
CONTRIBUTION = "each Party shall contribute to the budget in accordance with the United Nations scale of assessment"
FIRST_SITE = ("designate at least one wetland to be included in the List when signing or when depositing its "
              "instrument of ratification or accession")
DEPOSIT = "ratification or accession is effected by the deposit of an instrument of ratification or accession"
# Who does the work at home (authorities, focal points, a ministry named or reorganised): the designation and its
# changes (CITES Art. IX(1)-(3) "one or more Management Authorities", "any changes in the designations ... shall be
# communicated"; Nagoya Protocol Art. 13 "national focal point", "competent national authorities").
_OFFICES = re.compile(r"\b(?:focal points?|contact points?|(?:national|competent|management|scientific) "
                      r"authorit(?:y|ies)|reshuffle\w*|reorgani[sz]\w*|which (?:office|ministry|agency|body)|"
                      r"(?:office|ministry|agency) (?:has|is) to be (?:named|designated))\b", re.I)
CHANGES = ("any changes in the designations or authorizations of the national authorities shall be communicated to "
           "the Secretariat")
# Reports owed (a national report, an overdue or late report, how often to report): each instrument's own reporting
# clause (CMS Art. VI(3) "inform the Conference of the Parties ... on measures that they are taking"; AEWA Art.
# V(1)(c); CITES Art. VIII(7) "periodic reports"; CBD Art. 26; Nagoya Protocol Art. 29).
_REPORTS = re.compile(r"\b(?:national reports?|report(?:s|ing)? (?:to|on|under)|overdue|reporting (?:cycles?|"
                      r"obligations?|format|system|tools?)|what we must (?:send|report))\b", re.I)
REPORTING = ("each Party shall report on or inform the Conference of the Parties through the Secretariat of the "
             "measures it is taking to implement it, before each ordinary meeting")
# Money and capacity a Party lacks (no budget, few staff, a small island or developing country): financial resources
# and the building of national capabilities (CBD Art. 20(1)-(2), 21(1) "a mechanism for the provision of financial
# resources to developing country Parties", Art. 18(2) "development and strengthening of national capabilities, by
# means of human resources development and institution building"; Nagoya Protocol Art. 22, 25).
_MEANS = re.compile(r"\b(?:funding|funds?|financ\w*|no budget|donors?|small island\w*|developing countr\w*|"
                    r"least developed|(?:trained|few|no) staff|lacks? (?:the )?(?:money|staff|expertise))\b", re.I)
FINANCE = ("provide new and additional financial resources to enable developing country Parties to meet the agreed "
           "full incremental costs, through a mechanism for the provision of financial resources")
CAPACITY = ("the development and strengthening of national capabilities, by means of human resources development and "
            "institution building")
# A neighbour's harm or a disagreement between States (to raise it formally, a dispute, a protest): the responsibility
# not to damage other States' environment and the settlement of disputes (CBD Art. 3 "activities within their
# jurisdiction or control do not cause damage to the environment of other States", Art. 27(1) "In the event of a
# dispute ... seek solution by negotiation"; CMS Art. XIII(1)).
RESPONSIBILITY = ("responsibility to ensure that activities within their jurisdiction or control do not cause damage "
                  "to the environment of other States")
_DISPUTE = re.compile(r"\b(?:disputes?|disagree\w*|protests?|complain\w*|raise it (?:formally|officially)|"
                      r"formal(?:ly)? (?:objection|complaint)|arbitration)\b", re.I)
DISPUTE = ("in the event of a dispute between Parties concerning the interpretation or application, the Parties "
           "concerned shall seek a solution by negotiation")

# A proposal to list, move or remove a species: the criteria of the appendix and the amendment procedure (CMS Art.
# III(2) "may be listed in Appendix I provided that reliable evidence ... indicates that the species is endangered",
# Art. XI(3)-(4); CITES Art. II(1) "Appendix I shall include all species threatened with extinction", Art. XV(1)(a)-(b)
# "at least 150 days before the meeting", "a two-thirds majority of Parties present and voting"). Not a species
# already "listed in Appendix I": that is its status, not a proposal.
_LISTING = re.compile(r"\b(?:listing proposals?|propos\w* (?:\w+ ){0,5}for (?:listing|(?:the )?strictest|Appendix)|"
                      r"to (?:list|uplist|downlist|delist)\b|uplist\w*|downlist\w*|delist\w*|"
                      r"remov\w* (?:\w+ ){0,3}from (?:the )?Appendix)", re.I)
CRITERIA = ("a species may be listed in Appendix I provided that reliable evidence indicates that it is endangered or "
            "threatened with extinction")
AMENDMENT = ("the text of a proposed amendment to the Appendices is communicated to the Secretariat at least 150 days "
             "before the meeting and adopted by a two-thirds majority of Parties present and voting")
# Catches on the high seas (a fleet fishing beyond national waters): CITES's introduction from the sea (Art. I(e), IV(6)
# "The introduction from the sea of any specimen of a species included in Appendix II shall require the prior grant
# of a certificate from a Management Authority of the State of introduction").
_SEA = re.compile(r"\b(?:high seas|international waters|beyond (?:areas of )?national jurisdiction|"
                  r"outside (?:our|national|any State's) (?:waters|jurisdiction|EEZ))\b", re.I)
FROM_SEA = ("introduction from the sea of a specimen taken in the marine environment not under the jurisdiction of any "
            "State requires a certificate from a Management Authority of the State of introduction")

# Whether a resolution or decision binds (an MP's question, "is it binding"): what the meeting of the Parties is and
# does (CMS Art. VII(1) "the decision-making organ of this Convention", VII(5)(g)-(h) "make recommendations to the
# Parties", "decide on any additional measure"; AEWA Art. VI(9)(a)).
_FORCE = re.compile(r"\b(?:binding|binds?|legally bound|obligatory|mandatory|force of law)\b", re.I)
ORGAN = ("the Conference of the Parties is the decision-making organ, makes recommendations to the Parties and decides "
         "on any additional measure to be taken")
# Dues owed or unpaid (contributions, arrears, a subscription): the budget clause (CMS Art. VII(4) "Each Party shall
# contribute to this budget according to a scale to be agreed upon by the Conference"; AEWA Art. V(2)(a)).
_DUES = re.compile(r"\b(?:contributions?|dues|arrears|unpaid|subscriptions?|assessed (?:contributions?|shares?))\b",
                   re.I)
# Training people (rangers, customs, police, a workshop): the duty to train and to help others train (AEWA Art.
# III(2)(i) "identify priority topics and areas for training", Annex 3, 6.2; Art. V(4) "Parties are encouraged to
# provide training and technical and financial support"; CBD Art. 12(a)).
_TRAINING = re.compile(r"\b(?:workshops?|training (?:courses?|programmes?|sessions?|for)|train(?:s|ed|ing)? (?:our |the "
                       r"|its )?(?:staff|rangers|customs|police|officers|inspectors|wardens))\b", re.I)
TRAINING = ("analyze training requirements, identify priority topics and areas for training and cooperate in the "
            "development and provision of training programmes")

STANDING: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (_WORKS, (IMPACTS, ACTIVITIES)), (_SECTORS, (SECTORAL,)), (_MONEY, (INCENTIVES,)),
    (_PEOPLE, (CUSTOMARY, KNOWLEDGE)),
    (_DAMAGED, (RESTORATION, REMEDIAL)), (_ALIEN, (ALIENS,)), (_TRADE, PERMITS + (SPECIMEN, USE)), (_IMPORT, IMPORTS),
    (_ILLEGAL, (ENFORCEMENT,)), (_TAKING, (TAKING, USE)), (_TRADE, (EXPORT_WATCH,)), (_CAPTIVE, (CAPTIVE,)),
    (_LIVE, (LIVE_CARE,)), (_ILLEGAL, (RESCUE,)), (_GENETIC, (ACCESS, SHARING)),
    (_DISTURB, (DISTURBANCE, HARASSING, HUMAN, ACTIVITIES, CHARACTER)), (_HARMFUL, (SUBSTANCES, POISON, CHARACTER)),
    (_WORKS, (CHARACTER,)), (_EMERGENCY, (EMERGENCY, DANGER, CHARACTER)),
    (_RESEARCH, (RESEARCH, SCIENTISTS, NONCOMMERCIAL)), (_DATA, (EXCHANGE, MONITOR)),
    (_SHARED, (CONSULT, NOTIFY, RESPONSIBILITY)), (_JOINING, (AUTHORITY, REPORTING, CONTRIBUTION, FIRST_SITE, DEPOSIT)),
    (_OFFICES, (AUTHORITY, CHANGES)), (_REPORTS, (REPORTING,)), (_MEANS, (FINANCE, CAPACITY)), (_DISPUTE, (DISPUTE,)),
    (_LISTING, (CRITERIA, AMENDMENT)), (_SEA, (FROM_SEA,)), (_FORCE, (ORGAN,)), (_DUES, (CONTRIBUTION,)),
    (_TRAINING, (TRAINING,)), (_WORKS, (OBSTACLES,)))


# A duty only some instruments draft is asked only of an instrument whose text uses its terms: a search of the CBD
# alone for export permits returns its closest paragraph (technology transfer), which answers nothing.
NEEDS: dict[str, re.Pattern[str]] = {
    **{question: re.compile(r"\bexport permits?\b", re.I) for question in PERMITS},
    **{question: re.compile(r"\bimport permits?\b", re.I) for question in IMPORTS},
    SPECIMEN: re.compile(r"\bspecimen\W{0,3}\s+means\b", re.I),
    ENFORCEMENT: re.compile(r"\bconfiscat\w*|\bpenali[sz]e\b", re.I),
    TAKING: re.compile(r"\btaking\b", re.I),
    USE: re.compile(r"\bbiological resources\b", re.I),
    ALIENS: re.compile(r"\b(?:alien|exotic|non-native)\b", re.I),
    EXPORT_WATCH: re.compile(r"\bScientific Authorit", re.I),
    CAPTIVE: re.compile(r"\bbred in captivity\b|\bartificially propagated\b", re.I),
    LIVE_CARE: re.compile(r"\bliving specimens?\b", re.I),
    RESCUE: re.compile(r"\brescue cent(?:re|er)\b", re.I),
    ACCESS: re.compile(r"\bprior informed consent\b", re.I),
    SHARING: re.compile(r"\bmutually agreed terms\b", re.I),
    DISTURBANCE: re.compile(r"\bdisturbance\b", re.I),
    HARASSING: re.compile(r"\bharass", re.I),
    HUMAN: re.compile(r"\bhuman activities\b", re.I),
    SUBSTANCES: re.compile(r"\bsubstances\b", re.I),
    POISON: re.compile(r"\bpoison", re.I),
    CHARACTER: re.compile(r"\becological character\b", re.I),
    EMERGENCY: re.compile(r"\bemergenc", re.I),
    DANGER: re.compile(r"\bimminent\b", re.I),
    RESEARCH: re.compile(r"\bresearch\b", re.I),
    SCIENTISTS: re.compile(r"\bscientific institutions\b", re.I),
    NONCOMMERCIAL: re.compile(r"\bnon-commercial research\b", re.I),
    EXCHANGE: re.compile(r"\bexchange (?:of )?(?:information|data)\b", re.I),
    MONITOR: re.compile(r"\bmonitor", re.I),
    CONSULT: re.compile(r"\bshared\b|\bmore than one\b", re.I),
    NOTIFY: re.compile(r"\bother States\b", re.I),
    AUTHORITY: re.compile(r"\bdesignate\b.{0,80}\b(?:Authorit|focal point|contact point)", re.I),
    CONTRIBUTION: re.compile(r"\bscale of assessment\b|\bcontribut\w* to the budget\b", re.I),
    FIRST_SITE: re.compile(r"\bat least one wetland\b", re.I),
    DEPOSIT: re.compile(r"\binstruments? of (?:ratification|accession)\b", re.I),
    CHANGES: re.compile(r"\bchanges in the designations?\b|\bfocal point\b", re.I),
    REPORTING: re.compile(r"\breports?\b", re.I),
    FINANCE: re.compile(r"\bfinancial resources\b", re.I),
    CAPACITY: re.compile(r"\bcapabilit|\bcapacity", re.I),
    RESPONSIBILITY: re.compile(r"\bjurisdiction or control\b", re.I),
    DISPUTE: re.compile(r"\bdisputes?\b", re.I),
    CRITERIA: re.compile(r"\bAppendix I\b"),
    AMENDMENT: re.compile(r"\btwo-thirds majority\b", re.I),
    FROM_SEA: re.compile(r"\bintroduction from the sea\b", re.I),
    ORGAN: re.compile(r"\bmake recommendations\b|\bdecision-making\b", re.I),
    TRAINING: re.compile(r"\btraining\b", re.I),
    OBSTACLES: re.compile(r"\bobstacles\b", re.I),
}


def asked_of(question: str, text: str) -> bool:
    """Whether a standing question is asked of an instrument with this text (its terms, where it needs them)."""
    needs = NEEDS.get(question)
    return needs is None or bool(needs.search(text))


def standing_questions(topic: str) -> list[str]:
    """The questions each instrument the note discusses answers alone, beyond the topic's own aspects (none, or
    those of each kind of activity the topic describes: one question per duty the treaties draft for it)."""
    return list(dict.fromkeys(question for pattern, questions in STANDING if pattern.search(topic)
                              for question in questions))
