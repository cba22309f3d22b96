"""The pieces of an answer that are pure text: kinds of question, sentences, force of verbs, the lead sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from mea_assistant.answer_types import classify, is_polar, sought
from mea_assistant.figures import states_figure
from mea_assistant.force import force_of
from mea_assistant.retrieval.rerank import designated_first, names_new_actor
from mea_assistant.leads import actor_in, figure_in, lead_parts, lead_sentence, polarity, widen
from mea_assistant.sentences import clause_spans, sentence_spans, sentences
from mea_assistant.terms import terms
from mea_assistant.types import Hit


@pytest.mark.parametrize(("question", "kind"), [
    ("When does CITES enter into force for a State that accedes late?", "figure"),
    ("How many ratifications does the Nagoya Protocol need?", "figure"),
    ("Under the wetlands convention, how many sites must a country designate when it joins?", "figure"),
    ("Can a Party make reservations to the CBD?", "yes_no"),
    ("The signature period closed in 1974. Can a country still join?", "yes_no"),
    ("Is the Sharks MOU legally binding?", "obligation"),
    ("What must Parties to the Nagoya Protocol report?", "obligation"),
    ("Who provides the Secretariat of CMS?", "who"),
    ("Which body advises the COP on listings?", "who"),
    ("What are the functions of the CMS Secretariat?", "list"),
    ("What does 'specimen' mean under CITES?", "definition"),
    ("What is a Range State?", "definition"),
    ("How do CITES and CMS differ on amendments?", "comparison"),
    ("What does Resolution 11.10 say about partnerships?", "explain"),
    ("When is an animal population considered migratory under the Bonn Convention?", "definition"),
    ("When does the Convention enter into force?", "figure"),
    ("What growth in the number of Parties did the plan set as a goal?", "figure"),
])
def test_the_kind_of_question(question, kind):
    assert classify(question) == kind


def test_an_elliptical_follow_up_keeps_the_kind_of_the_question_it_continues():
    history = [{"role": "user", "content": "How long is a CITES export permit valid?"}, {"role": "assistant", "content": "."}]
    assert classify("And an import permit?", history) == "figure"
    assert classify("What does the CBD say about protected areas?", history) == "explain"
    assert is_polar("Does it apply?") and not is_polar("What applies?")


def test_sentences_are_offsets_so_quotes_stay_verbatim():
    text = ("The Parties shall: (a) do this thing now and forever; (b) do that, e.g. the other. "
            "See Art. III of the Convention for more.")
    assert sentences(text) == ["The Parties shall: (a) do this thing now and forever;", "(b) do that, e.g. the other.",
                               "See Art. III of the Convention for more."]
    for s, e in sentence_spans(text):
        assert text[s:e] in text
    long = "A, " * 200 + "end."
    assert all(e - s <= 360 for s, e in clause_spans(long, 0, len(long)))


@pytest.mark.parametrize(("text", "doc_type", "kind", "verb"), [
    ("Each Party shall designate a Management Authority.", "convention", "obligation", "shall"),
    ("No reservations may be made to this Convention.", "convention", "prohibition", "No reservations may"),
    ("Parties shall not permit trade.", "convention", "prohibition", "shall not"),
    ("Parties shall endeavour to conclude agreements.", "convention", "qualified", "shall endeavour"),
    ("Urges Parties to establish close collaboration.", "resolution", "recommendation", "Urges"),
    ("Any Party may denounce this Convention.", "convention", "permission", "may"),
    ("The Signatories should cooperate.", "mou", "recommendation", "should"),
    # the passive forms of a resolution's verbs: the earliest verb governs, not a later "shall" of the same text
    ("Parties are urged to prohibit the use of gillnets, which shall be phased out.", "resolution",
     "recommendation", "are urged"),
    ("The Secretariat is requested to report to each meeting.", "resolution", "request", "is requested to"),
    ("Parties are also urged to minimise the impact of fisheries.", "agreement", "recommendation", "are also urged"),
    ("Range States are strongly encouraged to share data.", "resolution", "encouragement",
     "are strongly encouraged to"),
    # "shall" whose subject is the treaty or an act: a rule it lays down, no Party's duty (Ramsar Art. 11)
    ("Denunciation shall take effect four months after the day on which notice thereof is received.", "convention",
     "rule", "shall take effect"),
    ("This Convention shall continue in force for an indefinite period.", "convention", "rule", "shall continue in force"),
    # a savings clause leaves other rights as they are (CITES Art. XIV, CMS Art. XII): no duty, no prohibition
    ("The provisions of the present Convention shall in no way affect the right of Parties to adopt:", "convention",
     "rule", "shall in no way affect"),
    ("The provisions of this Convention shall not affect the rights or obligations of any Party deriving from any "
     "existing treaty.", "convention", "rule", "shall not affect"),
])
def test_the_force_of_the_operative_verb(text, doc_type, kind, verb):
    force = force_of(text, doc_type)
    assert force is not None and force.kind == kind and force.verb == verb


def test_a_treaty_binds_a_memorandum_does_not():
    assert force_of("Each Party shall report.", "convention").label == "A binding treaty obligation"
    assert "non-legally binding" in force_of("Each Signatory shall report.", "mou").label
    assert force_of("Requests the Secretariat to report.", "resolution").label.startswith("A request")
    assert force_of("This Convention shall enter into force on the ninetieth day.", "convention").label == \
        "A rule the treaty lays down, not a duty on a Party"
    # a withdrawal "shall take place" a year after notice: when it happens, not what a Party must do
    assert force_of("Any such withdrawal shall take place upon expiry of one year after the date of its receipt.",
                    "convention").label == "A rule the treaty lays down, not a duty on a Party"


def test_is_it_binding_is_answered_by_the_force_of_the_verb():
    """"Must we?" / "is it binding?": yes for a treaty's "shall", no for its "should" or "may", whatever "not" the
    quote holds; a memorandum's "shall" is a commitment (yes to "must we?"), not a legal bond (no to "binding?")."""
    def lead(text: str, doc_type: str, question: str) -> str:
        hit = Hit(doc_id="d", ref="Art. 1", display="D, Art. 1", text=text, score=1.0, doc_type=doc_type)
        return lead_parts(hit, "obligation", True, text, True, terms(question), question).prefix
    assert lead("Each Party shall not release non-native species.", "convention", "Must Parties ban releases?").startswith("Yes")
    assert lead("Parties should promote research.", "convention", "Is research a binding duty?").startswith("No")
    assert lead("A Party may accept such documents.", "convention", "Do we have to accept them?").startswith("No")
    assert lead("Each Signatory shall report.", "mou", "Must signatories report?").startswith("Yes")
    assert lead("Each Signatory shall report.", "mou", "Is the duty to report legally binding?").startswith("No")


