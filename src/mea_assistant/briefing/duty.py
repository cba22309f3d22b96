"""One standing question: a duty worded as the treaties word it, the terms an instrument needs for it to be asked,
and the provision it is worded from."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Duty:
    question: str  # the duty in the treaties' own words, searched in each instrument the note discusses
    # A duty only some instruments draft is asked only of an instrument whose text uses its terms: a search of the CBD
    # alone for export permits returns its closest paragraph (technology transfer), which answers nothing. None: every
    # instrument is asked.
    needs: re.Pattern[str] | None
    source: str  # the provision the question is worded from ("CBD Art. 14(1)(a)")

    def asked_of(self, text: str) -> bool:
        """Whether an instrument with this text is asked (it has the terms, where the duty needs them)."""
        return self.needs is None or bool(self.needs.search(text))
