"""The duties a kind of activity raises (works, a sector, trade, taking, disturbance, research ...), each with the
pattern of the topics that describe it (`..._TOPIC`); asked in the order of standing.TRIGGERS."""

from __future__ import annotations

import re

from .duty import Duty

# Works that alter land or water (a dam, drainage, dredging, a mine, a road, a wind farm): whether their impact must
# be assessed and their adverse effects regulated (CBD Art. 7(c), 8(l), 14(1)(a): "proposed projects that are likely
# to have significant adverse effects", "processes and categories of activities which have or are likely to have
# significant adverse impacts"). Not asked for any "project" or "building": a research project and capacity building
# are no such works.
WORKS_TOPIC = re.compile(r"\b(?:construction|infrastructure|developers?|dams?|drain(?:s|ed|ing|age)?|dredg\w*|"
                         r"mines?|mining|quarr(?:y|ies|ying)|pipelines?|(?<!on the )roads?|motorways?|railways?|"
                         r"wind\s+(?:farms?|turbines?|parks?)|power\s+lines?|factor(?:y|ies)|drilling|"
                         r"gas\s+(?:fields?|flares?)|reclaim\w*|reclamation|firing\s+range|resorts?|spatial\s+plan\w*|"
                         r"runways?|airports?|ports? expansion|harbou?rs?|marinas?|"
                         r"housing\s+(?:estates?|developments?))\b", re.I)
# Two duties drafted in two places, asked apart (one search returns the paragraph closest to both, never both): the
# assessment of a proposed project, and the identifying and regulating of categories of harmful activities.
IMPACTS = Duty("introduce procedures requiring environmental impact assessment of proposed projects that are likely to "
               "have significant adverse effects, with a view to avoiding or minimizing such effects",
               needs=None, source="CBD Art. 14(1)(a)")
ACTIVITIES = Duty("identify and monitor processes and categories of activities which have or are likely to have "
                  "significant adverse impacts, and regulate or manage them", needs=None, source="CBD Art. 7(c), 8(l)")
# ... and, for migratory species, the obstacles such works raise (CMS Art. III(4)(b) "prevent, remove, compensate for or
# minimize ... the adverse effects of activities or obstacles that seriously impede or prevent the migration").
OBSTACLES = Duty("prevent, remove, compensate for or minimize the adverse effects of activities or obstacles that "
                 "seriously impede or prevent the migration of the species",
                 needs=re.compile(r"\bobstacles\b", re.I), source="CMS Art. III(4)(b)")

# A sector that uses land, forests or waters (farming, grazing, forestry, fishing): how conservation is to be part of
# that sector's own plans and policies (CBD Art. 6(b) "relevant sectoral or cross-sectoral plans, programmes and
# policies", Art. 10(a) "national decision-making"; Ramsar Art. 3(1) "formulate and implement their planning so as to
# promote ... the wise use of wetlands").
SECTORS_TOPIC = re.compile(r"\b(?:agricultur\w*|farm(?:s|ers?|ing|land|lands)?|arable|crops?|livestock|"
                           r"graz(?:e|es|ed|ing)|herds?|herders?|flocks?|forestry|forest (?:service|agency|agencies|"
                           r"company|companies)|plantations?|logging|(?:clear-?)?fell(?:ing|ed)|timber|fisher(?:y|ies)|"
                           # fishing by its people and its gear ("our fishers set gillnets", "shrimp trawlers")
                           r"fishers?|fishermen|fishing (?:fleets?|boats?|vessels?|gear|nets?|industry)|gill-?nets?|"
                           r"trammel nets?|drift-?nets?|long-?lin(?:es?|ers?)|trawl(?:s|ers?|ing)|purse-?sein\w*|"
                           r"by-?catch|aquaculture|land[- ]use|land consolidation|rural development)\b", re.I)
SECTORAL = Duty("integrate the conservation and sustainable use of biological diversity and the wise use of wetlands "
                "into relevant sectoral or cross-sectoral plans, programmes and policies and national decision-making",
                needs=None, source="CBD Art. 6(b), 10(a); Ramsar Art. 3(1)")

