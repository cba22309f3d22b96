"""The thirty-fifth set of treaties nobody tuned for (tests/fixtures/unseen35, see its README): the ILO Forced Labour
Convention (1930), the Hague Convention on the Law Applicable to Succession to the Estates of Deceased Persons (1989),
the Council of Europe Agreement on Illicit Traffic by Sea (1995) and the European Agreement on Transfer of
Responsibility for Refugees (1980), spot-checked (checks.toml) and questioned (evals/unseen-35.jsonl) from the texts
alone, before the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import pytest
import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. Blind run on fcc8416 (round 18's answer code, parser v40).
KNOWN: dict[tuple[str, str], str] = {
    ("illicit-traffic-by-sea-agreement-1995", "9 1 i a"): (
        'a bare "i." line (a label printed alone) is lost: items a.-d. read as Art. 9(1)(a)-(d) and "ii." as 9(1)(d)(ii)'),
}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen35", KNOWN, lost=LOST)

# Blind run: the Forced Labour Convention was named "International Labour Conference." (its head's second line, the
# body that met), not after itself.
test_each_is_named_after_itself = pytest.mark.xfail(strict=True, reason="forced-labour-convention-1930 named after the "
                                                     "conference heading its text")(test_each_is_named_after_itself)
