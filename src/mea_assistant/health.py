"""Is the live index whole? Each part checked against the manifest, and the answer in plain words.

`mea-assistant check` prints it; `ingest` runs it first and rebuilds when any part is damaged, instead of
trusting a build whose stores no longer match what its manifest says was written. The checks read every
part the way a question would (open the collections, search one vector, load BM25), so what passes here
also answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .builds import COLLECTION, SENTENCES, has_index, live_build, load_documents, load_manifest, pointer_problem
from .corpus import file_digest, identity, same_corpus, scan
from .errors import IndexDamaged, MeaError, StoreError
from .lock import holder
from .settings import Settings
from .stores.bm25 import BM25Store
from .stores.chroma import ChromaStore


@dataclass
class Finding:
    part: str  # "pointer", "manifest", "documents", "vectors", "sentences", "bm25", "settings", "corpus", "ingest"
    ok: bool
    text: str
    damage: bool = True  # a failed part that makes the build unusable (vs. stale, other settings, busy)


@dataclass
class Health:
    index_dir: Path
    exists: bool = True
    build: Path | None = None
    manifest: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    @property
    def damaged(self) -> bool:
        return any(not f.ok and f.damage for f in self.findings)

    @property
    def sound(self) -> bool:
        """An index is here and every part of it can be read and matches its manifest."""
        return self.exists and self.build is not None and not self.damaged

    def add(self, part: str, ok: bool, text: str, damage: bool = True) -> None:
        self.findings.append(Finding(part, ok, text, damage))

    def lines(self) -> list[str]:
        if not self.exists:
            return [f"No index in {self.index_dir}: run `mea-assistant ingest` to build one."]
        out = [f"Index {self.index_dir}" + (f" (build {self.build.name}, made {self.manifest.get('built_at', '?')})"
                                           if self.build is not None and self.manifest else "")]
        out += [f"  {'ok     ' if f.ok else 'PROBLEM'}  {f.text}" for f in self.findings]
        if self.damaged:
            out.append("The index is damaged: run `mea-assistant ingest` to rebuild it (what was embedded is reused).")
        elif any(not f.ok for f in self.findings):
            out.append("The index can be read, but see the problems above.")
        else:
            out.append("The index is healthy.")
        return out


def check_stores(build: Path, manifest: dict[str, Any]) -> list[Finding]:
    """Both Chroma collections and the BM25 index opened, read and counted against the manifest."""
    findings = []
    for part, name, expected in (("vectors", COLLECTION, manifest.get("chunks")),
                                 ("sentences", SENTENCES, manifest.get("sentences"))):
        store = None
        try:
            store = ChromaStore.open(build / "chroma", name)
            count = store.count()
            store.probe()
        except StoreError as exc:
            findings.append(Finding(part, False, str(exc)))
            continue
        finally:
            if store is not None:
                store.close()
        if expected is not None and count != expected:
            findings.append(Finding(part, False, f"the Chroma collection '{name}' holds {count:,} vectors; the "
                                                 f"manifest says {expected:,} were written"))
        else:
            findings.append(Finding(part, True, f"Chroma collection '{name}': {count:,} vectors"))
    try:
        count = BM25Store.open(build / "bm25").count()
    except StoreError as exc:
        findings.append(Finding("bm25", False, str(exc)))
        return findings
    if count != manifest.get("chunks"):
        findings.append(Finding("bm25", False, f"the BM25 index holds {count:,} chunks; the manifest says "
                                               f"{manifest.get('chunks'):,}"))
    else:
        findings.append(Finding("bm25", True, f"BM25 index: {count:,} chunks"))
    return findings


def _check_corpus(health: Health, settings: Settings, manifest: dict[str, Any]) -> None:
    recorded = manifest.get("corpus")
    if not same_corpus(recorded, settings.corpus_dir):
        health.add("corpus", False, f"built from the corpus {recorded['path']}, not "
                                    f"{identity(settings.corpus_dir)['path']} (MEA_CORPUS_DIR / --corpus)", damage=False)
        return
    try:
        found = scan(settings.corpus_dir)
    except MeaError as exc:
        health.add("corpus", False, str(exc), damage=False)
        return
    known = manifest.get("files", {})
    changed = [p.name for p in found.files if p.stem not in known or known[p.stem].get("sha256") != _digest(p)]
    gone = sorted(set(known) - {p.stem for p in found.files})
    if changed or gone:
        what = ", ".join(changed[:5] + [f"{g} (removed)" for g in gone[:5]])
        health.add("corpus", False, f"the corpus changed since this build ({what}); run `mea-assistant ingest` "
                                    "to update the index", damage=False)
    else:
        health.add("corpus", True, f"corpus {identity(settings.corpus_dir)['path']}: unchanged since the build")


def _digest(path: Path) -> str:
    try:
        return file_digest(path)
    except OSError:
        return ""


def check(settings: Settings, corpus: bool = True) -> Health:
    """Every part of the live build, then (with `corpus`) whether the corpus still matches it."""
    index_dir = settings.index_dir
    health = Health(index_dir)
    busy = holder(index_dir) if index_dir.is_dir() else None
    if busy is not None:
        health.add("ingest", False, f"an ingest is running ({busy.describe()}); readers keep the current build "
                                    "until it finishes", damage=False)
    if not has_index(index_dir):
        health.exists = False
        return health
    problem = pointer_problem(index_dir)
    if problem:
        health.add("pointer", False, problem)
        return health
    build = live_build(index_dir)
    health.add("pointer", True, f"CURRENT names build {build.name}")
    try:
        manifest = load_manifest(build, index_dir)
    except IndexDamaged as exc:
        health.add("manifest", False, exc.what)
        return health
    health.build, health.manifest = build, manifest
    health.add("manifest", True, f"manifest: {manifest.get('documents', '?')} documents, "
                                 f"{manifest.get('paragraphs', '?')} paragraphs, {manifest['chunks']:,} chunks")
    try:
        documents = load_documents(build, index_dir)
    except IndexDamaged as exc:
        health.add("documents", False, exc.what)
    else:
        expected = manifest.get("documents")
        if expected is not None and len(documents) != expected:
            health.add("documents", False, f"documents.json holds {len(documents)} documents; the manifest says "
                                           f"{expected}")
        else:
            health.add("documents", True, f"documents.json: {len(documents)} documents")
    health.findings += check_stores(build, manifest)
    if manifest.get("settings") != settings.index_signature():
        health.add("settings", False, "built with other settings than the ones in force (model, chunking or parser); "
                                      "run `mea-assistant ingest` to rebuild it", damage=False)
    if corpus:
        _check_corpus(health, settings, manifest)
    return health


def start_plan(settings: Settings) -> tuple[bool, str]:
    """What the app does with its index at start: (ingest first?, why, in words).

    It serves the index it is given. It ingests only when asked (MEA_INGEST_ON_START) or when there is no
    index yet, and never rebuilds an index from another corpus than the one it was built from."""
    index_dir, corpus_dir = settings.index_dir, settings.corpus_dir
    if not has_index(index_dir):
        return True, f"no index in {index_dir} yet: building it from {corpus_dir}"
    if not settings.ingest_on_start:
        return False, f"serving the index in {index_dir} as it is (MEA_INGEST_ON_START=1 updates it at start)"
    recorded = _recorded_corpus(index_dir)
    if not same_corpus(recorded, corpus_dir):
        raise MeaError(f"MEA_INGEST_ON_START is set, but the index in {index_dir} was built from {recorded['path']}"
                       f", not {identity(corpus_dir)['path']}; set MEA_CORPUS_DIR to that folder, or MEA_INDEX_DIR "
                       "to another index folder")
    return True, f"updating the index in {index_dir} from {corpus_dir} (MEA_INGEST_ON_START)"


def _recorded_corpus(index_dir: Path) -> dict[str, Any] | None:
    try:
        return load_manifest(live_build(index_dir), index_dir).get("corpus")
    except MeaError:
        return None  # a damaged index: ingest repairs it from the corpus named