# Money that steers what land users do (a subsidy, a grant scheme, paying farmers): the treaties' incentive measures
# (CBD Art. 11 "economically and socially sound measures that act as incentives"; the InforMEA glossary's "incentive
# measures"). Not "grant" alone: a permit is granted.
MONEY_TOPIC = re.compile(r"\b(?:subsid\w*|compensat(?:e|ed|ion) (?:for )?(?:fishers|farmers|herders|owners|"
                         r"landowners|villagers|them|us)|(?:fishers|farmers|herders|villagers) (?:ask|want|demand)\w* "
                         r"(?:\w+ )?compensation|(?:a )?share of (?:the )?(?:income|money|revenues?|profits?|earnings)|"
                         r"grants? (?:for|to (?:farmers|landowners|owners))|grant schemes?|incentives?|"
                         r"agri-environment\w*|pay(?:s|ing)? (?:farmers|landowners|land users|owners|herders|fishers|"
                         r"foresters|communities)|payments? for (?:ecosystem|environmental) services)\b", re.I)
INCENTIVES = Duty("adopt economically and socially sound measures that act as incentives for the conservation and "
                  "sustainable use of components of biological diversity", needs=None, source="CBD Art. 11")

# The people who live from the resource (a local or indigenous community, herders, villagers, their elders and
# knowledge): customary use and traditional knowledge (CBD Art. 8(j) "knowledge, innovations and practices of
# indigenous and local communities embodying traditional lifestyles", Art. 10(c) "customary use of biological
# resources in accordance with traditional cultural practices").
PEOPLE_TOPIC = re.compile(r"\b(?:local communit\w*|indigenous|traditional (?:knowledge|practices?|uses?|owners?|"
                          r"lifestyles?)|customary|villagers?|villages|elders|herders|forest communit\w*|"
                          r"community-based)\b", re.I)
# Two duties drafted in two articles, asked apart: one search returns the paragraph closest to both, never both.
CUSTOMARY = Duty("protect and encourage customary use of biological resources in accordance with traditional cultural "
                 "practices", needs=None, source="CBD Art. 10(c)")
KNOWLEDGE = Duty("respect, preserve and maintain knowledge, innovations and practices of indigenous and local "
                 "communities", needs=None, source="CBD Art. 8(j)")

# Land or water already damaged (eroded, degraded, to be restored or replanted): rehabilitation and restoration
# (CBD Art. 8(f) "rehabilitate and restore degraded ecosystems", Art. 10(d) "remedial action in degraded areas";
# Ramsar's "restoration" of wetlands).
DAMAGED_TOPIC = re.compile(r"\b(?:degraded|degradation|eroded|erosion|restor(?:e|es|ed|ing|ation)|rehabilitat\w*|"
                           r"replant\w*|reforest\w*|re-?wet\w*)\b", re.I)
RESTORATION = Duty("rehabilitate and restore degraded ecosystems and promote the recovery of threatened species",
                   needs=None, source="CBD Art. 8(f)")
REMEDIAL = Duty("support local populations to develop and implement remedial action in degraded areas",
                needs=None, source="CBD Art. 10(d)")

# Animals or plants out of their range (escaped from farms, let loose, feral, invasive): the treaties' duty on alien
# species (CBD Art. 8(h) "prevent the introduction of, control or eradicate those alien species which threaten
# ecosystems, habitats or species"; CMS Art. III(4)(c) "strictly controlling the introduction of, or controlling or
# eliminating, already introduced exotic species"; AEWA Art. III(2)(g) and Annex 3, 2.5 "non-native species").
ALIEN_TOPIC = re.compile(r"\b(?:escap(?:ed|ees?|ing)|let loose|feral|invasive|alien|non-?native|exotic|"
                         r"introduced (?:species|animals?|plants?|predators?|fish|birds?|mammals?)|"
                         r"(?:released|let go|dumped) (?:into|in) the wild)\b", re.I)
ALIENS = Duty("prevent the introduction of, control or eradicate alien or non-native species which threaten "
              "ecosystems, habitats or species", needs=re.compile(r"\b(?:alien|exotic|non-native)\b", re.I),
              source="CBD Art. 8(h); CMS Art. III(4)(c); AEWA Art. III(2)(g), Annex 3, 2.5")