def test_figures_actors_and_polarity_come_from_the_quote():
    quote = ("For each State which ratifies the present Convention after the deposit of the tenth instrument, "
             "the present Convention shall enter into force 90 days after the deposit by such State of its instrument.")
    assert figure_in(quote, terms("When does it enter into force?"), "When does it enter into force?") \
        .startswith("90 days after the deposit")
    assert actor_in("Upon entry into force, a Secretariat shall be provided by the Executive Director of the "
                    "United Nations Environment Programme.") == "the Executive Director of the United Nations " \
                                                                "Environment Programme"
    assert actor_in("This Convention shall be open for signature.") == ""
    # an adverb between the verb and its agent (the Rotterdam Convention's Art. 19(3)); a subject is not an agent
    assert actor_in("The secretariat functions shall be performed jointly by the Executive Director of UNEP, subject "
                    "to arrangements.", agent_only=True) == "the Executive Director of UNEP"
    assert actor_in("Each Party shall transmit to the Secretariat its responses.", agent_only=True) == ""
    # a passive in the condition is not who acts (Ramsar Art. 8(1)); one in the main clause still is
    bureau = ("The International Union for the Conservation of Nature and Natural Resources shall perform the "
              "continuing bureau duties under this Convention until such time as another organization or government "
              "is appointed by a majority of two-thirds of all Contracting Parties.")
    assert actor_in(bureau) == "The International Union for the Conservation of Nature and Natural Resources"
    assert actor_in(bureau, agent_only=True) == ""
    assert actor_in("The budget shall be adopted by the Conference until another rule is agreed.") == "the Conference"
    # a condition in an earlier sentence is not the passive's ("... whenever possible. ... convened by the Chair")
    assert actor_in("The Committee should work by electronic means whenever possible. Where the need arises, meetings "
                    "should be convened by the Chair of the Committee.") == "the Chair of the Committee"
    # an agent after "on an interim basis", a subject after the condition the provision opens with, a Government
    # "hereby designated", and a subject of a passive, which is acted on, not who acts
    assert actor_in("The secretariat functions will be carried out on an interim basis by the United Nations "
                    "Environment Programme until the first meeting.") == "the United Nations Environment Programme"
    assert actor_in("When assistance is provided wholly or partly on a reimbursement basis, the requesting State "
                    "shall reimburse the assisting party for the costs incurred.") == "the requesting State"
    assert actor_in("The Government of the Federal Republic of Germany is hereby designated as the Depositary of "
                    "this Statute.") == "The Government of the Federal Republic of Germany"
    assert actor_in("A separate permit or certificate shall be required for each consignment of specimens.") == ""
    assert polarity("No reservations may be made.", True) == "No"
    assert polarity("Trade shall be authorized only in exceptional circumstances.", True) == "Yes, under conditions"
    assert polarity("Any Party may denounce.", False).startswith("Not stated")
    # a bound is not a denial (Ramsar Art. 1(1): "marine water the depth of which at low tide does not exceed six metres")
    assert polarity("Wetlands are areas of marsh or water, including areas of marine water the depth of which at low "
                    "tide does not exceed six metres.", True) == "Yes"
    assert polarity("The period shall not be less than 90 days.", True) == "Yes"
    assert polarity("Such permits shall not be granted.", True) == "No"



