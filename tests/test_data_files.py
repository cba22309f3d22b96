"""The data files (instruments, query expansions): what they tag in the shipped corpus, how a user extends them,
the one-line errors a broken entry gives, and that they load from an installed package, not the checkout."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from mea_assistant.datafiles import parse_toml, read_toml
from mea_assistant.errors import MeaError
from mea_assistant.instruments import catalogue, load_catalogue
from mea_assistant.metadata import detect_conventions, own_instrument
from mea_assistant.naming import citation_name
from mea_assistant.queries import ACRONYMS, CONVENTION_NAMES, SYNONYMS, expand_acronyms, load_expansions, \
    named_conventions

ROOT = Path(__file__).resolve().parent.parent

# What every shipped document is tagged with: its own instrument first (by its title), then those its title block
# names, then those its body names 3+ times, then parents. Issue 11 added the CMS Family and other MEAs to
# data/instruments.toml, so documents now also carry the MOUs, BBNJ, ITPGRFA and World Heritage they cite; the
# wider list of round 6 adds ICCAT to the CITES Secretariat's response, which names the tuna commission 3+ times.
# Parser v48 (round 21) reads the title block as the short lines of the head only: the conventions a preamble run onto
# one line recalls (AEWA's CBD and Ramsar, Nagoya's ITPGRFA) are no longer tags, unless the body names them 3+ times.
CORPUS_TAGS = {
    "aewa-agreement-1995": ("AEWA", "CMS"),
    "cbd-convention-1992": ("CBD",),
    "cites-convention-1973": ("CITES",),
    "cites-cooperation-response-2025": ("CITES", "World Heritage", "CBD", "CMS", "ICCAT"),
    "cms-capacity-building-target-9": ("CMS",),
    "cms-cites-jwp-2012-2014": ("CMS", "CITES", "Sharks MOU"),
    "cms-convention-1979": ("CMS",),
    "cms-res-11-10-synergies-partnerships": ("CMS", "BBNJ", "CBD", "Ramsar", "UNCLOS"),
    "dugong-mou-mos3-spms": ("CMS", "Dugong MOU", "CBD"),
    "nagoya-protocol-2010": ("Nagoya", "CBD"),
    "ramsar-convention-1971": ("Ramsar",),
    "sharks-mou-2010": ("Sharks MOU", "CMS", "CITES"),
}


def test_shipped_documents_keep_their_instruments(corpus_docs):
    assert {d: doc.conventions for d, doc in corpus_docs.items()} == CORPUS_TAGS
    assert corpus_docs["nagoya-protocol-2010"].citation_name == "Nagoya Protocol"
    assert corpus_docs["cms-convention-1979"].citation_name == "CMS Convention"
    assert corpus_docs["sharks-mou-2010"].citation_name == "Sharks MOU"


def test_instruments_known_only_by_name_do_not_steer_questions():
    in_questions = {i.code for i in catalogue().in_questions()}
    # the shipped corpus's conventions, and agreements a question names in words no document alias matches ("the
    # Gorilla Agreement", "the Kunming-Montreal framework"): abstention reads those names (round 45); the Sharks MOU,
    # in the shipped corpus, by its subject ("the CMS Memorandum of Understanding on migratory sharks", round 47); the
    # Samarkand Strategic Plan, which a shipped resolution names but whose targets no text holds (round 64)
    assert in_questions == {"CITES", "CMS", "Ramsar", "CBD", "Nagoya", "AEWA", "KMGBF", "Gorilla Agreement", "IWC",
                            "Wadden Sea Seals", "ASEAN Haze", "Western Hemisphere", "Sharks MOU", "SPMS"}
    order = list(catalogue().question_order)
    assert [code for _, code in CONVENTION_NAMES][:len(order)] == order
    assert named_conventions("Does the Basel Convention or the UNFCCC cover this?") == []
    assert named_conventions("How do the Bonn Convention and CITES cooperate?") == ["CITES", "CMS"]
    # "treaty" as delegates say it, for a convention named by its subject; not another "biodiversity treaty" (BBNJ)
    assert named_conventions("Who does the bureau work for the wetlands treaty?") == ["Ramsar"]
    assert named_conventions("Does the migratory species treaty cover bats?") == ["CMS"]
    assert named_conventions("Will the high seas biodiversity treaty need ratifying?") == []


def test_an_added_instrument_tags_an_unseen_treaty():
    title = "Basel Convention on the Control of Transboundary Movements of Hazardous Wastes and their Disposal"
    body = "The Parties to the Basel Convention ... shall ... " * 3
    own = own_instrument(title)
    conventions = detect_conventions(title, title, body, own)
    assert own == "Basel" and conventions == ("Basel",)
    assert citation_name(title, title, conventions, "convention", own, None, None) == ("Basel Convention", "data file")


def test_a_treaty_is_named_by_its_title_not_by_the_convention_its_preamble_names():
    title = "The Agreement on the Conservation of Populations of European Bats"
    body = "Recalling the Convention on the Conservation of Migratory Species of Wild Animals ... CMS " * 3
    own = own_instrument(title)
    conventions = detect_conventions(title, body[:200], body, own)
    assert own == "EUROBATS" and conventions[:2] == ("EUROBATS", "CMS")
    assert citation_name(title, "", conventions, "agreement", own, None, None)[0] == "EUROBATS"
    unknown = "Agreement on the Conservation of Pelagic Seabirds of the Southern Ocean"
    conventions = detect_conventions(unknown, body[:200], body, own_instrument(unknown))
    assert conventions[0] == "CMS"  # tagged with the convention it names, for filtering ...
    name, source = citation_name(unknown, "", conventions, "agreement", own_instrument(unknown), None, None)
    assert name == unknown and source == "title block"  # ... but named after itself


def test_a_protocol_to_a_known_convention_is_not_that_convention():
    """The title names the parent after "to the": the text is the protocol's, named as the data file names it, or
    after its own title when the file does not know it; never after its parent."""
    london = "1996 Protocol to the Convention on the Prevention of Marine Pollution by Dumping of Wastes and Other Matter, 1972"
    assert own_instrument(london) == "London Protocol"
    assert citation_name(london, "", ("London Protocol", "London Convention"), "protocol", "London Protocol", None,
                         None) == ("London Protocol", "data file")
    heavy_metals = "Protocol to the 1979 Convention on Long-range Transboundary Air Pollution on Heavy Metals"
    assert own_instrument(heavy_metals) == "Heavy Metals Protocol"  # the file knows it by how its title goes on
    unknown = "Protocol to the 1979 Convention on Long-range Transboundary Air Pollution on Black Carbon"
    assert own_instrument(unknown) is None
    assert citation_name(unknown, "", ("LRTAP",), "protocol", None, None, None)[0] == unknown


def test_a_title_printed_in_capitals_is_named_as_a_title():
    title = "AGREEMENT ON THE CONSERVATION OF POLAR BEARS"
    assert citation_name(title, "", ("other",), "agreement", None, None, None)[0] == \
        "Agreement on the Conservation of Polar Bears"
    assert citation_name("CONVENTION ON WETLANDS (RAMSAR, IRAN, 1971)", "", ("other",), "convention", None, None,
                         None)[0] == "Convention on Wetlands (Ramsar, Iran, 1971)"


@pytest.mark.parametrize("title,name", [
    ("Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United Nations Convention "
     "against Transnational Organized Crime", "Protocol against the Smuggling of Migrants by Land, Sea and Air"),
    ("Terms of Reference of the International Nickel Study Group, as adopted on 2 May 1986 by the United Nations "
     "Conference on Nickel, 1985", "Terms of Reference of the International Nickel Study Group"),
    ("Agreement on illicit traffic by sea, implementing Article 17 of the United Nations Convention against illicit "
     "traffic in narcotic drugs and psychotropic substances", "Agreement on illicit traffic by sea"),
])
def test_a_long_title_is_cited_without_its_rider(title, name):
    """What a long title adds after the instrument's own name (what it supplements or implements, when it was
    adopted) is left out of the name delegates cite, never cut mid-phrase or with "..."."""
    assert citation_name(title, "", ("other",), "protocol", None, None, None)[0] == name


def test_a_protocol_brings_its_convention_and_an_mou_brings_cms_when_it_names_it():
    assert detect_conventions("Nagoya Protocol on Access", "", "") == ("Nagoya", "CBD")
    mou = "Memorandum of Understanding on the Conservation of Migratory Birds of Prey"
    assert detect_conventions(mou, mou, "under Article IV of CMS") == ("CMS",)
    assert detect_conventions(mou, mou, "no convention named") == ("other",)


def test_every_entry_says_where_it_comes_from():
    data, _ = read_toml("instruments.toml")
    assert all(row.get("source") for row in data["instrument"])
    expansions, _ = read_toml("expansions.toml")
    rows = expansions["acronym"] + expansions["synonym"] + expansions["adjectives"]
    assert all(row["source"].strip() and row["origin"] in ("treaty", "glossary", "glossary-treaty-law")
               for row in rows)  # nothing written from the evaluation set


def test_acronyms_and_plurals_expand():
    assert ACRONYMS["NBSAPS"] == ACRONYMS["NBSAP"] and "COPS" not in ACRONYMS
    assert "national biodiversity strategies" in expand_acronyms("What do NBSAPs contain?")
    assert expand_acronyms("the kmgbf targets") == "the kmgbf targets"  # lower case is a word, not an acronym
    assert any("denounce" in words for pattern, words in SYNONYMS)


def _added(question: str) -> set[str]:
    return {w for pattern, words in SYNONYMS if re.search(pattern, question, re.I) for w in words.split()}


def test_leaving_a_treaty_is_not_leaving_something_out_or_taking_leave():
    """"leave the Convention" is a withdrawal; "leave out" a scope exclusion, "maternity leave" a right."""
    assert "denounce" in _added("When can a country leave the Convention?")
    assert "denounce" in _added("How does leaving the Convention work?")
    assert "denounce" not in _added("Which groups of workers can a country leave out of the convention?")
    assert "denounce" not in _added("What is the minimum length of maternity leave?")
    assert "denounce" not in _added("Is a school-leaving certificate recognised?")


def test_a_wetland_named_by_its_type_is_a_wetland():
    """The Ramsar Classification System for Wetland Type: tundra pools, bogs, kelp beds, rice fields are wetlands."""
    for question in ("Do tundra pools count?", "our peat bogs", "kelp beds along the coast", "rice paddies"):
        assert "wetlands" in _added(question), question
    assert "wetlands" not in _added("Which birds migrate across the Sahara?")


BROKEN = [
    ('[[instrument]]\ncode = "X"\nname = "X"\nalias = ["x"]\n', "[[instrument]] entry 1 (X): unknown key 'alias'"),
    ('[[instrument]]\nname = "X"\n', "[[instrument]] entry 1: the key 'code' is missing"),
    ('[[instrument]]\ncode = "X"\nname = "X"\naliases = [\'(?i:x\']\n', "entry 1 (X), aliases: the regular expression"),
    ('[[instrument]]\ncode = "X"\nname = "X"\nparent = "Y"\n', "X: parent 'Y' is not the code of any [[instrument]]"),
    ('[[instrument]]\ncode = "X"\nname = "X"\n[[instrument]]\ncode = "X"\nname = "Z"\n', "the code 'X' is used twice"),
    ('question_order = ["Y"]\n[[instrument]]\ncode = "X"\nname = "X"\n', "question_order must list codes"),
    ('[[instrument]]\ncode = "X"\nname = "X"\naliases = "x"\n', "'aliases' must be a list of strings"),
    ('[[instrument]\ncode = "X"\n', "not valid TOML"),
]


@pytest.mark.parametrize(("text", "message"), BROKEN)
def test_a_broken_instruments_file_names_the_entry_and_key(text, message):
    with pytest.raises(MeaError) as err:
        load_catalogue(parse_toml(text, "my-instruments.toml"), "my-instruments.toml")
    assert str(err.value).startswith("my-instruments.toml: ") and message in str(err.value)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(("text", "message"), [
    ('[[synonym]]\npattern = "x"\nwords = "y"\norigin = "eval"\nsource = "q1"\n', "origin 'eval': use one of"),
    ('[[synonym]]\npattern = "x"\nwords = "y"\norigin = "hunch"\nsource = "me"\n', "origin 'hunch': use one of"),
    ('[[acronym]]\nacronym = "Cop"\nwords = "y"\norigin = "treaty"\nsource = "z"\n', "in capital letters only"),
    ('[[acronym]]\nacronym = "COP"\nwords = "y"\norigin = "treaty"\n', "the key 'source' is missing"),
    ('[[adjectives]]\ncountries = ["Dutch Netherlands"]\norigin = "glossary"\nsource = "z"\n', "write 'Adjective: Country'"),
])
def test_a_broken_expansions_file_names_the_entry(text, message):
    with pytest.raises(MeaError, match=message):
        load_expansions(parse_toml(text, "x.toml"), "x.toml")


def test_data_files_load_from_an_installed_layout(tmp_path):
    """Copy the package as a wheel would (modules plus the package-data globs of pyproject.toml) and import it
    with `-S` (no site-packages, so not the editable checkout): the data must come from the copy."""
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    source = ROOT / "src" / "mea_assistant"
    target = tmp_path / "site" / "mea_assistant"
    for path in source.rglob("*.py"):
        (target / path.relative_to(source)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target / path.relative_to(source))
    for pattern in package_data["mea_assistant"]:
        for path in source.glob(pattern):
            (target / path.relative_to(source)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target / path.relative_to(source))
    shipped = {p.relative_to(source) for p in (source / "data").iterdir() if p.is_file()}
    assert shipped == {p.relative_to(target) for p in (target / "data").iterdir()}, "pyproject.toml misses data"
    code = ("from mea_assistant.datafiles import read_toml; import mea_assistant.queries as q, mea_assistant.metadata;"
            "print(read_toml('instruments.toml')[1]); print(len(q.ACRONYMS), len(q.SYNONYMS), len(q.CONVENTION_NAMES))")
    out = subprocess.run([sys.executable, "-S", "-c", code], cwd=tmp_path, env={"PYTHONPATH": str(tmp_path / "site")},
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    where, counts = out.stdout.splitlines()
    assert Path(where) == target / "data" / "instruments.toml"
    assert counts == f"{len(ACRONYMS)} {len(SYNONYMS)} {len(CONVENTION_NAMES)}"


def test_an_edit_only_questions_read_keeps_the_index_and_any_other_rebuilds_it(tmp_path, monkeypatch):
    """A question alias or a note on a name's source changes no indexed document, so the index built with the file
    stays usable; a document alias changes how documents are tagged, so the index must be rebuilt."""
    from mea_assistant import datafiles
    from mea_assistant.settings import QUESTION_ONLY_KEYS

    text = (Path(datafiles.__file__).parent / "data" / "instruments.toml").read_text(encoding="utf-8")
    monkeypatch.setattr(datafiles, "_resource", lambda name: tmp_path / name)

    def signature(edited: str) -> str:
        (tmp_path / "instruments.toml").write_text(edited, encoding="utf-8")
        return datafiles.digest("instruments.toml", QUESTION_ONLY_KEYS)

    before = signature(text)
    cites = "question_aliases = ['\\bCITES\\b', "
    assert cites in text
    assert signature(text.replace(cites, cites + "'(?i:wildlife trade pact)', ")) == before
    assert signature(text.replace("source = ", "source = 'also: a note' # ", 1)) == before
    assert signature(text.replace("aliases = ['\\bCITES\\b', ", "aliases = ['\\bCITES\\b', '(?i:Trade Pact)', ", 1)) != before