# Wild animals or plants bought, sold or shipped abroad: the permits trade in a listed species needs (CITES Art. III(2),
# IV(2): "The export of any specimen of a species included in Appendix ... shall require the prior grant and
# presentation of an export permit"), asked for each appendix the treaty drafts alike, what counts as a specimen (Art.
# I(b): "any animal or plant, whether alive or dead", "any readily recognizable part or derivative thereof") and, for
# imports, the permits the State of import must see (Art. III(3), IV(4)).
TRADE_TOPIC = re.compile(r"\b(?:customs|markets?|export\w*|import\w*|re-?export\w*|trade[sd]?|trading|traders?|"
                         r"sell(?:s|ing|ers?)?|sold|sales?|buy(?:s|ing|ers?)?|bought|shipments?|shipped|smuggl\w*|"
                         r"souvenirs?)\b", re.I)
PERMITS = tuple(Duty(f"export of a specimen of a species included in Appendix {a} requires the prior grant and "
                     f"presentation of an export permit", needs=re.compile(r"\bexport permits?\b", re.I), source=source)
                for a, source in (("I", "CITES Art. III(2)"), ("II", "CITES Art. IV(2)")))
IMPORTS = (Duty("import of a specimen of a species included in Appendix I requires an import permit and an export "
                "permit, and is not for primarily commercial purposes",
                needs=re.compile(r"\bimport permits?\b", re.I), source="CITES Art. III(3)"),
           Duty("import of a specimen of a species included in Appendix II requires the prior presentation of an "
                "export permit or a re-export certificate",
                needs=re.compile(r"\bimport permits?\b", re.I), source="CITES Art. IV(4)"))
IMPORT_TOPIC = re.compile(r"\b(?:import\w*|bring(?:s|ing)? in|brought in)\b", re.I)
# Trade that breaks the rules (smuggled, seized, trafficked): enforcement, penalties and confiscation (CITES Art.
# VIII(1) "to penalize trade in, or possession of, such specimens ... to provide for the confiscation").
ILLEGAL_TOPIC = re.compile(r"\b(?:smuggl\w*|traffick\w*|contraband|illegal(?:ly)?|illicit(?:ly)?|"
                           r"seiz(?:e|ed|ure|ures)|confiscat\w*|poach\w*|black market|prosecut\w*|wildlife crime|"
                           r"(?:without|no) (?:a |any |valid )?(?:[a-z]+ ){0,2}(?:permits?|papers|documents|licen[cs]es?)|"
                           r"intercept(?:ed|ion)|"
                           r"impound\w*|customs (?:officers? |officials? )?(?:found|stopped|held|detained|opened))\b", re.I)
ENFORCEMENT = Duty("take appropriate measures to enforce the Convention and to prohibit trade in specimens in "
                   "violation thereof, to penalize trade in or possession of such specimens and to provide for their "
                   "confiscation", needs=re.compile(r"\bconfiscat\w*|\bpenali[sz]e\b", re.I),
                   source="CITES Art. VIII(1)")
SPECIMEN = Duty("specimen means any animal or plant, whether alive or dead, and any readily recognizable part or "
                "derivative of a listed species", needs=re.compile(r"\bspecimen\W{0,3}\s+means\b", re.I),
                source="CITES Art. I(b)")

# Animals caught, shot, trapped or netted, eggs or chicks taken: the prohibition of taking a species listed for strict
# protection and its exceptions (CMS Art. III(5) "shall prohibit the taking of animals belonging to such species.
# Exceptions may be made ..."), and the measures on using biological resources (CBD Art. 10(b) "avoid or minimize
# adverse impacts on biological diversity").
TAKING_TOPIC = re.compile(r"\b(?:hunt(?:s|ed|ing|ers?)?|shoot(?:s|ing)?|shot|kill(?:s|ed|ing)?|"
                          r"trap(?:s|ped|ping|pers?)?|snar(?:e|es|ed|ing)|netted|catch(?:es|ing)?|caught|"
                          r"captur(?:e|es|ed|ing)|poach\w*|(?:take|taking|took|taken|collect\w*|gather\w*) "
                          r"(?:the |their |wild )?(?:eggs|chicks|nestlings|birds|animals)|cull(?:s|ed|ing)?|"
                          r"harvest(?:s|ed|ing)?)\b", re.I)
TAKING = Duty("prohibit the taking of animals belonging to a migratory species listed in Appendix I, and the "
              "exceptions to this prohibition", needs=re.compile(r"\btaking\b", re.I), source="CMS Art. III(5)")
