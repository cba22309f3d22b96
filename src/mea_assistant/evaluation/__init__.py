"""Evaluation sets run through the assistant and scored (shared/eval-format.md).

dataset.py (load, validate, the matching rule) <- metrics.py (pure scoring) <- report.py, compare.py, gate.py
(read results) <- run.py (asks the assistant, writes the files). `mea-assistant eval` calls `run_cli`.
"""

from .run import run_cli

__all__ = ["run_cli"]
