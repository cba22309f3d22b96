"""The forty-fourth set of treaties nobody tuned for (tests/fixtures/unseen44, see its README): the EU-US agreement on
passenger name records (PNR, 2007) with the letters exchanged with it, the Geneva Convention for the Suppression of
Counterfeiting Currency (1929), the Netherlands-Hong Kong agreement on mutual legal assistance in criminal matters
(2002) with its exchange of notes, and the Geneva Convention providing a Uniform Law for Cheques (1931) with its
annexes and Protocol, spot-checked (checks.toml) and questioned (evals/unseen-44.jsonl) from the texts alone, before
the system was run on them.

Each is named after itself, the hand-read spot checks hold and no sentence is lost."""

from __future__ import annotations

import treaty_sets

# What the spot checks found wrong on the set's first (blind) run, kept visible: a strict xfail fails the day it is
# fixed. Blind run on the round's final code (2df1edd, parser v50): 24 of 32 held; names 4 of 4.
_NOTES = "the letters printed after the agreement under '###Nr. I', '###Nr. II' (the database's Dutch 'No.') are read as "
KNOWN: dict[tuple[str, str], str] = {
    ("pnr-agreement-2007", "Nr. I I"): _NOTES + "the agreement's unnumbered paragraphs, not a part 'Nr. I'",
    ("pnr-agreement-2007", "Nr. I II"): _NOTES + "the agreement's paragraphs, not a part 'Nr. I'",
    ("pnr-agreement-2007", "Nr. I III 5"): _NOTES + "the agreement's paragraphs ('Nr. I: para. 5'), not 'Nr. I, III(5)'",
    ("pnr-agreement-2007", "Nr. I III 19"): _NOTES + "the agreement's paragraphs ('para. 19'), not 'Nr. I, III(19)'",
    ("pnr-agreement-2007", "Nr. I VII"): _NOTES + "the agreement's paragraphs, not a part 'Nr. I'",
    ("pnr-agreement-2007", "Nr. II"): _NOTES + "the agreement's paragraphs, not a part 'Nr. II'",
    ("hong-kong-legal-assistance-agreement-2002", "Nr. I 2"): _NOTES + "the last article's paragraphs",
    ("cheques-uniform-law-convention-1931", "Protocol B"):
        "the Protocol's lettered parts '###A.', '###B.' (with a full stop) are not read as its parts A and B",
}

# Sentences the parser loses, per file, as strict xfails of the shared "refs unique, no sentence lost" test.
LOST: dict[str, str] = {}

SET, docs, test_each_is_named_after_itself, test_hand_read_spot_checks, test_refs_unique_and_no_sentence_lost = \
    treaty_sets.module_tests("unseen44", KNOWN, lost=LOST)