def test_a_question_about_refusing_or_leaving_out_reads_the_text_s_negation_as_its_answer():
    # the text grants the refusal or the exclusion the question asks about: yes
    assert polarity("Recognition or enforcement of a judgment may be refused if, and to the extent that, the judgment "
                    "awards damages that do not compensate a party for actual loss.", True,
                    "Can a court refuse to enforce an award of punitive damages?") == "Yes"
    assert polarity("This Convention does not apply to radioactive substances that give off small doses.", True,
                    "Can sources that give only small doses be left outside the Convention?") == "Yes"
    assert polarity("Each Party may, at the time of ratification, declare that it does not recognize the conciliation "
                    "procedure.", True, "Can a country opt out of the conciliation procedure?") == "Yes"
    # the text denies the refusal, or forbids what the question would exclude: no, as before
    assert polarity("A Party shall not decline to render mutual legal assistance on the ground of bank secrecy.", True,
                    "Can a country refuse legal assistance by citing bank secrecy?") == "No"
    assert polarity("No reservations may be made to this Convention.", True,
                    "Can a country sign the convention but opt out of some of its articles?") == "No"
    # without a question about a refusal the negation answers no
    assert polarity("This Convention does not apply to radioactive substances.", True,
                    "Does the Convention cover every source?") == "No"


def test_a_prohibition_answers_must_we_no_and_is_it_prohibited_yes():
    def lead(text: str, question: str) -> str:
        hit = Hit(doc_id="d", ref="Art. 3(2)", text=text, score=1.0, display="X Convention", doc_type="convention")
        return lead_parts(hit, "obligation", True, text, True, terms(question), question).prefix
    refugee = "The refugee shall not be required to leave the territory of the Party to obtain a renewed document."
    assert lead(refugee, "Does a refugee have to leave the country to get the document renewed?").startswith("No")
    transit = "No Contracting State shall be bound to afford transit to goods the import of which is prohibited."
    assert lead(transit, "Does the statute oblige a country to let through goods it bans?").startswith("No")
    assert lead("Parties shall not release non-native species.", "Is releasing non-native species prohibited?") \
        .startswith("Yes")
    assert lead("Parties shall not release non-native species.", "Is this prohibition legally binding?") \
        .startswith("Yes")


# CITES Art. XX and XXV(2), Ramsar Art. 9(3) as shipped in the corpus.
CITES_XX = ("The present Convention shall be subject to ratification, acceptance or approval. Instruments of "
            "ratification, acceptance or approval shall be deposited with the Government of the Swiss Confederation "
            "which shall be the Depositary Government.")
