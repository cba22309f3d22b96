"""`mea-assistant`: thin commands over the `Assistant` API. Expected problems print one line and exit 2."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Callable, NoReturn, Sequence

from .errors import MeaError
from .settings import Settings
from .types import display_name


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one `error:` line (with where to look) and exit 2, like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"error: {message} (see `{self.prog} --help`)\n")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return value


def _add_index(p: argparse.ArgumentParser) -> None:
    p.add_argument("--index", type=Path, help="index folder (default: MEA_INDEX_DIR or index/)")


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--convention", action="append", default=[], help="only this convention (CMS, CITES, ...)")
    p.add_argument("--doc-type", action="append", default=[], help="only this document type (resolution, ...)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="mea-assistant", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="build or update the index from the corpus; repairs a damaged index")
    p.add_argument("--corpus", type=Path, help="corpus folder (default: MEA_CORPUS_DIR or corpus/)")
    p.add_argument("--replace", action="store_true",
                   help="rebuild an index that was built from another corpus folder (refused without it)")
    _add_index(p)

    p = sub.add_parser("check", help="the index's health in plain words (exit 1 when damaged or missing)")
    p.add_argument("--corpus", type=Path, help="corpus folder to compare with (default: MEA_CORPUS_DIR or corpus/)")
    _add_index(p)

    p = sub.add_parser("search", help="ranked paragraphs for a query (hybrid retrieval)")
    p.add_argument("query")
    p.add_argument("--k", type=_positive, default=10, help="paragraphs to list (default 10)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--retriever", choices=["hybrid", "dense", "bm25"])
    _add_filters(p)
    _add_index(p)

    p = sub.add_parser("ask", help="answer a question with cited paragraphs")
    p.add_argument("question")
    p.add_argument("--history", type=Path, help="JSON file: list of {role, content} turns, oldest first")
    p.add_argument("--json", action="store_true", help="print the result object of eval-format.md")
    p.add_argument("--retriever", choices=["hybrid", "dense", "bm25"])
    _add_filters(p)
    _add_index(p)

    p = sub.add_parser("chat", help="interactive conversation in the terminal")
    _add_filters(p)
    _add_index(p)

    p = sub.add_parser("paragraphs", help="parsed paragraphs of one or all documents")
    p.add_argument("doc_id", nargs="?")
    p.add_argument("--json", action="store_true")
    p.add_argument("--dropped", action="store_true",
                   help="list the lines left out of every paragraph (page furniture) and why")
    _add_index(p)

    p = sub.add_parser("docs", help="indexed documents with their metadata")
    p.add_argument("--json", action="store_true")
    _add_index(p)

    sub.add_parser("settings", help="the settings in force and their environment variables")

    p = sub.add_parser("eval", help="run an evaluation set through the assistant")
    p.add_argument("--dataset", type=Path, default=Path("evals/dev.jsonl"),
                   help="evaluation set (default: the development part; CI gates on evals/test.jsonl)")
    p.add_argument("--out", type=Path, default=Path("eval-out/latest"))
    p.add_argument("--retriever", choices=["hybrid", "dense", "bm25"], default="hybrid")
    p.add_argument("--k", type=_positive, default=5, help="cut-off for hit@k (default 5)")
    p.add_argument("--compare", type=Path, help="another eval output folder to compare with")
    p.add_argument("--thresholds", type=Path, help="fail (exit 1) when a metric is below its minimum in this TOML")
    _add_index(p)

    p = sub.add_parser("brief", help="a cited briefing note on a topic")
    p.add_argument("topic")
    p.add_argument("--out", type=Path, help="note.md or note.docx (default: print Markdown)")
    p.add_argument("--json", action="store_true", help="print the note as one JSON object")
    _add_filters(p)
    _add_index(p)

    p = sub.add_parser("eval-brief", help="score briefing notes on a briefing set (provisions cited, ...)")
    p.add_argument("--dataset", type=Path, default=Path("evals/briefing-dev.jsonl"),
                   help="briefing set (default: the development part; report evals/briefing-test.jsonl)")
    p.add_argument("--out", type=Path, help="folder for the notes, per-topic results and metrics")
    _add_index(p)
    return parser


def _assistant(settings: Settings):  # type: ignore[no-untyped-def]
    """Imported here so `settings` and argument errors answer without loading the retrieval stack."""
    from .assistant import Assistant

    return Assistant(settings)


def _print_answer(answer: Any) -> None:
    print(answer.text)
    if answer.rewritten_query != answer.question:
        print(f"\n(searched for: {answer.rewritten_query})")
    if answer.citations:
        print("\nSources:")
        for c in answer.citations:
            print(f"  [{c.marker}] {c.display}\n      “{c.quote}”")
    elif answer.related:
        print("\nPossibly related (not cited):")
        for h in answer.related:
            print(f"  - {h.display}: {h.text[:160]}")


def _load_history(path: Path | None) -> list[dict[str, str]]:
    if path is None:
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:  # unreadable, not UTF-8, not JSON
        raise MeaError(f"{path}: cannot read the history file ({exc}); it must be a JSON list of "
                       "{{\"role\", \"content\"}} objects") from exc
    if not isinstance(data, list) or not all(isinstance(t, dict) and "role" in t and "content" in t for t in data):
        raise MeaError(f"{path}: the history must be a JSON list of {{\"role\", \"content\"}} objects")
    return data


# ----- one function per command: (parsed arguments, validated settings) -> exit code -----------------------
def show_settings(args: argparse.Namespace, settings: Settings) -> int:
    for name, value, doc in settings.describe():
        print(f"{name:28} {value:40} {doc}")
    return 0


def ingest(args: argparse.Namespace, settings: Settings) -> int:
    from .embedding import get_embedder
    from .ingest import ingest as run_ingest
    from .progress import Progress

    report = run_ingest(settings, lambda: get_embedder(settings.embed_model, settings.embed_backend, bulk=True),
                        Progress.for_terminal(sys.stderr),
                        replace=args.replace)
    print(report.summary())
    return 0


def check(args: argparse.Namespace, settings: Settings) -> int:
    from .health import check as check_index

    health = check_index(settings)
    print("\n".join(health.lines()))
    return 0 if health.sound else 1


def search(args: argparse.Namespace, settings: Settings) -> int:
    assistant = _assistant(settings)
    assistant.load()
    hits = assistant.search(args.query, k=args.k, conventions=args.convention, doc_types=args.doc_type,
                            mode=args.retriever)
    if args.json:
        for h in hits:
            print(json.dumps(h.to_json(), ensure_ascii=False))
    else:
        for i, h in enumerate(hits, 1):
            print(f"{i:2}. {h.display}  (score {h.score:.4f})\n    {h.text[:300]}")
    return 0


def ask(args: argparse.Namespace, settings: Settings) -> int:
    history = _load_history(args.history)
    assistant = _assistant(settings)
    assistant.load()
    answer = assistant.ask(args.question, history=history, conventions=args.convention,
                                      doc_types=args.doc_type, mode=args.retriever)
    if args.json:
        print(json.dumps(answer.to_result(), ensure_ascii=False))
    else:
        _print_answer(answer)
    return 0


def chat(args: argparse.Namespace, settings: Settings) -> int:
    return _chat(_assistant(settings), args)


def paragraphs(args: argparse.Namespace, settings: Settings) -> int:
    documents = _assistant(settings).index.documents
    if args.doc_id and args.doc_id not in documents:
        raise MeaError(f"no document '{args.doc_id}' in the index; `mea-assistant docs` lists them")
    for doc in ([documents[args.doc_id]] if args.doc_id else documents.values()):
        if args.dropped:
            _print_dropped(doc, args.json)
            continue
        for p in doc.paragraphs:
            if args.json:
                print(json.dumps({"doc_id": p.doc_id, "ref": p.ref, "section": p.section_path, "text": p.text,
                                  "lead_in": p.lead_in, "kind": p.kind, "position": p.position, "meta": p.meta,
                                  "footnotes": list(p.footnotes)}, ensure_ascii=False))
            else:
                print(f"[{display_name(doc.citation_name, p.ref)}] {p.text}")
                for note in p.footnotes:
                    print(f"    footnote: {note}")
    return 0


def _print_dropped(doc: Any, as_json: bool) -> None:
    """Every line of the source that is in no paragraph, with the reason: nothing is dropped silently."""
    if as_json:
        for d in doc.dropped:
            print(json.dumps({"doc_id": doc.doc_id, "text": d.text, "reason": d.reason, "line": d.line,
                              "page": d.page}, ensure_ascii=False))
        return
    print(f"{doc.doc_id}: {len(doc.dropped)} line(s) dropped")
    for d in doc.dropped:
        where = f"page {d.page}, line {d.line}" if d.page else f"line {d.line}"
        print(f"  {where:>18}  {d.reason}: {d.text}")


_DOC_FIELDS = (("name", "citation_name"), ("title", "title"), ("type", "doc_type"), ("conventions", "conventions"),
               ("symbol", "symbol"), ("adopted_by", "adopted_by"), ("session", "session"), ("date", "date"),
               ("language", "language"), ("status", "status"), ("source_url", "source_url"))


def docs(args: argparse.Namespace, settings: Settings) -> int:
    """Each document's metadata, every field with where its value came from (title block, data file,
    override, file name, text)."""
    for doc in _assistant(settings).index.documents.values():
        meta = doc.metadata()
        if args.json:
            print(json.dumps(meta, ensure_ascii=False))
            continue
        print(f"{doc.doc_id}  ({meta['paragraph_count']} paragraphs, {meta['dropped_count']} dropped lines)")
        for label, key in _DOC_FIELDS:
            value = getattr(doc, key)
            if isinstance(value, tuple):
                value = "/".join(value)
            if value in (None, ""):
                continue
            source = doc.provenance.get("conventions" if key == "conventions" else label, "")
            print(f"  {label:12} {str(value):60} {('(' + source + ')') if source else ''}")
        print(f"  {'file':12} {doc.source_path:60} (file name: document id {doc.doc_id})")
    return 0


def evaluate(args: argparse.Namespace, settings: Settings) -> int:
    from .evaluation import run_cli

    return run_cli(_assistant(settings), args)


def brief(args: argparse.Namespace, settings: Settings) -> int:
    from .briefing.cli import run_cli

    return run_cli(_assistant(settings), args)


def evaluate_briefing(args: argparse.Namespace, settings: Settings) -> int:
    from .evaluation.briefing import run_cli

    return run_cli(_assistant(settings), args.dataset, args.out)


COMMANDS: dict[str, Callable[[argparse.Namespace, Settings], int]] = {
    "ingest": ingest, "check": check, "search": search, "ask": ask, "chat": chat, "paragraphs": paragraphs,
    "docs": docs, "settings": show_settings, "eval": evaluate, "brief": brief, "eval-brief": evaluate_briefing,
}


def run(args: argparse.Namespace) -> int:
    """Settings are read and checked once, here, before any command loads a model or an index."""
    settings = Settings.from_env(index_dir=getattr(args, "index", None), corpus_dir=getattr(args, "corpus", None))
    return COMMANDS[args.command](args, settings)


def _chat(assistant: Any, args: argparse.Namespace) -> int:
    history: list[dict[str, str]] = []
    print("MEA Assistant: ask about the indexed agreements ('new' starts over, 'quit' ends).")
    assistant.warm_up()
    while True:
        try:
            question = input("\n> ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if question.lower() in ("quit", "exit", "q"):
            return 0
        if question.lower() == "new":
            history = []
            continue
        if not question:
            continue
        try:
            answer = assistant.ask(question, history=history, conventions=args.convention, doc_types=args.doc_type)
        except MeaError as exc:
            print(f"error: {exc}")
            continue
        _print_answer(answer)
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": answer.text}]


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error already printed as one line (2)
        return exc.code if isinstance(exc.code, int) else 2
    try:
        return run(args)
    except MeaError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; the previous index is unchanged", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr.close()
        return 0
    except OSError as exc:  # a folder or file the user named cannot be read or written (permissions, full disk)
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
