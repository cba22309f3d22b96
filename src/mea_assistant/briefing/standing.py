"""The questions every instrument a note discusses is asked alone, by the kind of activity the topic describes.

A desk officer's request names a case ("grants for tile drains", "a plantation in a Ramsar floodplain", "farmers
swap seed at fairs") in the words of the case, while what the treaties require of it is drafted as a general duty
that shares none of those words: integrate conservation into sectoral plans (CBD Art. 6(b)), assess the impact of
projects (Art. 14(1)(a)), adopt incentive measures (Art. 11), protect customary use (Art. 10(c)), restore degraded
ecosystems (Art. 8(f)). Each question below is worded as the treaties word the duty, and asked of each instrument
when the topic describes that kind of activity; the instrument's own answer is quoted (selection._answer_each_aspect).
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
                    r"gas\s+(?:fields?|flares?)|reclaim\w*|reclamation|firing\s+range|resorts?|spatial\s+plan\w*)\b",
                    re.I)
IMPACTS = ("assessment of the environmental impact of proposed projects and activities likely to have significant "
           "adverse effects, and regulating or managing those activities to avoid or minimize the adverse effects")

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
_MONEY = re.compile(r"\b(?:subsid\w*|grants? (?:for|to (?:farmers|landowners|owners))|grant schemes?|incentives?|"
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

STANDING: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (_WORKS, (IMPACTS,)), (_SECTORS, (SECTORAL,)), (_MONEY, (INCENTIVES,)), (_PEOPLE, (CUSTOMARY, KNOWLEDGE)),
    (_DAMAGED, (RESTORATION, REMEDIAL)))


def standing_questions(topic: str) -> list[str]:
    """The questions each instrument the note discusses answers alone, beyond the topic's own aspects (none, or
    those of each kind of activity the topic describes: one question per duty the treaties draft for it)."""
    return [question for pattern, questions in STANDING if pattern.search(topic) for question in questions]