CITES_XXV_2 = ("The Depositary Government shall inform all signatory and acceding States and the Secretariat of "
               "signatures, deposit of instruments of ratification, acceptance, approval or accession ...")
RAMSAR_9_3 = ("Ratification or accession shall be effected by the deposit of an instrument of ratification or accession "
              "with the Director-General of the United Nations Educational, Scientific and Cultural Organization "
              "(hereinafter referred to as \"the Depositary\").")


def test_the_depositary_is_the_one_instruments_are_deposited_with():
    assert actor_in(CITES_XX) == "the Government of the Swiss Confederation"
    assert actor_in(RAMSAR_9_3) == "the Director-General of the United Nations Educational, Scientific and Cultural " \
                                   "Organization"  # the whole name, not cut at its first comma
    question = terms("Which government is the depositary of CITES?")
    assert names_new_actor(CITES_XX, question) and names_new_actor(RAMSAR_9_3, question)
    assert not names_new_actor(CITES_XXV_2, question)  # only repeats "the Depositary Government"


# The Industrial Accidents Convention (tests/fixtures/unseen6) Art. 20 and its item (c), as printed.
TEIA_20 = "The Executive Secretary of the Economic Commission for Europe shall carry out the following secretariat functions:"
TEIA_20_C = "Such other functions as may be determined by the Parties."


def test_a_body_named_with_of_and_for_is_an_actor():
    """A body's name joins its capitalised words with "of the" and "for": the Executive Secretary of the Economic
    Commission for Europe names who acts; before, only unbroken capitalised words did, and the item (c) naming "the
    Parties" in a passive was ranked the answer to "Who acts as the secretariat ...?"."""
    question = terms("Who acts as the secretariat of the UNECE industrial accidents convention?")
    assert names_new_actor(TEIA_20, question)
    assert names_new_actor("The Conference of the Parties shall keep under review the implementation.", question)
    assert not names_new_actor("Each Party shall take appropriate measures.", terms("Who must each party report to?"))


def test_a_lead_sentence_quotes_verbatim_and_cites_one():
    text = "Each Party shall designate for the purposes of the present Convention: (a) a Management Authority."
    hit = Hit(doc_id="cites", ref="Art. IX(1)", display="CITES Convention, Art. IX(1)", text=text, score=1.0,
              citation_name="CITES Convention", doc_type="convention")
    parts = lead_parts(hit, "obligation", True, text, True)
    lead = lead_sentence(hit, parts)
    assert lead.startswith("Yes. A binding treaty obligation (“shall”) on each Party: under CITES Convention Art. IX(1)")
    assert f"“{text}” [1]" in lead
    long = "First sentence about nothing in particular at all here. " * 8 + "The permit is valid for six months."
    s, e = widen(long, (len(long) - 35, len(long)), terms("How long is the permit valid?"))
    assert long[s:e].endswith("six months.") and long[s:e] in long


def test_a_framing_clause_before_the_verb_keeps_a_question_polar():
    assert is_polar("Under EUROBATS, may a Party allow bats to be captured?")
    assert classify("In the Sharks MOU, is there a secretariat?") == "yes_no"
    assert not is_polar("Under CITES, what is a specimen?")


@pytest.mark.parametrize("question", [
    "When a State accedes to the Convention, may it exclude one species from its obligations?",
    "May the scale of contributions to the Trust Fund be amended by a two-thirds majority?",
    "Our government objects to an amendment just adopted - is it bound by it all the same?",
    "If a substance is already controlled under a separate specialised international instrument, does the Protocol apply to it?",
])
def test_a_question_that_opens_with_its_verb_is_yes_or_no_whatever_it_qualifies(question):
    """A "when" framing clause, a "how much" inside, a dash after context or a long "if" clause: still polar."""
    assert classify(question) == "yes_no"


def test_a_yes_no_question_about_a_figure_ranks_the_paragraph_stating_it():
    asked = "May the scale of how much each Party contributes be changed by a majority vote?"
    assert classify(asked) == "yes_no" and sought(asked, "yes_no") == "figure"
    framed = "When a State accedes to the Convention, may it exclude one species?"
    assert sought(framed, classify(framed)) == "yes_no"
    assert sought("How long is a permit valid?", "figure") == "figure"


