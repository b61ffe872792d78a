"""The courts-db adapter answers exactly as `courts_db.find_court` does, over the phrase forms the court
finder builds (state court types in both word orders, federal and unusual names)."""

from __future__ import annotations

import itertools

import courts_db
from docketflow.extractors import courts_db_adapter
from docketflow.extractors.courts_db_adapter import find_court

STATES = ["Ohio", "New Jersey", "California", "Puerto Rico", "District of Columbia", "Maine", "Texas", "Guam"]
TYPES = ["Supreme Court", "Court of Appeals", "Court of Appeal", "Superior Court", "Supreme Judicial Court",
         "Court of Criminal Appeals", "Commonwealth Court", "Appellate Court", "District Court of Appeal"]
OTHERS = ["Court of Appeal, Third District, California", "Supreme Court of the United States",
          "United States Bankruptcy Court for the District of Delaware", "Court of Appeals for the Ninth Circuit",
          "Tax Court", "Court of Appeals of DISTRICT OF COLUMBIA", "Imaginary Court of Nowhere"]


def test_same_courts_as_courts_db_for_every_phrase_form() -> None:
    phrases = [f"{s} {t}" for s, t in itertools.product(STATES, TYPES)]
    phrases += [f"{t} of {s}" for s, t in itertools.product(STATES, TYPES)] + OTHERS
    for phrase in phrases:
        bankruptcy = "bankruptcy" in phrase.lower()
        assert sorted(find_court(phrase, bankruptcy)) == sorted(courts_db.find_court(phrase, bankruptcy=bankruptcy))


def test_a_non_ascii_phrase_searches_every_regex_and_the_list_is_put_back() -> None:
    """The Kelvin sign folds onto "k" when matching ignores case: such a phrase gets no prefilter."""
    everything = courts_db.regexes
    assert courts_db_adapter._candidates("\u212aansas Supreme Court") is None
    assert find_court("\u212aansas Supreme Court") == courts_db.find_court("\u212aansas Supreme Court")
    assert courts_db.regexes is everything


def test_rows_are_courts_db_rows_with_the_pattern_compiled_on_first_need() -> None:
    index = courts_db_adapter._index()
    assert len(index.sources) == len(courts_db.regexes)
    for i in (0, len(index.sources) // 2, len(index.sources) - 1):
        assert index.row(i) == courts_db.regexes[i]
        assert index.row(i) is index.row(i)


def test_courts_db_list_is_left_as_it_was_found() -> None:
    """Read or not, courts-db's own list is there for other callers after a lookup."""
    vars(courts_db).pop("regexes", None)
    assert find_court("Supreme Court of Ohio") == ["ohio"]
    assert "regexes" not in vars(courts_db)
    everything = courts_db.regexes
    assert find_court("Supreme Court of Ohio") == ["ohio"]
    assert courts_db.regexes is everything