# ... and the notice of an exception made to it (CMS Art. III(7) "shall as soon as possible inform the Secretariat of
# any exceptions made pursuant to paragraph 5"; AEWA Annex 3, 2.1.3(e) "inform the Agreement secretariat of any
# exemptions granted").
EXCEPTIONS_NOTICE = Duty("inform the Secretariat as soon as possible of any exceptions or exemptions granted to the "
                         "prohibition of taking",
                         needs=re.compile(r"\binform\b[^.;]{0,80}\b(?:exceptions|exemptions)\b", re.I),
                         source="CMS Art. III(7); AEWA Annex 3, 2.1.3(e)")
USE = Duty("adopt measures relating to the use of biological resources to avoid or minimize adverse impacts on "
           "biological diversity", needs=re.compile(r"\bbiological resources\b", re.I), source="CBD Art. 10(b)")

# Export of an Appendix II species: the Scientific Authority's watch on the permits granted and the actual exports
# (CITES Art. IV(3) "shall monitor both the export permits granted ... and the actual exports of such specimens").
EXPORT_WATCH = Duty("a Scientific Authority monitors the export permits granted and the actual exports of specimens "
                    "of species included in Appendix II and advises measures to limit the grant of export permits",
                    needs=re.compile(r"\bScientific Authorit", re.I), source="CITES Art. IV(3)")

# Animals bred or plants grown for sale (a breeding farm, a nursery, ranching): the treaties' own category and its
# certificate (CITES Art. VII(4) "bred in captivity for commercial purposes ... artificially propagated for commercial
# purposes", Art. VII(5) "a certificate ... shall be accepted in lieu of any of the permits"). Not "breeding" alone:
# waterbirds breed, and sharks have nursery grounds.
CAPTIVE_TOPIC = re.compile(r"\b(?:captive[- ]?(?:bred|breeding|born|raised)|(?:bred|born|raised) in captivity|(?:breeding|fur|game|"
                           r"fish|reptile|crocodile|bird|parrot) farms?|breeders|farm-?(?:bred|raised)|farmed|"
                           r"ranch(?:es|ing|ed)?|nurser(?:y|ies)(?! (?:areas?|grounds?|habitats?|sites?))|"
                           r"artificially propagated|propagat(?:e|ed|es|ing|ion)|cultivated|greenhouses?)\b", re.I)
CAPTIVE = Duty("specimens of an animal species bred in captivity or of a plant species artificially propagated, and "
               "the certificate accepted in lieu of permits",
               needs=re.compile(r"\bbred in captivity\b|\bartificially propagated\b", re.I),
               source="CITES Art. VII(4)-(5)")

# Animals kept or moved alive (pets, zoos, aquaria, live birds shipped): their care in transit and holding (CITES Art.
# VIII(3) "all living specimens, during any period of transit, holding or shipment, are properly cared for so as to
# minimize the risk of injury, damage to health or cruel treatment").
LIVE_TOPIC = re.compile(r"\b(?:live (?:[a-z]+ )?(?:animals?|birds?|reptiles?|fish|corals?|plants?|specimens?|sharks?|"
                        r"turtles?|tortoises?|primates?|monkeys?|parrots?|falcons?|raptors?)|alive|pets?|"
                        r"pet (?:trade|shops?)|zoos?|aquari(?:a|ums?)|circus(?:es)?|animal welfare|cruel\w*)\b", re.I)
LIVE_CARE = Duty("ensure that living specimens, during any period of transit, holding or shipment, are properly cared "
                 "for so as to minimize the risk of injury, damage to health or cruel treatment",
                 needs=re.compile(r"\bliving specimens?\b", re.I), source="CITES Art. VIII(3)")
# Seized live animals (a confiscated parrot, a seized shipment of tortoises): where they go (CITES Art. VIII(4)
# "entrusted to a Management Authority ... returned to the State of export ... a rescue centre").
RESCUE = Duty("a confiscated living specimen is entrusted to a Management Authority, returned to the State of export "
              "or sent to a rescue centre", needs=re.compile(r"\brescue cent(?:re|er)\b", re.I),
              source="CITES Art. VIII(4)")

