"""Gold checks on the five seed documents: counts, metadata and the tricky rows."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parent / "gold"


def rows(doc):
    return [i for i in doc.items if i.kind == "row"]


def by_number(doc, number):
    return next(i for i in rows(doc) if (i.number or "").rstrip(".") == number)


@pytest.mark.parametrize(("seed", "count"), [("000", 40), ("001", 23), ("002", 58), ("003", 30), ("004", 38)])
def test_row_counts(seeds, seed, count):
    assert len(rows(seeds[seed])) == count


def test_ordinals_are_unique_and_in_order(seeds):
    for doc in seeds.values():
        assert [i.ordinal for i in doc.items] == list(range(1, len(doc.items) + 1))


def test_numbered_rows_run_without_gaps(seeds):
    for seed in ("000", "001", "004"):
        numbers = [int(i.number.rstrip(".")) for i in rows(seeds[seed])]
        assert numbers == list(range(1, len(numbers) + 1)), seed


def test_order_metadata_000(seeds):
    d = seeds["000"]
    assert (d.kind, d.date, d.number) == ("приказ", "2018-03-02", "61/01-04")
    assert d.title.startswith("Об организации деятельности по мероприятию «Повышение качества")
    assert d.title.endswith("распространение их результатов»")
    assert (d.region, d.municipality) == ("Смоленская область", "Дорогобужский район")
    assert d.issuer.startswith("Комитет по образованию")
    assert d.signatory.name == "Белова С.В."
    assert d.signatory.position.startswith("Председатель Комитета по образованию")
    assert d.period.text == "2018 год" and d.period.start_year == 2018
    assert d.annex_title.startswith("Дорожная карта муниципального проекта")
    [cited] = d.citations
    assert (cited.kind, cited.date, cited.number, cited.amends) == ("приказ", "2018-02-26", "161-ОД", False)
    assert cited.title.endswith("распространение их результатов»")  # the unclosed outer quote


def test_order_metadata_001(seeds):
    d = seeds["001"]
    assert (d.kind, d.date, d.number) == ("приказ", "2020-09-10", "01-10/142-2")
    assert (d.region, d.municipality) == ("Оренбургская область", "Пономаревский район")
    assert d.issuer == "Отдел образования администрации Пономаревского района Оренбургской области"
    assert (d.signatory.name, d.signatory.position) == ("Бахмутов В.А.", "Заведующий ОО")
    assert d.period is None  # the text names no period: None, not a guess
    assert [c.number for c in d.citations] == ["01-21/744"]  # its own «Приложение … №01-10/142-2» is not a citation


def test_clauses_001_odd_numbering(seeds):
    clauses = [i for i in seeds["001"].items if i.kind == "clause"]
    assert [c.number for c in clauses] == ["1", "2", "3", "4", "2", "2.1", "2.2", "2.3", "3"]
    c21, c22, c23 = clauses[5:8]
    assert c21.deadline == c22.deadline == "в течение учебного года"
    assert c23.deadline == "постоянно"
    assert c22.activity.endswith("образовательных организаций-партнеров.")  # rejoined across «Срок:»
    assert c21.section == ["2. Руководителям общеобразовательных организаций:"]


def test_roadmap_002_without_numbers(seeds):
    d = seeds["002"]
    assert (d.kind, d.date, d.number) == ("дорожная карта", "2017-06-30", "9")
    assert d.municipality == "городской округ Дубна" and d.region == "Московская область"
    assert d.title.endswith("функционирующим в неблагоприятных социальных условиях")
    with open(GOLD / "002_dubna_counts.tsv", encoding="utf-8") as f:
        gold = {(r["section"], r["responsible"]): int(r["items"]) for r in csv.DictReader(f, delimiter="\t")}
    got = Counter((i.section[-1].split()[0], i.responsible) for i in rows(d))
    assert dict(got) == gold
    first = rows(d)[0]
    assert first.section == [
        "1. Подготовка и запуск программы",
        "1.1. Создание организационной инфраструктуры проекта, обеспечение кадровой поддержки",
    ]
    assert "Включить мероприятия по реализации проекта" in first.activity  # untabbed continuation line


def test_report_003(seeds):
    d = seeds["003"]
    assert (d.kind, d.date, d.number) == ("отчёт", "2020-05-14", None)
    assert d.period.text == "2019-2020 учебный год" and d.period.school_year
    assert (d.signatory.name, d.signatory.position) == ("Минаева Е.Л.", "Координатор МОЦ")
    assert {c.number for c in d.citations} == {"208/01-04", "13/01-04", "41", "40"}
    merged = next(i for i in rows(d) if i.activity.startswith("Организация работы муниципальных"))
    assert merged.activity == "Организация работы муниципальных методических объединений"
    assert "16 РМО" in merged.result
    assert not any("Электронная копия" in i.passage() for i in d.items)
    assert not any("<li" in i.passage() or "<ul" in i.passage() for i in d.items)
    listed = next(i for i in rows(d) if i.activity.startswith("Проведение комплексного обследования"))
    assert listed.result.count("\n") >= 2  # the <ul><li> list became lines


def test_order_004_amends_189(seeds):
    d = seeds["004"]
    assert (d.date, d.number, d.kind) == ("2021-08-17", "422-ОД", "приказ")
    assert d.issuer == "Департамент Смоленской области по образованию и науке"
    assert (d.signatory.name, d.signatory.position) == ("Шелабина Н.В.", "И.о. начальника Департамента")
    [cited] = d.citations
    assert (cited.number, cited.date, cited.amends) == ("189-ОД", "2021-03-16", True)
    assert cited.title.startswith("Об утверждении плана-графика («дорожной карты»)")


@pytest.mark.parametrize("number", ["5", "10", "14", "19", "23", "28", "33", "37"])
def test_004_split_rows_merged(seeds, number):
    item = by_number(seeds["004"], number)
    assert item.activity and item.deadline and item.responsible and item.result
    assert item.section and not item.activity.startswith("Мероприятия")


def test_004_fields_from_header(seeds):
    item = by_number(seeds["004"], "5")
    assert item.activity.startswith("Организация работы школ-участников с РПШ по проведению самодиагностики")
    assert item.activity.endswith("первичное посещение кураторами школы)")
    assert item.description.startswith("Утвержден график посещения школ кураторами.")
    assert item.description.endswith("РПШ верифицированы")
    assert (item.deadline, item.responsible) == ("Март", "Муниципальные координаторы, кураторы")
    assert item.result == "Верифицированы риски на основе самообследования"
    assert item.section == ["Организационно-управленческое направление"]
    headers = [i for i in rows(seeds["004"]) if i.activity.startswith("Мероприятия/")]
    assert headers == []  # repeated header rows are dropped


def test_001_row_split_over_page(seeds):
    item = by_number(seeds["001"], "6")
    assert item.activity.endswith("в том числе базовыми площадками)")
    assert (item.deadline, item.result) == ("сентябрь 2020 года", "Приказ отдела образования")
    assert by_number(seeds["001"], "23").activity.startswith("Информационное сопровождение")


def test_000_html_cells_and_sections(seeds):
    d = seeds["000"]
    item = by_number(d, "25")
    assert "<p>" not in item.activity and "\n" in item.activity
    assert item.section == ["Организация повышения квалификации педагогических и руководящих работников"]
    assert by_number(d, "1").section == ["Нормативное правовое обеспечение проекта на муниципальном уровне"]


def test_positions_point_back_to_source_lines(seeds):
    from tests.conftest import seed_path

    lines = seed_path("004").read_text(encoding="utf-8").split("\n")
    for item in rows(seeds["004"]):
        assert item.activity.split()[0] in lines[item.pos.line - 1]
