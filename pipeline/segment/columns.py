"""Column roles of an activity table, from the header's words and from what the cells hold.

Real roadmaps head the same column in dozens of ways («Мероприятие», «Содержание работы»,
«Наименование мероприятия (действия)», «Вид работы», «Планируемые мероприятия»; «Срок»,
«Сроки проведения», «Дата»; «Ответственные», «Исполнители», «Ответственные лица»…). The
header is read as lemmas (pymorphy), so any case or number of a known word counts, and each
lemma votes for a role with a weight: a column takes the role with the highest vote. When the
header says nothing, the cells decide: numbering → number, months and dates → deadline,
initials, positions and bodies → responsible, the longest free text → activity.

Roles: number, activity, description, deadline, responsible, result, target (целевая группа,
участники), note (примечание, ресурсы, отметка о выполнении). Items have no fields of their
own for the last two: their text goes into the description, labelled with the header.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.patterns import INITIALS, MONTH_STEMS
from pipeline.text import ITEM_NUMBER, lemma

ROLES = ("number", "activity", "description", "deadline", "responsible", "result", "target", "note")

# Header lemma → (role, weight). A higher weight wins when one header holds words of two roles:
# «Форма отчётности» is a result (отчётность 3 > форма 1), «Срок реализации мероприятия» a deadline.
VOCABULARY: dict[str, tuple[str, int]] = {
    **dict.fromkeys(("№", "п/п", "пп", "номер", "n"), ("number", 4)),
    **dict.fromkeys(("мероприятие", "наименование", "действие", "событие", "процедура"), ("activity", 3)),
    **dict.fromkeys(("содержание", "деятельность", "работа", "тема", "вид", "планируемый", "дело"), ("activity", 2)),
    **dict.fromkeys(("поручение", "решение"), ("activity", 2)),  # a protocol's decisions: «Поручение | Срок | …»
    # a school's plan asks its columns: «Что делаем | Когда | Кто отвечает | Что получаем» (485, 483)
    **dict.fromkeys(("делать",), ("activity", 2)),  # («Что сделано» in a report is what came of it)
    **dict.fromkeys(("получать", "получить"), ("result", 3)),
    **dict.fromkeys(("задача", "направление", "цель", "шаг", "этап"), ("activity", 1)),
    **dict.fromkeys(("описание", "механизм", "способ", "форма", "формат", "метод", "краткий"), ("description", 1)),
    **dict.fromkeys(("срок", "дата", "месяц", "период", "время", "когда", "квартал", "график"), ("deadline", 4)),
    **dict.fromkeys(("ответственный", "исполнитель", "соисполнитель", "ответственность", "кто"), ("responsible", 4)),
    **dict.fromkeys(("куратор", "организатор", "координатор"), ("responsible", 3)),
    **dict.fromkeys(("результат", "показатель", "индикатор", "итог", "продукт", "эффект"), ("result", 3)),
    **dict.fromkeys(("отчётность", "отчетность", "отчёт", "отчет", "выход", "документ", "значение"), ("result", 3)),
    **dict.fromkeys(("ожидаемый", "контрольный", "целевой", "итоговый"), ("result", 1)),
    **dict.fromkeys(("группа", "участник", "аудитория", "категория", "адресат", "охват"), ("target", 3)),
    **dict.fromkeys(
        ("примечание", "комментарий", "отметка", "ресурс", "финансирование", "источник", "корректировка"), ("note", 3)
    ),
    **dict.fromkeys(("обеспечение", "выполнение", "исполнение"), ("note", 1)),
    # A programme's «ГРБС» / «Главный распорядитель бюджетных средств» pays for the row; the executor does it
    # (a header naming both, «… (ответственный исполнитель)», is the executor's).
    **dict.fromkeys(("грбс", "распорядитель"), ("note", 3)),
    # A state programme's list of main measures (the federal methodology's form): «Последствия
    # нереализации основного мероприятия», «Связь с показателями Программы» name no activity or result.
    **dict.fromkeys(("последствие", "связь"), ("note", 4)),
}
# «Целевая группа» is a target group, «Целевой показатель» a result: two-word headers settle it.
PHRASES: dict[tuple[str, str], str] = {
    ("номер", "наименование"): "activity",  # «Номер и наименование основного мероприятия»: the name carries
    ("целевой", "группа"): "target",
    ("целевой", "показатель"): "result",
    ("отметка", "выполнение"): "result",  # a report's mark is what came of the row
    ("отметка", "исполнение"): "result",
    ("информация", "выполнение"): "result",  # «Информация о выполнении», «Сведения об исполнении»
    ("информация", "исполнение"): "result",
    ("сведение", "выполнение"): "result",
    ("сведение", "исполнение"): "result",
    ("форма", "отчётность"): "result",
    ("форма", "отчетность"): "result",
    ("форма", "завершение"): "result",  # «Форма завершения»: what the row ends in (479)
    ("форма", "проведение"): "description",
    ("форма", "работа"): "description",
    ("срок", "исполнение"): "deadline",
    ("срок", "выполнение"): "deadline",
    ("срок", "проведение"): "deadline",
    ("срок", "реализация"): "deadline",
    ("плановый", "начало"): "deadline",  # «Плановое начало | Плановое окончание»
    ("плановый", "окончание"): "deadline",
}
_ACTUAL = re.compile(r"\bфакт(?:ическ|\b)", re.IGNORECASE)  # «фактически», «Срок исполнения» over «план | факт» (469)
_MARK = re.compile(r"\bотметк", re.IGNORECASE)  # a report's mark of execution
_BROKEN_WORD = re.compile(r"(?<=[а-яё])-\s+(?=[а-яё])")
# A report's column «Исполнение» says what came of the row (409); «Сроки исполнения» read word by
# word leaves «исполнения», which is no such column.
_REPORTED = frozenset(("исполнение", "выполнение", "ход исполнения", "ход выполнения"))
_WORD = re.compile(r"№|п/п|[А-ЯЁа-яёA-Za-z]+")
# Month stems found anywhere in a cell; May keeps its endings, or «ма» would hit «материалы».
_MONTHS = "|".join("ма[йя]" if stem == "ма" else stem for stem in MONTH_STEMS)
_WHEN = re.compile(
    rf"(?:{_MONTHS})|\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}|\b20\d\d\b|квартал|полугоди|в течение|ежемесячн|ежегодн"
    r"|еженедельн|постоянно|по мере|до \d|по графику|учебн\w* год|[IV]+ (?:кв|пол)",
    re.IGNORECASE,
)
_WHO = re.compile(
    rf"{INITIALS}|руководител|заместител|директор|начальник|специалист|методист|учител|педагог|председател"
    r"|администраци|управлени|отдел|комитет|министерств|департамент|центр|\bОО\b|\bОУ\b|МКУ|МБУ|МОЦ|ИМЦ|ИРО|ЦНППМ"
    r"|ответствен|координатор|куратор|эксперт|инспектор|служб|организаци|учреждени|рабоч\w+ групп",
    re.IGNORECASE,
)


def header_role(text: str) -> tuple[str | None, int]:
    """The role a header cell names and how strongly (0 when it names none)."""
    text = _BROKEN_WORD.sub("", text)  # «Исполни- тель», «Срок реали- зации»: a word hyphenated by hand (443)
    words = [lemma(w) for w in _WORD.findall(text.replace("ё", "е"))]
    if _ACTUAL.search(text) and {"срок", "дата", "период"} & set(words):
        return "note", 5  # a report's «Срок исполнения фактически», «Фактический срок»: not the deadline
    for pair, role in PHRASES.items():
        if all(p.replace("ё", "е") in words for p in pair):
            return role, 5
    if " ".join(text.lower().split()) in _REPORTED:
        return "result", 5
    others = {VOCABULARY[w][0] for w in words if w != "наименование" and w in VOCABULARY}
    if "наименование" in words and others and "activity" not in others:
        words.remove("наименование")  # «Наименование показателя» names a result, «… этапа» an activity
    best: tuple[str | None, int] = (None, 0)
    for w in words:
        role, weight = VOCABULARY.get(w, (None, 0))
        if weight > best[1]:
            best = (role, weight)
    if text.strip() in ("№", "N", "#", "№№"):
        return "number", 4
    return best


def content_role(cells: Sequence[str]) -> str | None:
    """The role a column's data cells show, if they agree on one."""
    filled = [c for c in cells if c]
    if not filled:
        return None
    share = lambda test: sum(1 for c in filled if test(c)) / len(filled)  # noqa: E731
    if share(lambda c: bool(ITEM_NUMBER.match(c))) >= 0.7:
        return "number"
    if share(lambda c: len(c) <= 80 and bool(_WHEN.search(c))) >= 0.6:
        return "deadline"
    # an executor's cell opens with the executor; an activity may name bodies further on («Участие
    # общеобразовательных организаций в проекте …», 514)
    if share(lambda c: len(c) <= 250 and bool(_WHO.search(c[:40]))) >= 0.6:
        return "responsible"
    return None