def test_a_named_appendix_breaks_a_near_tie():
    def hit(ref: str, text: str, score: float) -> Hit:
        return Hit(doc_id="cites", ref=ref, display=ref, text=text, score=score)
    one = hit("Art. III(2)", "The export of any specimen of a species included in Appendix I shall ...", 1.0)
    three = hit("Art. V(2)", "The export of any specimen of a species included in Appendix III ...", 0.97)
    far = hit("Art. V(3)", "The import of any specimen of a species included in Appendix III ...", 0.5)
    assert designated_first([one, three, far], "And for Appendix III? export") == [three, one, far]
    assert designated_first([one, three, far], "export of Appendix I specimens") == [one, three, far]
    assert designated_first([one, far], "And for Appendix III?") == [one, far]  # not near enough to move up


@pytest.mark.parametrize("question, kind", [
    ("If the COP lists a new species on Appendix I, can a Party opt out of that listing?", "yes_no"),
    ("How far ahead must the text of a proposed protocol be sent to the Parties?", "figure"),
    ("Under what headings does the Action Plan set out actions?", "list"),
    ("To which body does the resolution ask the Secretariat to report?", "who"),
    ("What trade records does each Party have to keep?", "list"),
    ("Which functions does the Scientific Council have?", "list"),
    ("What do Parties have to report under the Protocol?", "obligation"),
    # a plural with its complement, then the verb; a sentence of context before the question
    ("Which kinds of water does the Protocol on Water and Health cover?", "list"),
    ("Which freedoms of the high seas does the 1958 Convention on the High Seas set out?", "list"),
    ("Which living modified organisms fall under the Supplementary Protocol?", "list"),
    ("Our ministry wants to align its work with the SPMS. Which goals does that Strategic Plan set?", "list"),
    ("Which facilities count as a nuclear installation under the Convention?", "explain"),  # a definition's words
])
def test_question_kinds_read_through_their_framing(question, kind):
    assert classify(question) == kind


# Sentences of the UNECE Water Convention and of CCAMLR (tests/fixtures/unseen2), as the treaties print them.
WATER_17_1 = ("The first meeting of the Parties shall be convened no later than one year after the date of the entry "
              "into force of this Convention. Thereafter, ordinary meetings shall be held every three years, or at "
              "shorter intervals as laid down in the rules of procedure.")
CCAMLR_XXVIII_1 = ("This Convention shall enter into force on the thirtieth day following the date of deposit of the "
                   "eighth instrument of ratification, acceptance or approval by States referred to in paragraph 1 of "
                   "Article XXVI of this Convention.")


def test_a_figure_is_the_frequency_asked_for_and_ends_on_a_whole_word():
    question = "How often do the Parties hold ordinary meetings?"
    assert figure_in(WATER_17_1, terms(question), question) == "every three years"
    question = "When is the first meeting convened?"
    figure = figure_in(WATER_17_1, terms(question), question)
    assert WATER_17_1.startswith(figure) or f" {figure}" in WATER_17_1
    assert figure.split()[-1] in WATER_17_1.replace(".", " ").split()  # never "... the date of the ent"


def test_a_locator_is_not_a_figure():
    question = "How many ratifications were needed for the convention to enter into force?"
    figure = figure_in(CCAMLR_XXVIII_1, terms(question), question)
    assert "eighth instrument" in figure and "paragraph 1" not in figure and not figure.startswith("1 ")

    # a document's symbol and a number's decimals are no figure (Sharks MOU para. 13(h))
    sharks = ("require that sharks be landed with each fin naturally attached in line with UN General Assembly "
              "Resolution 62/177 and with Recommendation 4.114 of the International Union for the Conservation of Nature")
    assert figure_in(sharks) == ""
    assert "1,000 dollars" in figure_in("a budget of 1,000 dollars")

# Convention on Nuclear Safety Art. 31(1) (tests/fixtures/unseen10), "twentysecond" as the source prints it.
CNS_31_1 = ("This Convention shall enter into force on the ninetieth day after the date of deposit with the Depositary "
            "of the twentysecond instrument of ratification, acceptance or approval, including the instruments of "
            "seventeen States, each having at least one nuclear installation which has achieved criticality in a "
            "reactor core.")


