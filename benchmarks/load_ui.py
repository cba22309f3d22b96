"""Load test of the chat app: N concurrent gradio_client users calling /ask on a loopback server.

Bounded so it always stops by itself: each user asks a fixed number of different questions (taken from
evals/test.jsonl, follow-ups with their history), and the whole run has a deadline after which
unfinished requests count as errors. Prints client-side latency p50/p95/max (queueing included), the
assistant's own time per answer, throughput and errors, then the same as a Markdown table; exits 1 when any
request failed. `--hostile N` adds N more users who each send one follow-up with a 1 MB history while the
others ask: their answers (or refusals) are timed apart, and the others' figures show whether they were held.

    python benchmarks/load_ui.py [--users 50] [--per-user 3] [--concurrency 4] [--hostile 1] [--index DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import sys
import threading
import time
from pathlib import Path

for _name, _value in (("GRADIO_ANALYTICS_ENABLED", "False"), ("HF_HUB_OFFLINE", "1"), ("TRANSFORMERS_OFFLINE", "1"),
                      ("ANONYMIZED_TELEMETRY", "False")):
    os.environ.setdefault(_name, _value)

ROOT = Path(__file__).resolve().parent.parent


def load_questions(path: Path) -> list[tuple[str, list[dict[str, str]]]]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            data = json.loads(line)
            items.append((data["question"], data.get("history") or []))
    return items


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile: the value below which `pct` percent of the observations fall."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def megabyte_history(seed: int) -> list[dict[str, str]]:
    """About 1 MB of varied words over 500 turns, then a real question: the follow-up leans on the last one."""
    words = [w for w in (ROOT / "corpus" / "cites-convention-1973.md").read_text(encoding="utf-8").split()
             if w.isalpha()]
    rng = random.Random(seed)
    turns = [{"role": "user" if i % 2 == 0 else "assistant",
              "content": " ".join(rng.choice(words) + str(rng.randrange(10_000)) for _ in range(250))[:2100]}
             for i in range(500)]
    return turns + [{"role": "user", "content": "What does CITES require to export an Appendix II specimen?"},
                    {"role": "assistant", "content": "An export permit [1]."}]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run(args: argparse.Namespace) -> int:
    from gradio_client import Client

    from mea_assistant import ui
    from mea_assistant.assistant import Assistant
    from mea_assistant.settings import Settings

    settings = Settings.from_env(index_dir=args.index, host="127.0.0.1")
    assistant = Assistant(settings)
    assistant.warm_up()
    demo = ui.build_app(assistant, concurrency=args.concurrency)
    _, url, _ = ui.launch(demo, settings, port=free_port(), prevent_thread_lock=True, quiet=True)
    questions = load_questions(args.dataset)
    latencies: list[float] = []
    server_ms: list[float] = []
    errors: list[str] = []
    hostile: list[str] = []
    lock = threading.Lock()
    ready = threading.Barrier(args.users + args.hostile + 1)
    deadline = [0.0]

    def attacker(i: int) -> None:
        """One follow-up with a megabyte of history, sent while the others ask."""
        client = Client(url, verbose=False, analytics_enabled=False, download_files=False)
        history = json.dumps(megabyte_history(i))
        ready.wait()
        started = time.perf_counter()
        try:
            result = client.submit("And for Appendix III?", history, api_name="/ask").result(
                timeout=max(0.1, deadline[0] - time.time()))
            outcome = f"answered, {result.get('history_dropped', 0)} turns dropped"
        except Exception as exc:  # noqa: BLE001 - a refusal is an acceptable outcome; it is reported
            outcome = f"refused: {type(exc).__name__}: {str(exc)[:100]}"
        with lock:
            hostile.append(f"{len(history) / 1e6:.1f} MB history: {outcome} in {time.perf_counter() - started:.1f} s")

    def user(i: int) -> None:
        client = Client(url, verbose=False, analytics_enabled=False, download_files=False)
        ready.wait()
        for j in range(args.per_user):
            question, history = questions[(i * args.per_user + j) % len(questions)]
            started = time.perf_counter()
            try:
                job = client.submit(question, json.dumps(history), api_name="/ask")
                result = job.result(timeout=max(0.1, deadline[0] - time.time()))
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    server_ms.append(float(result["latency_ms"]))
            except Exception as exc:  # noqa: BLE001 - every failure is counted and reported
                with lock:
                    errors.append(f"user {i}, question {j}: {type(exc).__name__}: {str(exc)[:120]}")
            if time.time() > deadline[0]:
                return

    threads = [threading.Thread(target=user, args=(i,), daemon=True) for i in range(args.users)]
    threads += [threading.Thread(target=attacker, args=(i,), daemon=True) for i in range(args.hostile)]
    for t in threads:
        t.start()
    ready.wait()  # all clients connected: start the clock
    deadline[0] = time.time() + args.deadline
    wall = time.perf_counter()
    for t in threads:
        t.join(timeout=max(0.0, deadline[0] + 5 - time.time()))
    wall = time.perf_counter() - wall
    demo.close()
    expected = args.users * args.per_user
    missing = expected - len(latencies) - len(errors)
    print(f"users {args.users}, questions per user {args.per_user}, server concurrency {args.concurrency}")
    print(f"requests: {len(latencies)} ok, {len(errors) + missing} errors (of {expected}); wall {wall:.1f}s; "
          f"throughput {len(latencies) / wall:.2f} req/s")
    if latencies:
        print(f"latency (client, queueing included): p50 {percentile(latencies, 50) * 1000:.0f} ms, "
              f"p95 {percentile(latencies, 95) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms, "
              f"mean {statistics.mean(latencies) * 1000:.0f} ms")
        print(f"assistant time per answer: p50 {percentile(server_ms, 50):.0f} ms, "
              f"p95 {percentile(server_ms, 95):.0f} ms")
    for line in errors[:10]:
        print("  " + line)
    for line in hostile:
        print("hostile request: " + line)
    if latencies:
        print("\n| users | requests ok | errors | p50 (ms) | p95 (ms) | max (ms) | assistant p50 (ms) | req/s |")
        print("|---|---|---|---|---|---|---|---|")
        print(f"| {args.users} | {len(latencies)} | {len(errors) + missing} | "
              f"{percentile(latencies, 50) * 1000:.0f} | {percentile(latencies, 95) * 1000:.0f} | "
              f"{max(latencies) * 1000:.0f} | {percentile(server_ms, 50):.0f} | {len(latencies) / wall:.2f} |")
    return 1 if errors or missing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--per-user", type=int, default=3, help="questions each user asks, one after another")
    parser.add_argument("--concurrency", type=int, default=None, help="server default_concurrency_limit")
    parser.add_argument("--index", type=Path, help="index folder (default: MEA_INDEX_DIR or index/)")
    parser.add_argument("--dataset", type=Path, default=ROOT / "evals" / "test.jsonl")
    parser.add_argument("--deadline", type=float, default=300.0, help="seconds before unfinished requests fail")
    parser.add_argument("--hostile", type=int, default=0, help="extra users each sending a 1 MB history once")
    args = parser.parse_args()
    if args.concurrency is None:
        from mea_assistant.ui import CONCURRENCY

        args.concurrency = CONCURRENCY
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
