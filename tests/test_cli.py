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
    assert "ОШИБКА bad.docx: повреждённый DOCX" in captured.err
    assert "Разобрано: 1, с ошибками: 1" in captured.out
    assert main(["parse", str(tmp_path / "missing")]) == 2


# A section row closing the table with no activity under it: its heading heads nothing, so its
# words are nowhere and coverage drops.
UNPLACED = (
    "ПЛАН МЕРОПРИЯТИЙ\n\n№\tМероприятие\tСрок\n"
    "1\tСеминар для директоров\tмарт 2022\n"
    "2. лишняя колонка без заголовка с длинным текстом о наставничестве молодых учителей математики\t\t\n"
)


def test_parse_warns_about_text_it_could_not_place(tmp_path, capsys):
    path = tmp_path / "plan.txt"
    path.write_text(UNPLACED, "utf-8")
    assert main(["parse", str(path), "--json"]) == 0  # a warning is not an error
    captured = capsys.readouterr()
    assert "ПРЕДУПРЕЖДЕНИЕ plan.txt: размещено" in captured.err
    assert "лишняя колонка" in captured.err  # the line left out is named
    record = json.loads(captured.out.splitlines()[0])
    assert record["document"]["coverage"]["share"] < 0.98
    assert "с предупреждениями: 1" in captured.err


def test_parse_json_carries_coverage_and_skipped(capsys):
    assert main(["parse", str(seed_path("001")), "--json"]) == 0
    record = json.loads(capsys.readouterr().out.splitlines()[0])
    # only the «Срок:» labels of three clauses are not kept: their text is the clauses' deadline
    assert 0.99 < record["document"]["coverage"]["share"] < 1.0 and record["document"]["coverage"]["lost"] == []
    assert {"шапка таблицы"} <= {s["reason"] for s in record["document"]["skipped"]}


def test_russian_plural_forms():
    from app.words import items

    assert [items(n) for n in (1, 2, 5, 11, 21, 22, 112)] == [
        "1 пункт",
        "2 пункта",
        "5 пунктов",
        "11 пунктов",
        "21 пункт",
        "22 пункта",
        "112 пунктов",
    ]
