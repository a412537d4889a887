"""The `praktika parse` command: text, JSON Lines, summary and exit codes."""

from __future__ import annotations

import json

from app.cli import main
from tests.conftest import CORPUS, seed_path


def test_parse_corpus_summary(capsys):
    assert main(["parse", str(CORPUS), "--summary"]) == 0
    out = capsys.readouterr().out
    assert "Разобрано: 5, с ошибками: 0" in out
    line = next(x for x in out.splitlines() if x.startswith("004_"))
    assert "422-ОД" in line and " 38 " in line


def test_parse_json_lines_one_object_per_item(capsys):
    assert main(["parse", str(seed_path("004")), "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(x) for x in lines]
    assert len(records) == 40  # 2 clauses + 38 rows
    first_row = next(r for r in records if r["item"]["kind"] == "row")
    assert first_row["source"] == seed_path("004").name
    assert first_row["document"]["number"] == "422-ОД"
    assert first_row["item"]["section"] == ["Организационно-управленческое направление"]
    assert "items" not in first_row["document"]


def test_parse_text_shows_items(capsys):
    assert main(["parse", str(seed_path("001"))]) == 0
    out = capsys.readouterr().out
    assert "подписал: Бахмутов В.А. (Заведующий ОО)" in out
    assert "срок: в течение учебного года" in out


def test_failures_give_nonzero_exit_and_reasons(tmp_path, capsys):
    (tmp_path / "good.txt").write_bytes(seed_path("000").read_bytes())
    (tmp_path / "bad.docx").write_bytes(b"not a zip at all")
    assert main(["parse", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert "ОШИБКА bad.docx: broken DOCX" in captured.err
    assert "Разобрано: 1, с ошибками: 1" in captured.out
    assert main(["parse", str(tmp_path / "missing")]) == 2
