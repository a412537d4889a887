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
    # the «Срок:» labels of three clauses are skipped as field labels: their text is the clauses' deadline
    assert record["document"]["coverage"]["share"] == 1.0 and record["document"]["coverage"]["lost"] == []
    skipped = record["document"]["skipped"]
    assert {"шапка таблицы", "подпись поля"} <= {s["reason"] for s in skipped}
    assert [s["text"] for s in skipped if s["reason"] == "подпись поля"] == ["Срок"] * 3


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
    from app.words import counted, documents

    assert [documents(n) for n in (0, 3, 14)] == ["0 документов", "3 документа", "14 документов"]
    assert counted(2, "ошибка") == "2 ошибки" and counted(21, "сущность") == "21 сущность"


def test_ingest_ends_with_a_report_and_writes_it_as_json(tmp_path, capsys):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a_plan.txt").write_bytes(seed_path("004").read_bytes())
    (inbox / "b_quotes.txt").write_text("«»«»«»«»", encoding="utf-8")  # read, but not one item in it
    (inbox / "c_junk.pdf").write_bytes(b"%PDF-1.4\n garbage")
    (inbox / "d_cut.pdf").write_bytes(b"%PDF-1.7\n broken too")
    (inbox / "e_text.docx").write_text("не Word", encoding="utf-8")
    kb, report = str(tmp_path / "kb"), tmp_path / "report.json"
    assert main(["ingest", str(inbox), "--kb", kb, "--report", str(report)]) == 1
    out = capsys.readouterr().out
    assert "b_quotes.txt (0 пунктов) — ПРЕДУПРЕЖДЕНИЕ: не найдено ни одного пункта" in out
    assert "a_plan.txt (40 пунктов)" in out
    assert "Итог приёма: 5 файлов, сохранено 40 пунктов" in out
    rows = [line.rsplit(None, 1) for line in out.splitlines() if line.startswith("  ") and line[-1].isdigit()]
    counts = {label.strip(): int(n) for label, n in rows}
    assert counts == {
        "добавлено": 2, "обновлено": 0, "без изменений": 0, "дубликатов": 0, "с предупреждениями": 1, "с ошибками": 3,
    }
    assert "повреждённый или обрезанный PDF: 2 файла (" in out and "повреждённый DOCX: 1 файл (" in out
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["summary"]["counts"] == {
        "added": 2, "replaced": 0, "unchanged": 0, "duplicate": 0, "warned": 1, "failed": 3,
    }
    assert sorted(len(v) for v in data["summary"]["failures"].values()) == [1, 2]
    assert [f["status"] for f in data["files"]] == ["added", "added", "failed", "failed", "failed"]
    assert main(["stats", "--kb", kb]) == 0
    assert "Документы без единого пункта (1):\n  b_quotes.txt" in capsys.readouterr().out
    assert main(["ingest", str(inbox), "--kb", kb]) == 1  # again: unchanged, and the failures once more
    assert "без изменений" in capsys.readouterr().out
