"""Score briefing notes on a briefing set: `python evals/eval_briefing.py --dataset evals/briefing-dev.jsonl`.

The same as `mea-assistant eval-brief`; see src/mea_assistant/evaluation/briefing.py for the set's format and
the figures. Tune on briefing-dev.jsonl, report briefing-test.jsonl, never tune on it.
"""

from __future__ import annotations

import sys

from mea_assistant.cli import main

if __name__ == "__main__":
    sys.exit(main(["eval-brief", *sys.argv[1:]]))