# Genes, samples or traditional knowledge used for research or products (bioprospecting, a pharmaceutical or cosmetic
# company, seed collections): access on prior informed consent and benefits shared on mutually agreed terms (Nagoya
# Protocol Art. 6(1), 5(1); CBD Art. 15(5), 15(7)).
GENETIC_TOPIC = re.compile(r"\b(?:genetic (?:resources?|material|sequences?|samples?)|genes?|DNA|bioprospect\w*|"
                           r"biotechnolog\w*|pharmaceutical\w*|cosmetics?|seed (?:banks?|collections?)|bacteri\w*|"
                           r"microbes?|micro-?organisms?|fung(?:i|us)|enzymes?|antibiotics?|drug (?:compan\w*|firms?)|"
                           r"patent(?:s|ed|ing)?|(?:plant|tissue|blood|soil|microbial) samples?)\b", re.I)
ACCESS = Duty("access to genetic resources for their utilization is subject to the prior informed consent of the Party "
              "providing such resources", needs=re.compile(r"\bprior informed consent\b", re.I),
              source="Nagoya Protocol Art. 6(1); CBD Art. 15(5)")
SHARING = Duty("benefits arising from the utilization of genetic resources are shared in a fair and equitable way upon "
               "mutually agreed terms", needs=re.compile(r"\bmutually agreed terms\b", re.I),
               source="Nagoya Protocol Art. 5(1); CBD Art. 15(7)")

# People and machines that disturb wildlife without taking it (tourists and tour boats, drones, off-road vehicles,
# kitesurfers, photographers): the treaties' duty on disturbance (AEWA Annex 3, 2.1.1(b) "prohibit deliberate
# disturbance in so far as such disturbance would be significant for the conservation of the population", 4.3.6
# "where human disturbance threatens ..."; CMS Art. V(5)(e) "protection of such habitats from disturbances"), the
# "harassing" that the treaties count as taking (CMS Art. I(1)(i)), and the human activities a Party is to
# investigate and regulate (AEWA Art. III(2)(e), CBD Art. 7(c) and 8(l), asked as ACTIVITIES above).
DISTURB_TOPIC = re.compile(r"\b(?:tour(?:s|ism|ists?)?|tour operators?|visitors?|recreation\w*|leisure|drones?|"
                           r"off-road|4x4|quad bikes?|jet-?skis?|kite-?surf\w*|speed-?boats?|photographers?|noise|"
                           r"disturb\w*|harass\w*|whale[- ]watching|swim(?:s|ming)? with|rall(?:y|ies)|"
                           r"flush(?:es|ed|ing)?|birdwatch\w*|bird-?watch\w*|eco-?touris\w*|lodges?)\b", re.I)
DISTURBANCE = Duty("prohibit deliberate disturbance in so far as such disturbance would be significant for the "
                   "conservation of the population, and take measures to limit the threat of human disturbance",
                   needs=re.compile(r"\bdisturbance\b", re.I), source="AEWA Annex 3, 2.1.1(b), 4.3.6")
HARASSING = Duty("taking means taking, hunting, fishing, capturing, harassing, deliberate killing, or attempting to "
                 "engage", needs=re.compile(r"\bharass", re.I), source="CMS Art. I(1)(i)")
HUMAN = Duty("investigate problems that are posed by human activities and endeavour to implement remedial measures, "
             "including habitat rehabilitation and restoration", needs=re.compile(r"\bhuman activities\b", re.I),
             source="AEWA Art. III(2)(e)")
# Any of these activities (works, a sector's use, disturbance, harmful substances) bears on migratory species as a
# whole: the convention's fundamental principle that Range States act to conserve them, with special attention to
# those whose conservation status is unfavourable (CMS Art. II(1)); an agreement's own principle of keeping them in a
# favourable conservation status (AEWA Art. II(1)).
PRINCIPLE = Duty("take measures to maintain migratory species in a favourable conservation status or to restore them "
                 "to such a status, paying special attention to migratory species the conservation status of which is "
                 "unfavourable", needs=re.compile(r"\bconservation status\b", re.I),
                 source="CMS Art. II(1); AEWA Art. II(1)")

