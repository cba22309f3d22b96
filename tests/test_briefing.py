"""Briefing notes on the real index: structure, citations on every bullet, consistent references, exports."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from mea_assistant.briefing import Note, build_note, run_cli, to_docx, to_markdown
from mea_assistant.errors import InputError, MeaError

pytestmark = pytest.mark.slow
TOPIC = "cooperation between CMS and CITES"
SECTIONS = ["Key provisions", "Requests and actions addressed to Parties",
            "Requests and actions addressed to Secretariats", "Related instruments and cooperation", "Open points"]


@pytest.fixture(scope="module")
def note(assistant) -> Note:  # type: ignore[no-untyped-def]
    return build_note(assistant, TOPIC)


def test_note_has_the_sections_in_order(note: Note) -> None:
    assert [s.title for s in note.sections] == SECTIONS
    assert note.purpose and TOPIC in note.purpose
    for key in ("key", "parties", "secretariats", "related"):
        assert note.section(key).bullets, f"section {key} is empty"


def test_every_bullet_cites_and_references_match_markers(note: Note) -> None:
    for section in note.sections:
        for bullet in section.bullets:
            assert bullet.refs, f"{section.title}: bullet without a reference: {bullet.text[:80]}"
    numbers = [r.number for r in note.references]
    assert numbers == list(range(1, len(numbers) + 1)), "references are numbered 1..n without gaps"
    assert note.markers() == set(numbers), "every reference is cited and every marker has a reference"
    keys = [(r.doc_id, r.ref, r.text) for r in note.references]
    assert len(keys) == len(set(keys)), "a paragraph appears once in the references"
    for r in note.references:
        assert r.quote and r.quote in r.text, "the quoted words are verbatim from the paragraph"
        assert r.display.endswith(r.ref)


def test_numbers_follow_reading_order(note: Note) -> None:
    seen: list[int] = []
    for section in note.sections:
        for bullet in section.bullets:
            seen += [n for n in bullet.refs if n not in seen]
    assert seen == sorted(seen)


def test_key_provisions_are_grouped_by_instrument(note: Note) -> None:
    groups = [b.group for b in note.section("key").bullets]
    assert all(groups)
    first_seen = list(dict.fromkeys(groups))
    assert groups == sorted(groups, key=first_seen.index), "bullets of one instrument are together"


def test_the_joint_work_programme_is_cited(note: Note) -> None:
    assert any(r.doc_id in ("cms-cites-jwp-2012-2014", "cms-res-11-10-synergies-partnerships")
               for r in note.references)


def test_markdown_export(note: Note) -> None:
    md = to_markdown(note)
    assert md.startswith(f"# Briefing note: {TOPIC}")
    for title in SECTIONS + ["References"]:
        assert f"\n## {title}\n" in md
    bullets = [line for line in md.splitlines() if line.startswith("- ")]
    assert bullets and all(re.search(r"\[\d+\]$", line) for line in bullets)
    cited = {int(n) for line in bullets for n in re.findall(r"\[(\d+)\]", line)}
    listed = {int(n) for n in re.findall(r"^\[(\d+)\] ", md.split("\n## References\n")[1], re.M)}
    assert cited == listed == {r.number for r in note.references}


def test_docx_opens_and_contains_the_references(note: Note, tmp_path: Path) -> None:
    import docx

    path = to_docx(note, tmp_path / "note.docx")
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for title in SECTIONS + ["References"]:
        assert title in headings
    text = "\n".join(p.text for p in document.paragraphs)
    for r in note.references:
        assert f"[{r.number}] {r.display}" in text
        assert r.quote in text
    bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets and all(re.search(r"\[\d+\]$", p.text) for p in bullets)
    assert any(run.font.superscript for p in bullets for run in p.runs), "markers are superscript, footnote-style"


def test_document_type_filter_is_respected(assistant) -> None:  # type: ignore[no-untyped-def]
    docs = assistant.index.documents
    note = build_note(assistant, TOPIC, doc_types=["resolution"])
    assert note.references
    assert all(docs[r.doc_id].doc_type == "resolution" for r in note.references)
    assert "document types resolution" in note.purpose


def test_convention_filter_is_respected(assistant) -> None:  # type: ignore[no-untyped-def]
    docs = assistant.index.documents
    note = build_note(assistant, TOPIC, conventions=["CITES"])
    assert note.references
    assert all("CITES" in docs[r.doc_id].conventions for r in note.references)
    assert "conventions CITES" in note.purpose


def test_empty_topic_is_refused(assistant) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError):
        build_note(assistant, "   ")


def test_run_cli_writes_md_and_docx_and_refuses_other_suffixes(
        assistant, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    def args(out: Path | None) -> argparse.Namespace:
        return argparse.Namespace(topic=TOPIC, convention=[], doc_type=[], out=out)

    with pytest.raises(MeaError, match=r"\.md .*\.docx"):
        run_cli(assistant, args(tmp_path / "note.pdf"))
    assert run_cli(assistant, args(tmp_path / "note.md")) == 0
    assert (tmp_path / "note.md").read_text(encoding="utf-8").startswith("# Briefing note")
    assert run_cli(assistant, args(tmp_path / "out" / "note.docx")) == 0
    assert (tmp_path / "out" / "note.docx").stat().st_size > 5000
    capsys.readouterr()
    assert run_cli(assistant, args(None)) == 0
    assert "## References" in capsys.readouterr().out
