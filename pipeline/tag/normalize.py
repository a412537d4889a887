"""Canonical forms, so one person, school or body is one thing across the knowledge base.

PER «Беловой С.В.» → «Белова С.В.»; SCHOOL «МБОУ Дорогобужской СОШ №1» → «МБОУ Дорогобужская
СОШ № 1» (key without the legal form); ORG «Комитета по образованию» → «Комитет по
образованию», glossary abbreviations kept short with their expansion; LOC to the nominative.
"""

from __future__ import annotations

import re

from pipeline import glossary, places
from pipeline.labels import DATE, EVENT, LOC, ORG, PER, SCHOOL
from pipeline.morph import inflect, morph
from pipeline.tag.rules import LEGAL_FORM

_INITIAL = re.compile(r"[А-ЯЁ]\.")
_WORDS = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*")


def person(text: str) -> tuple[str, str, bool]:
    """(canonical «Фамилия И.О.», linking key, whether the surname was printed in the nominative)."""
    initials = "".join(_INITIAL.findall(text))
    words = [w for w in _WORDS.findall(text) if len(w) > 1]
    if not words:
        return text, text.lower(), False
    parses = [(w, [p for p in morph().parse(w) if {"Surn", "Name", "Patr"} & p.tag.grammemes]) for w in words]
    if not initials and len(words) >= 2:  # «Иванова Мария Петровна»: initials from name and patronymic
        initials = "".join(w[0].upper() + "." for w, ps in parses if ps and ({"Name", "Patr"} & ps[0].tag.grammemes))
    surname_word = next((w for w, ps in parses if any("Surn" in p.tag for p in ps)), words[0])
    nominative, lemma, was_nominative = _surname(surname_word)
    canonical = f"{nominative} {initials}".strip()
    return canonical, f"{lemma} {initials.lower()}".strip(), was_nominative


def _surname(word: str) -> tuple[str, str, bool]:
    parses = [p for p in morph().parse(word) if "Surn" in p.tag]
    if not parses:
        return word, word.lower(), True
    lemma = parses[0].normal_form
    if any("nomn" in p.tag for p in parses):
        return word, lemma, True
    form = inflect(parses[0], {"nomn"})
    return (form.word.capitalize() if form else word), lemma, False


def school(text: str) -> tuple[str, str]:
    """(canonical with legal form, key without it)."""
    t = " ".join(text.split())
    t = re.sub(r"№\s*(\d+)", r"№ \1", t)
    # «средняя общеобразовательная школа» is a СОШ; a «средняя школа» is a СШ (not the same name, 318)
    t = re.sub(r"[Сс]редн\w+\s+общеобразовательн\w+\s+школ\w*", "СОШ", t)
    t = re.sub(r"[Оо]сновн\w+\s+общеобразовательн\w+\s+школ\w*", "ООШ", t)
    t = re.sub(r"[Сс]редн\w+\s+школ\w*", "СШ", t)
    t = re.sub(r"[Оо]сновн\w+\s+школ\w*", "ОШ", t)
    t = re.sub(r"[Гг]имнази\w+", "гимназия", t)
    t = re.sub(r"[Лл]ице[йяюме]\w*", "лицей", t)
    t = re.sub(r"\b[Шш]кол\w*\s+№", "школа №", t)
    gender = "masc" if "лицей" in t else "femn"
    t = re.sub(r"[А-ЯЁ][а-яё]+(?:ой|ую|ей|ого|ом|ему)\b", lambda m: _adjective(m.group(0), gender), t)
    legal = re.match(rf"^{LEGAL_FORM}\s+", t)
    key = t[legal.end() :] if legal else t
    branch = re.match(r"[Фф]илиал\w*\s", t)
    if branch and not key.lower().startswith("филиал"):  # a branch is not its parent school
        key = "филиал " + key
    return t, key


def _adjective(word: str, gender: str) -> str:
    for p in morph().parse(word):
        if "ADJF" in p.tag:
            form = inflect(p, {"nomn", "sing", gender})
            return form.word.capitalize() if form else word
    return word


def organisation(text: str) -> tuple[str, str | None]:
    """(canonical name, expansion when the name is a glossary abbreviation)."""
    t = " ".join(text.split())
    if t in glossary.GLOSSARY:
        return t, glossary.expand(t)
    words = t.split(" ", 1)
    head = words[0]
    if head.isupper():
        return t, None
    for p in morph().parse(head):
        if "NOUN" in p.tag and "nomn" not in p.tag:
            form = inflect(p, {"nomn", p.tag.number or "sing"})
            if form:
                head = _match_case(form.word, head)
            break
        if "NOUN" in p.tag:
            break
    name = " ".join([head, *words[1:]])
    return name[:1].upper() + name[1:], None


