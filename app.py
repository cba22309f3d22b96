"""Start the chat UI: `python app.py` (what `make run` does after ingesting). Host, port and login: MEA_* settings.

Thin on purpose: it serves the index it is given (building one only when there is none, or updating it when
MEA_INGEST_ON_START is set, never from another corpus than the one it was built from), loads the models once,
then hands over to `mea_assistant.ui`. SIGTERM stops it like Ctrl-C, so temporary files are removed.
"""

from __future__ import annotations

import os
import signal
import sys
from concurrent.futures import ThreadPoolExecutor

for _name, _value in (("GRADIO_ANALYTICS_ENABLED", "False"), ("HF_HUB_OFFLINE", "1"), ("TRANSFORMERS_OFFLINE", "1"),
                      ("ANONYMIZED_TELEMETRY", "False"), ("MPLBACKEND", "agg")):
    os.environ.setdefault(_name, _value)  # before gradio/chromadb/transformers read them

from mea_assistant.assistant import Assistant  # noqa: E402
from mea_assistant.errors import MeaError  # noqa: E402
from mea_assistant.health import start_plan  # noqa: E402
from mea_assistant.progress import Progress  # noqa: E402
from mea_assistant.settings import Settings  # noqa: E402


def _stop(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt  # Gradio closes its server on it; atexit handlers then remove temporary files


def main() -> int:
    signal.signal(signal.SIGTERM, _stop)
    try:
        settings = Settings.from_env()
        ingest_first, why = start_plan(settings)
        print(why, file=sys.stderr)
        assistant = Assistant(settings)
        if ingest_first:
            from mea_assistant.embedding import get_embedder
            from mea_assistant.ingest import ingest

            print(ingest(settings, lambda: get_embedder(settings.embed_model), Progress.for_terminal()).summary())
        # The embedding model, Chroma and BM25 load here, once, not on the first question; in a thread, while
        # Gradio is imported: their native parts (ONNX Runtime's session, Chroma's Rust segment loads) run
        # without the GIL, so about half of the loading hides behind Gradio's import.
        import numpy  # noqa: F401 - both sides import it: first here, never in two threads at once

        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="mea-warm-up") as pool:
            warming = pool.submit(assistant.warm_up)
            from mea_assistant import ui

            warming.result()
        demo = ui.build_app(assistant)
        ui.launch(demo, settings)
    except MeaError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
