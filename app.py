"""Start the chat UI: `python app.py` (what `make run` does after ingesting). Host, port and login: MEA_* settings.

Thin on purpose: it builds the index if needed, loads the models once, then hands over to `mea_assistant.ui`.
"""

from __future__ import annotations

import os
import sys

for _name, _value in (("GRADIO_ANALYTICS_ENABLED", "False"), ("HF_HUB_OFFLINE", "1"), ("TRANSFORMERS_OFFLINE", "1"),
                      ("ANONYMIZED_TELEMETRY", "False")):
    os.environ.setdefault(_name, _value)  # before gradio/chromadb/transformers read them

from mea_assistant.assistant import Assistant  # noqa: E402
from mea_assistant.errors import MeaError  # noqa: E402
from mea_assistant.settings import Settings  # noqa: E402


def main() -> int:
    try:
        settings = Settings.from_env()
        assistant = Assistant(settings)
        assistant.ensure_index(progress=print)
        assistant.warm_up()  # the embedding model, Chroma and BM25 load here, once, not on the first question
        from mea_assistant import ui

        demo = ui.build_app(assistant)
        ui.launch(demo, settings)
    except MeaError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
