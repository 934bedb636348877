"""The lexicons are data: every file loads and passes its checks, the loader refuses bad files,
and the version is stamped into every result. No spaCy model needed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counterclaim import lexicons
from counterclaim.lexicons import LexiconError


def test_every_data_file_loads() -> None:
    names = lexicons.names()
    assert len(names) >= 25
    for name in names:
        loaded = lexicons.mapping(name, cased=name == "demonyms.tsv") if name.endswith(".tsv") else \
            lexicons.words(name)
        assert loaded, name


def test_every_pattern_table_loads() -> None:
    assert {"claim_cues.json", "group_cues.json", "outcome_frames.json", "subset_cues.json"} <= set(lexicons.tables())
    for name in lexicons.tables():
        data = lexicons.table(name)
        entries = data["frames"] + data.get("sequences", [])
        assert entries and all(f["example"] for f in entries), name


def test_the_pattern_table_loader_refuses_duplicates_and_missing_examples(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    data.mkdir()
    frame = {"name": "f", "example": "An example.", "pattern": [{"RIGHT_ID": "a", "RIGHT_ATTRS": {}}]}
    (data / "twice.json").write_text(json.dumps({"frames": [frame, frame]}), encoding="utf-8")
    (data / "example.json").write_text(json.dumps({"frames": [{**frame, "example": ""}]}), encoding="utf-8")
    (data / "lists.json").write_text(json.dumps({"lists": {"w": ["Kill"]}, "frames": [frame]}), encoding="utf-8")

    class Files:
        def __init__(self, path: Path) -> None:
            self.path = path

        def joinpath(self, *parts: str) -> Path:
            return self.path.joinpath(*parts)

    monkeypatch.setattr(lexicons.resources, "files", lambda package: Files(tmp_path))
    for name, message in [("twice.json", "listed twice"), ("example.json", "needs an example"),
                          ("lists.json", "lower case")]:
        lexicons.table.cache_clear()
        with pytest.raises(LexiconError, match=message):
            lexicons.table(name)
    lexicons.table.cache_clear()


def test_person_nouns_cover_plurals_and_irregulars() -> None:
    nouns = lexicons.person_nouns()
    for word in ("judges", "sailors", "hijackers", "athletes", "bandits", "witnesses", "women", "children",
                 "policemen", "passers-by", "civilians", "them"):
        assert word in nouns, word
    for word in ("buildings", "cars", "years"):
        assert word not in nouns


@pytest.mark.parametrize(("noun", "plural"), [("judge", "judges"), ("witness", "witnesses"), ("city", "cities"),
                                              ("boy", "boys"), ("aid worker", "aid workers"), ("church", "churches")])
def test_plural(noun: str, plural: str) -> None:
    assert lexicons.plural(noun) == plural


def test_months_are_numbered() -> None:
    months = lexicons.months()
    assert months["march"] == 3 and months["sept"] == 9 and len({v for v in months.values()}) == 12


def test_the_loader_refuses_duplicates_upper_case_and_unknown_values(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "twice.txt").write_text("# comment\nkill\nkill\n", encoding="utf-8")
    (data / "upper.txt").write_text("Kill\n", encoding="utf-8")
    (data / "values.tsv").write_text("kill\tslain\n", encoding="utf-8")
    (data / "format.tsv").write_text("kill killed\n", encoding="utf-8")

    class Files:
        def __init__(self, path: Path) -> None:
            self.path = path

        def joinpath(self, *parts: str) -> Path:
            return self.path.joinpath(*parts)

    monkeypatch.setattr(lexicons.resources, "files", lambda package: Files(tmp_path))
    for call, message in [(lambda: lexicons.words("twice.txt"), "listed twice"),
                          (lambda: lexicons.words("upper.txt"), "lower case"),
                          (lambda: lexicons.mapping("values.tsv", values=frozenset({"killed"})), "is not one of"),
                          (lambda: lexicons.mapping("format.tsv"), "expected 'term<TAB>value'")]:
        lexicons.words.cache_clear()
        lexicons.mapping.cache_clear()
        with pytest.raises(LexiconError, match=message):
            call()
    lexicons.words.cache_clear()
    lexicons.mapping.cache_clear()


def test_the_version_is_stamped_into_results() -> None:
    from counterclaim.about import OUTPUT_VERSION
    from counterclaim.options import Options
    from counterclaim.process import versions

    stamp = versions(Options())
    assert stamp["lexicons"] == lexicons.LEXICON_VERSION and stamp["output"] == OUTPUT_VERSION
