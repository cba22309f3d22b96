"""The questions every instrument a note discusses is asked alone, by the kind of activity the topic describes.

A desk officer's request names a case ("grants for tile drains", "a plantation in a Ramsar floodplain", "farmers
swap seed at fairs") in the words of the case, while what the treaties require of it is drafted as a general duty
that shares none of those words: integrate conservation into sectoral plans (CBD Art. 6(b)), assess the impact of
projects (Art. 14(1)(a)), adopt incentive measures (Art. 11), protect customary use (Art. 10(c)), restore degraded
ecosystems (Art. 8(f)), control alien species (Art. 8(h)). Each question is worded as the treaties word the
duty, and asked of each instrument when the topic describes that kind of activity; the instrument's own answer is
quoted (selection._answer_each_aspect). Each duty is one Duty record (duty.py: the question, the terms an instrument
needs for it, the provision it is worded from), in duties_activity.py or duties_governance.py.
"""

from __future__ import annotations

import re

from . import duties_activity as act
from . import duties_governance as gov
from .duty import Duty

# Each kind of activity a topic describes, and the duties it brings, in the order they are asked. The same duty may
# come under several kinds (the ecological character of a listed wetland under disturbance, harmful substances, works
# and emergencies), asked once, where it first comes.
TRIGGERS: tuple[tuple[re.Pattern[str], tuple[Duty, ...]], ...] = (
    (act.WORKS_TOPIC, (act.IMPACTS, act.ACTIVITIES)), (act.SECTORS_TOPIC, (act.SECTORAL,)),
    (act.MONEY_TOPIC, (act.INCENTIVES,)), (act.PEOPLE_TOPIC, (act.CUSTOMARY, act.KNOWLEDGE)),
    (act.DAMAGED_TOPIC, (act.RESTORATION, act.REMEDIAL)), (act.ALIEN_TOPIC, (act.ALIENS,)),
    (act.TRADE_TOPIC, act.PERMITS + (act.SPECIMEN, act.USE)), (act.IMPORT_TOPIC, act.IMPORTS),
    (act.ILLEGAL_TOPIC, (act.ENFORCEMENT,)), (act.TAKING_TOPIC, (act.TAKING, act.USE, act.EXCEPTIONS_NOTICE)),
    (gov.LAW_TOPIC, (act.ENFORCEMENT, gov.LEGISLATION, act.TAKING, act.EXCEPTIONS_NOTICE, gov.STRICTER)),
    (act.TRADE_TOPIC, (act.EXPORT_WATCH,)), (act.CAPTIVE_TOPIC, (act.CAPTIVE,)), (act.LIVE_TOPIC, (act.LIVE_CARE,)),
    (act.ILLEGAL_TOPIC, (act.RESCUE,)), (act.GENETIC_TOPIC, (act.ACCESS, act.SHARING)),
    (act.DISTURB_TOPIC, (act.DISTURBANCE, act.HARASSING, act.HUMAN, act.ACTIVITIES, act.CHARACTER)),
    (act.HARMFUL_TOPIC, (act.SUBSTANCES, act.POISON, act.CHARACTER)), (act.WORKS_TOPIC, (act.CHARACTER,)),
    (act.EMERGENCY_TOPIC, (act.EMERGENCY, act.DANGER, act.CHARACTER)),
    (act.RESEARCH_TOPIC, (act.RESEARCH, act.SCIENTISTS, act.NONCOMMERCIAL)),
    (act.DATA_TOPIC, (act.EXCHANGE, act.MONITOR)), (act.SHARED_TOPIC, (act.CONSULT, act.NOTIFY, gov.RESPONSIBILITY)),
    (gov.JOINING_TOPIC, (gov.AUTHORITY, gov.REPORTING, gov.CONTRIBUTION, gov.FIRST_SITE, gov.DEPOSIT)),
    (gov.OFFICES_TOPIC, (gov.AUTHORITY, gov.CHANGES)), (gov.REPORTS_TOPIC, (gov.REPORTING,)),
    (gov.MEANS_TOPIC, (gov.FINANCE, gov.CAPACITY)), (gov.DISPUTE_TOPIC, (gov.DISPUTE,)),
    (gov.LEAVING_TOPIC, (gov.WITHDRAWAL, gov.WITHDRAWAL_EFFECT, gov.ALONG)),
    (act.LISTING_TOPIC, (act.CRITERIA, act.AMENDMENT)), (act.SEA_TOPIC, (act.FROM_SEA,)),
    (gov.FORCE_TOPIC, (gov.ORGAN,)), (gov.DUES_TOPIC, (gov.CONTRIBUTION,)), (act.TRAINING_TOPIC, (act.TRAINING,)),
    (act.WORKS_TOPIC, (act.OBSTACLES,)),
    # a human activity's problems and the convention's principle, after what each activity raises itself
    (act.WORKS_TOPIC, (act.HUMAN, act.PRINCIPLE)), (act.SECTORS_TOPIC, (act.HUMAN, act.PRINCIPLE)),
    (act.HARMFUL_TOPIC, (act.HUMAN, act.PRINCIPLE)), (act.DISTURB_TOPIC, (act.PRINCIPLE,)),
    # the general in-situ duties, last: each activity's own, then what every activity owes
    (act.WORKS_TOPIC, (act.REGULATE, act.HABITATS, act.SECTORAL)), (act.DISTURB_TOPIC, (act.REGULATE, act.COMPATIBLE)),
    (act.HARMFUL_TOPIC, (act.REGULATE,)), (act.SECTORS_TOPIC, (act.HABITATS, act.COMPATIBLE, act.RESOURCES)),
    (act.TAKING_TOPIC, (act.RESOURCES,)), (act.PEOPLE_TOPIC, (act.COMPATIBLE,)),
    (act.GENETIC_TOPIC, (act.KNOWLEDGE_SHARING,)),
    (act.DISTURB_TOPIC, (act.AWARENESS,)), (act.HARMFUL_TOPIC, (act.AWARENESS,)), (act.PEOPLE_TOPIC, (act.AWARENESS,)))

_BY_QUESTION: dict[str, Duty] = {duty.question: duty for _, duties in TRIGGERS for duty in duties}


def asked_of(question: str, text: str) -> bool:
    """Whether a standing question is asked of an instrument with this text (its terms, where it needs them)."""
    duty = _BY_QUESTION.get(question)
    return duty is None or duty.asked_of(text)


def standing_questions(topic: str) -> list[str]:
    """The questions each instrument the note discusses answers alone, beyond the topic's own aspects (none, or
    those of each kind of activity the topic describes: one question per duty the treaties draft for it)."""
    return list(dict.fromkeys(duty.question for pattern, duties in TRIGGERS if pattern.search(topic)
                              for duty in duties))