# Harmful substances (poison and poisoned baits, pesticides, lead shot and sinkers, oil, pollution): their release into
# the habitat (CMS Art. V(5)(i) "prevention, reduction or control of the release into the habitat of migratory species
# of substances harmful to that migratory species"; AEWA Annex 3, 4.1.5 "reduce, and as far as possible eliminate, the
# use of poisoned baits"; Ramsar Art. 3(2) "pollution or other human interference").
HARMFUL_TOPIC = re.compile(r"\b(?:poison\w*|pesticides?|insecticides?|rodenticides?|herbicides?|agrochemicals?|"
                           r"carbamates?|toxic\w*|lead (?:shot|sinkers?|ammunition|weights?|poisoning)|pollut\w*|"
                           r"oil spills?|spills?|(?:heavy|crude|fuel) oil|(?:oil )?slicks?|contaminat\w*|sewage|"
                           r"effluents?|chemicals?|plastics?)\b", re.I)
SUBSTANCES = Duty("prevent, reduce or control the release into the habitat of migratory species of substances harmful "
                  "to that migratory species", needs=re.compile(r"\bsubstances\b", re.I), source="CMS Art. V(5)(i)")
POISON = Duty("reduce, and as far as possible eliminate, the use of poisoned baits and poison as a means of taking",
              needs=re.compile(r"\bpoison", re.I), source="AEWA Annex 3, 4.1.5")
# A listed wetland harmed by any of these (works, pollution, disturbance, an emergency): the Party's report on the
# change in its ecological character (Ramsar Art. 3(2) "if the ecological character of any wetland ... included in the
# List has changed, is changing or is likely to change ... information on such changes shall be passed without delay").
CHARACTER = Duty("if the ecological character of a wetland included in the List has changed, is changing or is likely "
                 "to change as the result of pollution or other human interference, information is passed without "
                 "delay", needs=re.compile(r"\becological character\b", re.I), source="Ramsar Art. 3(2)")

# An emergency (a disease outbreak, a mass die-off, an oil spill, a drought or fire): emergency measures and cooperation
# (AEWA Art. III(2)(f) "cooperate in emergency situations requiring international concerted action", Annex 3, 2.3
# "emergency measures ... when exceptionally unfavourable or endangering conditions occur"; CMS Art. V(5)(m); CBD Art.
# 14(1)(d)-(e) "imminent or grave danger", "national arrangements for emergency responses"; Nagoya Protocol Art. 8(b)
# "present or imminent emergencies that threaten or damage human, animal or plant health").
EMERGENCY_TOPIC = re.compile(r"\b(?:emergenc\w*|outbreaks?|epidemics?|epizootics?|pandemics?|diseases?|influenza|"
                             r"bird flu|virus\w*|die-?offs?|mass (?:mortality|deaths?|strandings?)|oil spills?|"
                             r"(?:oil )?slicks?|(?:ran|run|runs|gone) aground|shipwreck\w*|disasters?|"
                             r"droughts?|wild-?fires?|cyclones?|tsunamis?)\b", re.I)
EMERGENCY = Duty("develop and implement emergency measures when exceptionally unfavourable or endangering conditions "
                 "occur, and cooperate in emergency situations requiring international concerted action",
                 needs=re.compile(r"\bemergenc", re.I), source="AEWA Art. III(2)(f), Annex 3, 2.3")
DANGER = Duty("notify immediately the potentially affected States in the case of imminent or grave danger or damage "
              "to biological diversity, and promote national arrangements for emergency responses",
              needs=re.compile(r"\bimminent\b", re.I), source="CBD Art. 14(1)(d)-(e)")

# Research on wild animals and plants (scientists, a university, tagging, surveys, samples sent to a laboratory): the
# duty to promote and support research (CMS Art. II(3)(a), V(5)(c); AEWA Art. III(2)(h); CBD Art. 12(b); Ramsar Art.
# 4(3)), the exchange between scientific institutions (CITES Art. VII(6)), and simplified access for non-commercial
# research (Nagoya Protocol Art. 8(a)).
RESEARCH_TOPIC = re.compile(r"\b(?:research\w*|scientists?|universit(?:y|ies)|laborator(?:y|ies)|labs?|surveys?|"
                            r"tagg(?:ing|ed)|satellite[- ]tags?|tracking|biops(?:y|ies)|ringing|studies)\b", re.I)
