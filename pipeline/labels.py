"""Entity labels: the one place that names them, with their Russian names for the interface."""

from __future__ import annotations

PER = "PER"  # a person: «Белова С.В.»
LOC = "LOC"  # a region, municipality or settlement: «Смоленская область»
ORG = "ORG"  # a body or organisation: «Комитет по образованию», «МОЦ», «ГБУ «РЦРО»»
SCHOOL = "SCHOOL"  # a school with its legal form and number: «МБОУ Дорогобужская СОШ № 1»
EVENT = "EVENT"  # a seminar, webinar, round table, contest… with its title
DATE = "DATE"  # a date, month range, quarter, school year or recurrence («ежеквартально»)

LABELS = (PER, LOC, ORG, SCHOOL, EVENT, DATE)

RUSSIAN = {
    PER: "Человек",
    LOC: "Место",
    ORG: "Организация",
    SCHOOL: "Школа",
    EVENT: "Событие",
    DATE: "Срок",
}

# When two spans overlap and are equally long, the more specific label wins (higher first).
SPECIFICITY = {SCHOOL: 6, EVENT: 5, DATE: 4, PER: 3, ORG: 2, LOC: 1}