def test_a_count_is_found_inside_a_longer_figure_and_in_compound_number_words():
    """ "How many ratifications": the count sits inside the time phrase ("the ninetieth day after ... of the
    twentysecond instrument of ratification"), written as a compound; not "at least one nuclear installation"."""
    question = "How many ratifications did the Convention on Nuclear Safety need before it came into force?"
    assert figure_in(CNS_31_1, terms(question), question) == "the twentysecond instrument of ratification"
    question = "When did it enter into force?"
    assert figure_in(CNS_31_1, terms(question), question).startswith("on the ninetieth day after")


# Customs Convention on Containers Art. 2 and Budapest Treaty Art. 4(1)(a)(ii), as tests/fixtures/unseen50 and 51
# print them: the only numbers are locators ("articles 3 to 6 below", "paragraph (2)").
FIXTURES = Path(__file__).parent / "fixtures"


def _line(path: Path, opening: str) -> str:
    return next(l for l in path.read_text(encoding="utf-8").splitlines() if opening in l)


def test_a_range_of_articles_or_a_bracketed_paragraph_is_no_figure_and_how_long_wants_a_time():
    containers = FIXTURES / "unseen50" / "customs-containers-convention-1956.md"
    art2 = _line(containers, "Each of the Contracting Parties shall grant temporary admission")
    art3 = _line(containers, "Containers temporarily imported free of import duties")
    question = "How long can a foreign container stay in the country duty-free?"
    assert figure_in(art2, terms(question), question) == ""  # not "6 below"
    assert figure_in(art3, terms(question), question).startswith("within three months")
    assert not states_figure(art2, question) and states_figure(art3, question)
    deposit = _line(FIXTURES / "unseen51" / "microorganism-deposit-treaty-1977.md", "subject to paragraph (2) and")
    question = "How long does the depositor have to make a new deposit?"
    assert figure_in(deposit, terms(question), question) == ""  # not "2"
    # a count question still takes a count, and a time question a time where the text states one
    question = "How many members does the Board have?"
    board = _line(FIXTURES / "unseen45" / "educational-exchange-agreement-1972.md", "The Board shall consist of twelve")
    assert "twelve members" in figure_in(board, terms(question), question)


def test_a_time_asked_in_seconds_is_a_time():
    """ "How long may an electric shock last?": "no more than two seconds" (the 1979 slaughter convention, as
    tests/fixtures/unseen13 prints it) is the period asked for, and "periodically" never answers "how long"."""
    shock = _line(FIXTURES / "unseen13" / "slaughter-convention-1979.md", "provided that the shocks last no more")
    question = "How long may an electric shock used to move cattle or pigs last?"
    assert "two seconds" in figure_in(shock, terms(question), question)
    revised = "These targets shall be periodically revised."
    assert figure_in(revised, terms(question), question) == ""
    assert figure_in(revised, question="How often are the targets revised?") == "periodically"


CORPUS = Path(__file__).parent.parent / "corpus"


def test_regular_is_no_count_and_a_meeting_called_regular_no_frequency():
    """ "By how many Parties should membership increase?" is not answered by "Conduct regular ... workshops" (the
    CMS capacity-building text), nor "How often do the Parties meet?" by CITES Art. XI(4)'s "At each regular
    meeting": "regular" names a kind of meeting; "annually", "regularly" still answer "how often"."""
    workshops = _line(CORPUS / "cms-capacity-building-target-9.txt", "Conduct regular technical, thematic")
    workshops = workshops[workshops.index("Conduct"):]  # the paragraph's text, after its label "4.1.4"
    question = "By how many Parties should CMS membership increase under objective 4.1?"
    assert figure_in(workshops, terms(question), question) == ""
    assert not states_figure(workshops, question)
    venue = _line(CORPUS / "cites-convention-1973.md", "At each regular meeting, the Parties may determine")
    question = "How often does the CITES Conference of the Parties meet?"
    assert not figure_in(venue, terms(question), question).lower().startswith("regular")
    assert figure_in("The Parties shall report regularly to the Secretariat.", question="How often must Parties "
                     "report?") == "regularly"