RESEARCH = Duty("promote, co-operate in and support research into the biology, ecology and population dynamics of "
                "migratory species and biological diversity", needs=re.compile(r"\bresearch\b", re.I),
                source="CMS Art. II(3)(a); AEWA Art. III(2)(h); CBD Art. 12(b)")
SCIENTISTS = Duty("non-commercial loan, donation or exchange between scientists or scientific institutions registered "
                  "by a Management Authority", needs=re.compile(r"\bscientific institutions\b", re.I),
                  source="CITES Art. VII(6)")
NONCOMMERCIAL = Duty("simplified measures on access for non-commercial research purposes",
                     needs=re.compile(r"\bnon-commercial research\b", re.I), source="Nagoya Protocol Art. 8(a)")
# Data and monitoring (counts, a database, surveys, national reports): monitoring and its results, and the exchange of
# information (AEWA Art. III(2)(k) "exchange information and results from research, monitoring, conservation and
# education programmes", Annex 3, 5.2; CBD Art. 7(b), 17(1); CMS Art. V(5)(d)).
DATA_TOPIC = re.compile(r"\b(?:data(?:base|bases|sets?)?|monitor(?:ing)?|(?:bird|waterbird|population) counts?|"
                        r"census\w*|inventor(?:y|ies)|surveys?|share (?:our|the|their) (?:results|findings|"
                        r"information))\b", re.I)
EXCHANGE = Duty("exchange information and results from research, monitoring, conservation and education programmes, "
                "and facilitate the exchange of information from all publicly available sources",
                needs=re.compile(r"\bexchange (?:of )?(?:information|data)\b", re.I),
                source="AEWA Art. III(2)(k); CBD Art. 17(1)")
MONITOR = Duty("monitor the populations and the components of biological diversity, through sampling and other "
               "techniques, and publish the results of such monitoring", needs=re.compile(r"\bmonitor", re.I),
               source="CBD Art. 7(b); AEWA Annex 3, 5.2")

# What lies across a border (a wetland or river shared with a neighbour, a population that crosses it): consultation
# (Ramsar Art. 5 "consult with each other ... especially in the case of a wetland extending over the territories of
# more than one Contracting Party or where a water system is shared"; CBD Art. 14(1)(c) "activities ... likely to
# significantly affect adversely the biological diversity of other States").
SHARED_TOPIC = re.compile(r"\b(?:neighbou?r(?:s|ing)?|shared|transboundary|cross-border|borders?|upstream|"
                          r"downstream)\b", re.I)
CONSULT = Duty("consult with each other about implementing obligations, especially in the case of a wetland extending "
               "over the territories of more than one Contracting Party or where a water system is shared",
               needs=re.compile(r"\bshared\b|\bmore than one\b", re.I), source="Ramsar Art. 5")
NOTIFY = Duty("notification, exchange of information and consultation on activities which are likely to "
              "significantly affect adversely the biological diversity of other States",
              needs=re.compile(r"\bother States\b", re.I), source="CBD Art. 14(1)(c)")

# A proposal to list, move or remove a species: the criteria of the appendix and the amendment procedure (CMS Art.
# III(2) "may be listed in Appendix I provided that reliable evidence ... indicates that the species is endangered",
# Art. XI(3)-(4); CITES Art. II(1) "Appendix I shall include all species threatened with extinction", Art. XV(1)(a)-(b)
# "at least 150 days before the meeting", "a two-thirds majority of Parties present and voting"). Not a species
# already "listed in Appendix I": that is its status, not a proposal.
LISTING_TOPIC = re.compile(r"\b(?:listing proposals?|propos\w* (?:\w+ ){0,5}for (?:listing|(?:the )?strictest|"
                           r"Appendix)|to (?:list|uplist|downlist|delist)\b|uplist\w*|downlist\w*|delist\w*|"
                           r"remov\w* (?:\w+ ){0,3}from (?:the )?Appendix)", re.I)
CRITERIA = Duty("a species may be listed in Appendix I provided that reliable evidence indicates that it is endangered "
                "or threatened with extinction", needs=re.compile(r"\bAppendix I\b"),
                source="CMS Art. III(2); CITES Art. II(1)")
AMENDMENT = Duty("the text of a proposed amendment to the Appendices is communicated to the Secretariat at least 150 "
                 "days before the meeting and adopted by a two-thirds majority of Parties present and voting",
                 needs=re.compile(r"\btwo-thirds majority\b", re.I), source="CITES Art. XV(1)(a)-(b)")