def assign(headers: Sequence[str], data: Sequence[Sequence[str]], report: bool = False) -> list[str | None]:
    """A role for each column: by its header when the header names one, else by its cells.

    One column is the activity: the strongest activity header, else the longest free text.
    Other columns that describe the activity become its description; in a report without a
    result column, the first of them tells what was done, so it is the result
    (003: «Мероприятие | Содержание»).
    """
    width = len(headers)
    columns = [[row[c] if c < len(row) else "" for row in data] for c in range(width)]
    votes = [header_role(h) if h else (None, 0) for h in headers]
    roles: list[str | None] = [role for role, _ in votes]
    for c in range(width):
        if roles[c] is None:
            roles[c] = content_role(columns[c])
        elif roles[c] == "target" and "responsible" not in roles and content_role(columns[c]) == "responsible":
            roles[c] = "responsible"  # «Участник программы: Комитет по образованию» names who acts
    numbers = [c for c in range(width) if roles[c] == "number"]
    for c in numbers[1:]:  # one column numbers the items; other numeric columns are amounts
        roles[c] = "note"
    results = [c for c in range(width) if roles[c] == "result"]
    marks = [c for c in results if _MARK.search(headers[c] or "")]
    if len(results) > len(marks):  # «Достигнутый результат | Отметка о выполнении»: the text is the result,
        for c in marks:  # the mark («выполнено частично») a note beside it (470, 472)
            roles[c] = "note"
    activity = [c for c in range(width) if roles[c] == "activity"]
    if activity:
        # a stage's name merged down over its rows is their section: the activity is in every row
        # (of those with three cells or more: a section row fills one)
        rows = [n for n, row in enumerate(data) if sum(1 for x in row if x) >= 3] or range(len(data))
        filled = {c: sum(1 for n in rows if columns[c][n]) >= 0.8 * len(rows) for c in activity}
        main = max(activity, key=lambda c: (filled[c], votes[c][1], -c))
        for c in activity:
            if c != main:
                roles[c] = "result" if report and "result" not in roles else "description"
    else:
        free = [c for c in range(width) if roles[c] in (None, "description")] or [
            c for c in range(width) if roles[c] not in ("number", "deadline")
        ]
        if free:
            main = max(free, key=lambda c: sum(len(x) for x in columns[c]))
            roles[main] = "activity"
    return [r or "description" if any(columns[c]) or headers[c] else r for c, r in enumerate(roles)]


def known_roles(headers: Sequence[str]) -> int:
    """How many header cells name a role: a header row names at least two."""
    return sum(1 for h in headers if h and header_role(h)[0])