def place(text: str) -> str:
    """A region or municipality in the nominative; other places word by word."""
    t = " ".join(text.split())
    known = places.normalize(t)
    if known:
        return known
    m = re.match(r"^(г\.|город[а-я]*)\s*([А-ЯЁ][а-яё-]+)$", t)
    if m:
        return "г. " + _noun_nominative(m.group(2))
    words = t.split()
    noun = next((w for w in reversed(words) if any("NOUN" in p.tag for p in morph().parse(w))), None)
    gender = None
    if noun:
        parses = [p for p in morph().parse(noun) if "NOUN" in p.tag]
        gender = parses[0].tag.gender if parses else None
    out = []
    for w in words:
        parses = morph().parse(w)
        if parses and "ADJF" in parses[0].tag and gender:
            form = inflect(parses[0], {"nomn", "sing", gender})
            out.append(_match_case(form.word, w) if form else w)
        else:
            out.append(_noun_nominative(w))
    return " ".join(out)


def _noun_nominative(word: str) -> str:
    for p in morph().parse(word):
        if "NOUN" in p.tag:
            if "nomn" in p.tag:
                return word
            form = inflect(p, {"nomn", p.tag.number or "sing"})
            return _match_case(form.word, word) if form else word
    return word


def _match_case(new: str, like: str) -> str:
    if like.isupper():
        return new.upper()
    return new.capitalize() if like[:1].isupper() else new


_EVENT_BASES = (
    (r"семинар\w*-практикум\w*", "семинар-практикум"),
    (r"семинар", "семинар"),
    (r"вебинар", "вебинар"),
    (r"кругл\w+\s+стол", "круглый стол"),
    (r"конференц", "конференция"),
    (r"мастер-класс", "мастер-класс"),
    (r"совещани", "совещание"),
    (r"заседани\w*", "заседание"),
    (r"конкурс", "конкурс"),
    (r"курс\w*\s+повышения", "курсы повышения квалификации"),
    (r"методическ\w+\s+д", "методический день"),
    (r"педагогическ\w+\s+совет|педсовет", "педагогический совет"),
    (r"форум", "форум"),
    (r"стажировк", "стажировка"),
    (r"тренинг", "тренинг"),
    (r"олимпиад", "олимпиада"),
    (r"коллеги", "коллегия"),
)


def event(text: str) -> str:
    """«вебинар «Взаимодействие куратора и школы…»»: the kind of event, then its title."""
    t = " ".join(text.split())
    low = t.lower()
    base = next((name for rx, name in _EVENT_BASES if re.match(rx, low)), low.split(" ")[0])
    if base == "заседание":
        obj = re.match(r"заседани\w*\s+(.+?)(?:\s*«|$)", t, re.IGNORECASE)
        base = f"заседание {obj.group(1)}" if obj else base
    title = t[t.index("«") :] if "«" in t else ""
    return f"{base} {title}".strip()


def canonical(label: str, text: str) -> tuple[str, str, dict]:
    """(canonical form, key, extra) for one entity; DATE is handled by `deadlines`."""
    extra: dict = {}
    if label == PER:
        form, lemma, nominative = person(text)
        extra = {"lemma": lemma, "nominative": nominative}
        return form, f"{PER}:{form}", extra
    if label == SCHOOL:
        form, key = school(text)
        return form, f"{SCHOOL}:{key}", extra
    if label == ORG:
        form, expansion = organisation(text)
        if expansion:
            extra["expansion"] = expansion
        return form, f"{ORG}:{form}", extra
    if label == LOC:
        form = place(text)
        return form, f"{LOC}:{form}", extra
    if label == EVENT:
        form = event(text)
        return form, f"{EVENT}:{form.lower()}", extra
    form = " ".join(text.split())
    return form, f"{DATE}:{form.lower()}", extra


# A body named by its kind alone: which one it is depends on where the document comes from.
_BARE_BODY = re.compile(
    r"(?:Министерство|Департамент|Комитет|Управление|Отдел|Правительство|Администрация|Дума)"
    r"(?:\s+(?:по\s+)?образовани[юея](?:\s+и\s+(?:науке|науки|молод[её]жной\s+политики))?)?"
)
_MUNICIPAL_BODY = re.compile(r"(?:Комитет|Управление|Отдел|Администрация|Дума)\b")
# A school named by number alone («МБОУ СОШ № 2»): every town has one.
_NUMBERED_SCHOOL = re.compile(r"(?:[А-ЯЁ]{2,6}\s+)?(?:СОШ|ООШ|НОШ|СШ|[Шш]кола|[Гг]имназия|[Лл]ицей)\s*№\s*\d+")


def located(label: str, form: str, region: str | None, municipality: str | None) -> str:
    """The key of a body or school: its name with the place that tells it from its namesakes,
    «Министерство образования (Тверская область)», «МБОУ СОШ № 2 (Кимрский район)». A place
    printed at the end of the name moves into the brackets, so the body written in full, in
    short in a document of that region, and in the genitive, is one key."""
    if label == ORG:
        spans = places.region_spans(form) + places.municipality_spans(form)
        last = max(spans, key=lambda s: s[1], default=None)
        if last and not form[last[1] :].strip(' »"') and _BARE_BODY.fullmatch(form[: last[0]].strip()):
            return f"{form[: last[0]].strip()} ({last[2]})"
        if _BARE_BODY.fullmatch(form):
            place = municipality if municipality and _MUNICIPAL_BODY.match(form) else region or municipality
            return f"{form} ({place})" if place else form
        return form
    if label == SCHOOL and _NUMBERED_SCHOOL.fullmatch(form):
        place = municipality or region
        return f"{form} ({place})" if place else form
    return form