# Catches on the high seas (a fleet fishing beyond national waters): CITES's introduction from the sea (Art. I(e), IV(6)
# "The introduction from the sea of any specimen of a species included in Appendix II shall require the prior grant
# of a certificate from a Management Authority of the State of introduction").
SEA_TOPIC = re.compile(r"\b(?:high seas|international waters|beyond (?:areas of )?national jurisdiction|"
                       r"outside (?:our|national|any State's) (?:waters|jurisdiction|EEZ))\b", re.I)
FROM_SEA = Duty("introduction from the sea of a specimen taken in the marine environment not under the jurisdiction of "
                "any State requires a certificate from a Management Authority of the State of introduction",
                needs=re.compile(r"\bintroduction from the sea\b", re.I), source="CITES Art. I(e), IV(6)")

# Training people (rangers, customs, police, a workshop): the duty to train and to help others train (AEWA Art.
# III(2)(i) "identify priority topics and areas for training", Annex 3, 6.2; Art. V(4) "Parties are encouraged to
# provide training and technical and financial support"; CBD Art. 12(a)).
TRAINING_TOPIC = re.compile(r"\b(?:workshops?|training (?:courses?|programmes?|sessions?|for)|train(?:s|ed|ing)? "
                            r"(?:our |the |its )?(?:staff|rangers|customs|police|officers|inspectors|wardens))\b", re.I)
TRAINING = Duty("analyze training requirements, identify priority topics and areas for training and cooperate in the "
                "development and provision of training programmes", needs=re.compile(r"\btraining\b", re.I),
                source="AEWA Art. III(2)(i)")


# The general in-situ duties a treaty drafts once for every activity (CBD Art. 8): asked of each instrument after the
# duties an activity raises itself, each worded as the treaty words it (one search finds one of them, never several).
# Works, disturbance and harmful substances: once an activity is found to harm, it is regulated (Art. 8(l)).
REGULATE = Duty("where a significant adverse effect on biological diversity has been determined, regulate or manage the "
                "relevant processes and categories of activities",
                needs=re.compile(r"\bsignificant adverse (?:effects?|impacts?)\b", re.I), source="CBD Art. 8(l)")
# Works and a sector's use of land or water take habitat: its protection (Art. 8(d)).
HABITATS = Duty("promote the protection of ecosystems, natural habitats and the maintenance of viable populations of "
                "species in natural surroundings", needs=re.compile(r"\bnatural habitats?\b", re.I),
                source="CBD Art. 8(d)")
# A use that goes on (grazing, fishing, tourism, a community's own use) beside conservation (Art. 8(i)).
COMPATIBLE = Duty("provide the conditions needed for compatibility between present uses and the conservation of "
                  "biological diversity and the sustainable use of its components",
                  needs=re.compile(r"\bpresent uses\b|\bsustainable use\b", re.I), source="CBD Art. 8(i)")
# Wild plants and animals taken or harvested: the resources are regulated wherever they are (Art. 8(c)).
RESOURCES = Duty("regulate or manage biological resources important for the conservation of biological diversity "
                 "whether within or outside protected areas, with a view to ensuring their conservation and sustainable "
                 "use", needs=re.compile(r"\bbiological resources\b", re.I), source="CBD Art. 8(c)")
# Genetic resources that communities hold, with what they know of them: the benefits of that knowledge are shared
# with them (Nagoya Protocol Art. 5(5)).
KNOWLEDGE_SHARING = Duty("benefits arising from the utilization of traditional knowledge associated with genetic "
                         "resources are shared in a fair and equitable way with indigenous and local communities",
                         needs=re.compile(r"\btraditional knowledge associated with genetic resources\b", re.I),
                         source="Nagoya Protocol Art. 5(5)")
# People whose conduct decides the outcome (visitors, hunters, fishers, villagers): the public's awareness (AEWA Annex
# 3, 6.3 "improve the level of awareness of the general public"; CBD Art. 13 "public education and awareness").
AWARENESS = Duty("develop programmes, information materials and mechanisms to improve the level of awareness of the "
                 "general public", needs=re.compile(r"\bawareness\b", re.I),
                 source="AEWA Annex 3, 6.3; CBD Art. 13(a)")

