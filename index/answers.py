"""Answers to questions in Russian, read from the knowledge base and cited, never invented.

«Кто отвечает за мониторинг в Дорогобужском районе?» gives: what is asked (who), the topic
(«мониторинг») and the place («Дорогобужский район», a filter). Search brings candidate
rows; each is scored by how much of the question's topic it holds (rare lemmas weigh more,
its document's title and place count for half), and the best rows that hold the asked value
answer, each value citing its row (see index/answer_values.py for how values are read).
When no row carries the topic, the answer is «Не найдено» with the nearest rows.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from index import answer_values, lemmas
from index.results import Filters, Hit, StoredDocument, StoredItem, Understood, cite
from index.search import HybridSearch
from pipeline import glossary, patterns, places
from pipeline.labels import SCHOOL
from pipeline.segment import header

# What a question asks: the kind whose words come first (a tie goes by this order); a question
# with «ли» asks whether; anything else asks for the method, programme or activity («какие»,
# «что», «как называется»).
ASKS = (
    (
        "count",
        re.compile(
            r"\b(сколько|скольк\w+|как\w+ дол[июяе]\w*|какой процент|какое количество|(?<!по )(?<!на )какое число)\b",
            re.I,
        ),
    ),
    (
        "where",
        re.compile(
            r"\b(где|куда|в каких (?:районах|муниципалитетах|регионах)|(?:в |на )?(?:каком|какой|каких|какие|какого)\s+"
            r"(?:район(?:е|а|ы|ах|ов)?\b|регион(?:е|а|ы|ах|ов)?\b|город(?:е|а|ах|ов)?|муниципалитет\w*"
            r"|муниципальн\w+ (?:район\w*|округ\w*)|"
            r"области|крае|республике|округе|субъекте|посел(?:ке|ок|ках|ении|ениях)|сел(?:е|ах|а)"
            r"|населе?ё?нн\w+\s+пункт\w*))\b",
            re.I,
        ),
    ),
    (
        "school",
        re.compile(
            r"\b(как\w+|котор\w+|чь\w+)\s+(?:[а-яё]+(?:[ыиоа]й|[ая]я|ую|[ыи]е|[ыи]х|ое|ей)\s+)?"
            r"(школ(?:а|ы|е|у|ой|ам|ах|ами)?|гимнази\w*|лице\w*)\b"  # not «какие школьные соревнования»
            r"|\bс какой школой\b",
            re.I,
        ),
    ),
    (
        "who",
        re.compile(
            r"\b(кто|кого|кем|кому|ответствен\w*|отвечает|отвечают|исполнител\w*|чь[яеиюй]\w*|из числа как\w+"
            rf"|(?:как\w+|в каком|на базе какого)\s+(?:[а-яё]+(?:ий|ый|ой|ая|ое|ие|ые|ую|ого|ом)\s+){{0,2}}"
            rf"(?:{answer_values.BODY_NOUNS}))\b",
            re.I,
        ),
    ),
    (
        "when",
        re.compile(
            r"\b(когда|в какие сроки|в какой срок|срок\w*|в каком (?:месяце|году)|в какие (?:месяцы|годы|дни)"
            r"|в какой день|до (?:какого|которого) часа|в котором часу|на какой месяц|на какую дату|на какое число"
            r"|в каких (?:месяцах|годах)"
            r"|с какой даты|с какого (?:числа|месяца|года|времени|момента)|какого числа|по какое число"
            r"|до (?:какого числа|какой даты|какого срока)|к какому|к какой дате"
            r"|как часто|с какой (?:периодичностью|регулярностью))\b",  # the deadline cell says how often
            re.I,
        ),
    ),
    # «Как называется курс, который школа включила …?» names a course, whatever the clause says after
    (
        "what",
        re.compile(
            r"^\s*о\s+ч[её]м\b"  # «О чём семинар, который школа № 2 …?»: its topic
            r"|\bкак\s+называ\w+\s+(?!(?:[а-яё]+\s+)?(?:школ(?!ьн)|гимнази|лице|учрежден|организаци|орган|отдел|управлени"
            r"|министерств|департамент|комитет|центр|институт|ведомств|населе?ё?нн|пункт|район|город|сел[оа]|посел|должност))",
            re.I,
        ),
    ),
    ("whether", re.compile(r"^\s*\w+(?:\s+\w+)?\s+ли\b|\bли\b", re.I)),
)

# Lemmas that say what is asked, not what about: never part of the topic.
QUESTION_WORDS = frozenset(
    "кто кем кому когда где куда сколько какой каков что чем который чей отвечать ответственный исполнитель срок "
    "проводиться проводить провести проходить быть есть делать сделать назначить назначен месяц год "
    "ли мочь каждый весь число доля процент количество называться как район регион город муниципалитет "
    "предусмотреть предусматривать он она оно они его её ее их ней нём нем него них это этот такой "
    "чтобы самый рамка вместе также должный нужно надо дата".split()  # «чтобы найти», «самые трудные», «в рамках»
)
# «п. Новостройка», «с. Шамары»: the mark says where, not what.
SETTLEMENT_MARKS = frozenset("г гор с п пос пгт д ст х".split())
# A purely semantic match must be at least this close (e5 cosines of unrelated Russian texts sit near 0.80).
DENSE_ALONE = 0.87
# … and, when no row holds enough of the topic, this close: the question paraphrases its one row
# («поменяли старые окна» for «Замена оконных блоков»).
DENSE_FAILING_WORDS = 0.84
# «Есть ли …?» asked in other words than the row's: a row very close in meaning that holds a quarter
# of the topic, two words of it at least, supports a «да» (dev is_there 64 -> 68/88, two «нет» lost).
WHETHER_SHARE = 0.25
WHETHER_CLOSE = 0.86
POOL = 50  # candidate rows scored before the best ones are cited
# A table's row records an activity with its deadline and who does it; a clause or a paragraph on the
# same words is cited after it.
ROW_AHEAD = 0.05
# A clause approving the document itself («Утвердить план мероприятий по обеспечению объективности …
# (приложение)») repeats the plan's title, which a question names; it answers nothing the plan's rows do.
APPROVING_BEHIND = 0.2
_APPROVES_DOCUMENT = re.compile(
    r"\s*утвердить\s+(?:прилагаем\w+\s+|муниципальн\w+\s+|школьн\w+\s+)?"
    r"(?:план|программ|дорожн|положени|перечень|комплекс|график|состав)",
    re.IGNORECASE,
)
# The share of the topic's weight a row must hold to support an answer (see `_enough`). Questions
# paraphrase rows («разбирают трудные задания» for «разбор заданий, вызывающих затруднения»), so a
# third will do for a value, which is cited and can be checked; «да» to «есть ли …?» needs more.
ENOUGH = 0.35
ENOUGH_WHETHER = 0.4
SHORT_ENOUGH = 0.5  # of a topic of one or two words


@dataclass
class Fact:
    """One value of the answer («Минаева Е.Л.», «сентябрь 2020») and the items saying so."""

    value: str
    item_ids: list[int] = field(default_factory=list)


@dataclass
class Answer:
    question: str
    asks: str  # who | when | where | school | count | whether | what
    topic: list[str]  # lemmas the answer must be about
    filters: Filters
    found: bool
    text: str  # the answer in one Russian sentence, with [n] marks to `evidence`
    facts: list[Fact]
    evidence: list[Hit]  # the cited items; the nearest items when nothing was found

    def citation(self, n: int) -> str:
        """«[1] приказ № 61/01-04 от 2018-03-02 (Смоленская область), строка 3 — 000_….txt»."""
        return cite(self.evidence[n - 1], n)


def asks(question: str) -> str:
    """The kind whose question words come first: «Кто … проверяет данные, которые школы вносят?»
    asks who, «До какой даты … назначают ответственного?» asks when (ties go by `ASKS` order)."""
    found = [(m.start(), n, kind) for n, (kind, pattern) in enumerate(ASKS) if (m := pattern.search(question))]
    if _WHEN_CLAUSE.match(question):  # «Какую форму применяют, когда ученики помогают?»: not a «when»
        found = [f for f in found if f[2] != "when"]
    if _WHERE_CLAUSE.match(question):  # «Как помогают учителям школ, где ВПР написали плохо?»: a clause
        found = [f for f in found if f[2] != "where"]
    if _INDIRECT_LI.match(question):  # «Как проверяют, хорошо ли кормят детей?»: «ли» of a clause
        found = [f for f in found if f[2] != "whether"]
    return min(found)[2] if found else "what"


# A question opened by a question word, with «ли» only after a comma: an indirect question inside it.
_INDIRECT_LI = re.compile(
    r"^\s*(?:как\w*|что|кто|кого|кому|чем|где|куда|когда|сколько|почему|зачем|в\s+как\w+|на\s+как\w+)\b[^,?]*,[^?]*\bли\b",
    re.I,
)
# A question opened by another question word, with «где» or «куда» after a comma: a clause, not the
# question («Как помогают учителям школ, где ВПР написали плохо?»); «Как называется …, где …?» asks the place.
_WHERE_CLAUSE = re.compile(
    r"^\s*(?!как\s+называ)(?:как\w*|что|кто|чем|сколько|когда)\b[^,?]*,[^?]*?\b(?:где|куда)\b", re.I
)
# A question opened by another question word, with «когда» after a comma: a clause, not the question.
_WHEN_CLAUSE = re.compile(r"^\s*(?:как\w*|что|кто|чем|где|сколько)\b[^,?]*,\s*когда\b(?!.*\bкогда\b)", re.I)


def answer(search: HybridSearch, question: str, filters: Filters | None = None, k: int = 5) -> Answer:
    kind = asks(question)
    understood = _with_town(search.understand(question), question)
    named = {
        key: value
        for key in ("region", "municipality", "year_from", "year_to")
        if (value := getattr(understood, key)) and not getattr(filters, key, None)
    }
    filters = replace(filters or Filters(), **named)
    topic = _topic(question, understood)
    hits = search.search(question, filters, k=POOL)
    whether = kind == "whether"
    # «Какая форма поддержки …?»: the row names the form («школа молодого педагога»), seldom the word «форма».
    category = answer_values.asked_noun(question) if kind == "what" else None
    category = category if category in answer_values.CATEGORY_NOUNS else None
    titled = _titles_named(question) if whether else frozenset()
    ranked = _ranked(search, topic, hits, whether=whether, category=category, titled=titled)
    everywhere = replace(filters, **dict.fromkeys(named))
    place = _place_lemmas(understood)
    wide = None  # the candidates found without the filter and those of them placed there: searched once
    if ranked and named and any(k in named for k in ("year_from", "municipality")):
        # A programme adopted the year before its period, or a district's act with no district in its
        # metadata, fails the filter though its row is the answer: rows found without the filter that
        # name the place (or whose document's place is unknown) compete, the filtered ones a little ahead.
        wide_hits = search.search(question, everywhere, k=POOL)
        wide = wide_hits, _placed_elsewhere(search, topic, wide_hits, place, named, whether, category, titled)
        said = [(s, h) for s, h in wide[1] if not place or place & (_row_lemmas(h) | _context(search, h))]
        ranked = _merged(ranked, said)
    supported = [h for _, h in ranked]
    read = _reader(search, kind, _place_asked(understood, question)) if kind != "whether" else None
    holds_value = read is None or kind == "count" or any(read(h, question) for h in supported)
    if (not supported or not holds_value) and named:
        # Documents may not state their place or year in the metadata: search everywhere, and
        # let the row or its document's title name the place instead.
        filters = everywhere
        if wide is None:
            wide_hits = search.search(question, filters, k=POOL)
            wide = wide_hits, _placed_elsewhere(search, topic, wide_hits, place, named, whether, category, titled)
        hits = wide[0]
        supported = [h for _, h in wide[1]]
        placed = [h for h in hits if place & _about(search, h)]
        home = _home(search, named)
        here = [h for h in supported if place & _about(search, h) or _in(h, home) or not h.document.region]
        if whether and placed and not here:
            # The place's own document is there, and no row of it, of its region or of a document
            # whose region is unknown (a district's act may not name its region) holds the topic.
            text = "Нет: в документах, где назван этот район или регион, такого пункта нет (ближайший [1])."
            return Answer(question, kind, topic, filters, False, text, [], placed[:k])
    number = _SCHOOL_NUMBER.search(question)
    if number:  # «школы № 617»: the row or its document must name that school
        supported = [h for h in supported if _names_number(h, number.group(1))]
    names = _names_asked(question, topic) if whether else set()
    if names:  # «… в плане Новоселенгинской школы-интерната …?»: a «да» from another school's plan is none
        supported = [h for h in supported if names <= _row_lemmas(h) | _context(search, h)]
    candidates = [*hits, *(wide[0] if wide else [])]
    own = _titled_documents(candidates, titled)
    if own:  # «Предусматривает ли программа «Развитие образования в городе Курске» …?»: its rows alone answer
        supported = [h for h in supported if h.document.id in own]
        if not supported:
            nearest = [h for h in candidates if h.document.id in own][:k]
            text = "Нет: в документе с этим названием такого пункта нет (ближайший [1])."
            return Answer(question, kind, topic, filters, False, text, [], nearest)
    if not supported:
        return Answer(question, kind, topic, filters, False, "Не найдено.", [], hits[:k])
    if kind == "whether":
        evidence = supported[:k]
        facts = [Fact(" ".join(h.item.activity.split()), [h.item_id]) for h in evidence[:1]]
        undone = _not_done(evidence[0])
        if undone:  # a report's row: planned, and marked as not done
            text = f"Нет: «{facts[0].value}» — {undone} [1]."
            return Answer(question, kind, topic, filters, False, text, facts, evidence)
        return Answer(question, kind, topic, filters, True, f"Да: {facts[0].value} [1].", facts, evidence)
    then = None  # the reader for the rest, when the first finds fewer than k rows
    # a quoted name answers first when the best-supported row prints one, or when a name may be asked
    named_rows = supported[: k if answer_values.names_asked(question) else 1]
    if kind == "what" and any(answer_values.what_named(h, question) for h in named_rows):
        read, then = answer_values.what_named, read
    if kind in ("who", "where", "what", "school") and any(answer_values.anchored(h, question) for h in supported[:k]):
        read = answer_values.anchored
    if kind in ("where", "what") and not then and any(answer_values.in_which(h, question) for h in supported[:k]):
        read, then = answer_values.in_which, read  # «в каких объединениях …?»: the row's phrase of that noun
    trains = kind in ("where", "who", "what") and answer_values.asks_trainer(question)
    if trains and any(answer_values.trainer(h, question) for h in supported[:k]):
        read, then = answer_values.trainer, read  # «куда … на курсы?»: the institute that teaches
    if kind == "who" and _WHOM.match(question):  # «кого …»: whom the rows name
        people = any(answer_values.whom(h, question) for h in supported[:k])
        if people:
            read = answer_values.whom
        elif not _MADE_RESPONSIBLE.search(question):  # «кого сделали ответственными»: the responsible cell
            read = answer_values.what
    if kind == "count":  # a number counting what is asked first; else a row's only number
        then = answer_values.count_any
    evidence, facts = [], {}
    wanted = 1 if kind == "count" else k
    for reader in filter(None, (read, then)):  # rows naming what is asked first, then any others
        for hit in supported:
            if len(evidence) == wanted:
                break
            values = [] if hit in evidence else [v for v in reader(hit, question) if _SAYS_SOMETHING.search(v)]
            if not values:
                continue
            evidence.append(hit)
            for value in values:
                facts.setdefault(" ".join(value.lower().split()), Fact(value)).item_ids.append(hit.item_id)
    if not facts and kind == "count":  # no row states the number: count the rows on the topic
        text = f"Найдено пунктов: {len(supported)} в документах: {len({h.document.id for h in supported})}."
        return Answer(
            question,
            kind,
            topic,
            filters,
            True,
            text,
            [Fact(h.item.activity, [h.item_id]) for h in supported],
            supported,
        )
    if not facts:
        return Answer(question, kind, topic, filters, False, "Не найдено.", [], supported[:k])
    number = {h.item_id: n for n, h in enumerate(evidence, start=1)}
    # «ОО», «образовательные организации»: a row done by every school names no one; a named body or
    # person from the next row answers first; «кто возглавляет …?» asks for a person, not the body headed;
    # «в какие месяцы …?» asks for months: a deadline naming one answers before a span of years
    head = kind == "who" and bool(_ASKS_HEAD.search(question))
    months = kind == "when" and bool(_ASKS_MONTH.search(question))
    day = kind == "when" and answer_values.asks_day(question)  # «с какого числа …?»: a day before a quarter
    often = kind == "when" and bool(_ASKS_OFTEN.search(question))  # «как часто …?»: «еженедельно, по пятницам»
    asked = _own_words(question)
    partner = _partner(question, understood) if kind == "who" else set()
    ordered = sorted(
        facts.values(),
        key=lambda f: (
            kind in ("what", "where") and _echoes(f.value, asked),
            kind == "what" and _only_a_kind(f.value),
            _is_partner(f.value, partner),
            kind == "when" and _years_asked(f.value, question),
            kind == "who" and answer_values.collective(f.value),
            head and not (patterns.NAME.search(f.value) or _SHORT_NAME.search(f.value)),
            months and not _MONTH.search(f.value),
            day and not answer_values.names_day(f.value),
            often and not _PERIODIC.search(f.value),
        ),
    )
    parts = [f"{f.value} [{', '.join(str(number[i]) for i in f.item_ids)}]" for f in ordered]
    return Answer(question, kind, topic, filters, True, "; ".join(parts) + ".", ordered, evidence)


def _placed_elsewhere(
    search: HybridSearch,
    topic: list[str],
    hits: list[Hit],
    place: set[str],
    named: dict,
    whether: bool = False,
    category: str | None = None,
    titled: frozenset[str] = frozenset(),
) -> list[tuple[float, Hit]]:
    """Rows found without the place filter whose row or document names the place (or whose
    document's place at the level asked is unknown), never a district of another region; with
    their scores, best first."""
    levels = {key for key in named if key in ("region", "municipality")}
    home = _home(search, named)
    return [
        (score, h)
        for score, h in _ranked(search, topic, hits, place, levels, whether, category, titled)
        if not (home and h.document.region and not _in(h, home))
    ]


FILTERED_AHEAD = 0.1  # how far a row whose document passes the question's filter goes before one found without it


def _merged(filtered: list[tuple[float, Hit]], wide: list[tuple[float, Hit]]) -> list[tuple[float, Hit]]:
    """Both lists of scored rows as one, best first, each row once."""
    best: dict[int, tuple[float, Hit]] = {}
    for score, h in [(s + FILTERED_AHEAD, h) for s, h in filtered] + wide:
        if h.item_id not in best or score > best[h.item_id][0]:
            best[h.item_id] = (score, h)
    return sorted(best.values(), key=lambda x: -x[0])


def _with_town(understood: Understood, question: str) -> Understood:
    """«в Череповце», «в городе Курчатове»: a town named alone names its region (when only one
    region has a town of that name), so the question is asked of that region's documents."""
    if understood.region or understood.municipality:
        return understood
    from pipeline import gazetteer

    found = gazetteer.regions_of_places(question) or gazetteer.town_adjective_regions(question)
    return replace(understood, region=next(iter(found))) if len(found) == 1 else understood


def _home(search: HybridSearch, named: dict) -> str | None:
    """The region of the place a question names."""
    return named.get("region") or (search.region_of(named["municipality"]) if "municipality" in named else None)


def _in(hit: Hit, region: str | None) -> bool:
    return bool(region) and hit.document.region in places.region_names(region)  # any of its names


def _topic(question: str, understood: Understood) -> list[str]:
    """The question's lemmas without question words, the place named, years and the document it
    points to («в дорожной карте», «в программе развития школы № 617»: where to look, not what)."""
    place = " ".join(x for x in (understood.region, understood.municipality) if x)
    spans = places.region_spans(question) + places.adjective_region_spans(question)
    for start, end, _ in spans + places.everyday_region_spans(question):
        question = question[:start] + " " * (end - start) + question[end:]  # «КБР», «карельской»: where, not what
    drop = QUESTION_WORDS | set(lemmas.lemmas(place)) | {"область", "район", "округ", "городской"} | SETTLEMENT_MARKS
    question = _CONTRAST.sub(" ", _IN_DOCUMENT.sub(" ", _SETTLEMENTS.sub(" ", question)))
    short = lemmas.abbreviations(question) + lemmas.compounds(question)
    expansions = {lemma for w in short for lemma in lemmas.expansion_lemmas(w)}
    terms = lemmas.query_terms(question)
    kept = [t for t in terms if t not in drop and not t.isdigit()]
    return [t for t in kept if t not in expansions or t in _own_words(question)]  # «ВПР» counts once


# «в программе «Развитие образования …»», «по проекту «…»»: a quoted title names the document.
_QUOTED_TITLE = re.compile(
    r"(?i)\b(?:программ|подпрограмм|проект|план|карт|концепци)\w*\s+(?:[а-яё-]+\s+){0,2}«([^«»]+)»"
)


def _titles_named(question: str) -> frozenset[str]:
    """The lemmas of the document titles a question quotes."""
    return frozenset(w for m in _QUOTED_TITLE.finditer(question) for w in lemmas.lemmas(m.group(1)))


def _names_asked(question: str, topic: list[str]) -> set[str]:
    """The topic's proper names: words the question capitalises inside a sentence («Новоселенгинской
    школы», «города Иванова»), not abbreviations («ЕГЭ») and not the place the filter already holds."""
    words = re.findall(r"(?<=[\s«\"(])[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*", question)
    return {w for w in (lemmas.lemma(x) for x in words) if w in topic}


def _titled_documents(hits: list[Hit], titled: frozenset[str]) -> set[int]:
    """The document among `hits` whose title holds every word of the title a question quotes, when
    that title names one («Развитие образования в городе Курске»; many are «Развитие образования»)."""
    own = {h.document.id for h in hits if titled and titled <= set(lemmas.lemmas(h.document.title or ""))}
    return own if len(own) == 1 else set()


def _own_words(question: str) -> set[str]:
    """The question's own lemmas, without the expansions of its abbreviations."""
    return {lemmas.lemma(w) for w in lemmas.words(question)}


def _partner(question: str, understood: Understood) -> set[str]:
    """The body a question names as working beside the one asked, by its lemmas without the place
    («вместе с министерством образования Камчатского края» → министерство, образование), or none."""
    from pipeline.morph import morph

    found = _PARTNER.search(question)
    words = lemmas.words(question[found.start(1) :]) if found else []
    parses = [morph().parse(w)[0] for w in words[:8]]
    head = next((i for i, p in enumerate(parses[:3]) if p.tag.POS == "NOUN"), None)
    if head is None:
        return set()
    said = [parses[head], *itertools.takewhile(lambda p: p.tag.case == "gent", parses[head + 1 :])]
    return {p.normal_form.replace("ё", "е") for p in said} - _place_lemmas(understood) - GENERIC_PLACE


def _is_partner(value: str, partner: set[str]) -> bool:
    """One body, the partner named («министерства образования Рязанской области»), not a cell
    listing it beside others («РО ВВПОД «ЮНАРМИЯ», органы местного самоуправления»)."""
    return bool(partner) and not re.search(r"[,;]", value) and partner <= set(lemmas.lemmas(value))


# The words of a document's kind («дорожная карта», «протокол», «программа»): a value saying only them names
# the document a row points to («в соответствии с дорожной картой»), not the method or event asked.
_KIND_LEMMAS = frozenset(
    w
    for printed, _ in header.KINDS
    if not printed.startswith(("информация", "сведения"))  # «информация о ходе …»: its words say more
    for w in lemmas.lemmas(printed)
)


def _only_a_kind(value: str) -> bool:
    said = lemmas.lemmas(value)
    return bool(said) and set(said) <= _KIND_LEMMAS


def _echoes(value: str, asked: set[str]) -> bool:
    """A value that only repeats what the question names («Развитие образования в Астраханской
    области» for «как Астраханская область по программе развития образования …?») tells nothing:
    every lemma of it is the question's own. One word may be the answer («Наставничество»)."""
    said = [w for w in lemmas.query_terms(value) if not w.isdigit()]
    return len(said) > 1 and all(w in asked for w in said)


_IN_DOCUMENT = re.compile(
    r"\b(?:в|во)\s+(?:[а-яё]+(?:ой|ом|ем)\s+){0,3}(?:дорожн\w+\s+карт\w+|программ\w+(?:\s+развития)?"
    r"|план\w*(?:-график\w*)?(?:\s+мероприятий)?|отч[её]т\w*|приказ\w*|сетев\w+\s+график\w*)",
    re.I,
)
# «В каких населённых пунктах …?»: what is asked, not what about.
_SETTLEMENTS = re.compile(r"\bнаселе?ё?нн\w+\s+пункт\w*", re.I)
# «Кого …?» asks whom the row names, not who does it.
_WHOM = re.compile(r"\s*(?:а\s+)?(?:на\s+)?кого\b", re.I)  # «На кого возложен контроль …?» too
_MADE_RESPONSIBLE = re.compile(r"\b(?:ответственн|исполнител)\w*", re.I)
# What the answer is not: «конкурс, который проводят наряду с «Учителем года»», «помимо ВПР».
_CONTRAST = re.compile(r"\b(?:наряду с|помимо|кроме)\s+(?:«[^»]*»+|\w+(?:\s+\w+)?)", re.I)
# «Как часто …?», «с какой периодичностью …?», «в какой день недели …?»: a period is asked, not a date.
_ASKS_OFTEN = re.compile(r"\bкак\s+часто\b|\bс\s+какой\s+периодичност|\bв\s+какие?\s+дн(?:и|ень)\s+недели", re.I)
_PERIODIC = re.compile(
    r"\bеже(?:дневн|недельн|месячн|квартальн|годн)\w*|\bкажд\w+|\bраз\s+в\b|\bпо\s+(?:понедельник|вторник|сред|четверг|пятниц|суббот)\w*",
    re.I,
)
_ASKS_MONTH = re.compile(r"\b(?:в|к)\s+как\w+\s+месяц", re.I)
_MONTH = re.compile(rf"(?i)\b{patterns.MONTH_WORD}\b|\b\d{{1,2}}\.\d{{1,2}}\.")  # «февраль – март», «17.01.2025»
# A person with one initial, as protocols print the chair: «Козырев А., председатель Совета».
_SHORT_NAME = re.compile(r"\b[А-ЯЁ][а-яё]+\s+[А-ЯЁ]\.(?![А-ЯЁа-яё])")
_SAYS_SOMETHING = re.compile(r"[А-ЯЁа-яёA-Za-z0-9]")  # a rule of dashes from a pseudographic cell says nothing
# «Кто вместе с министерством …?»: the body named beside the answer is not the answer.
_PARTNER = re.compile(r"\b(?:вместе|совместно)\s+с\s+((?:[А-ЯЁа-яё-]+\s+){0,2}[А-ЯЁа-яё-]+)", re.I)
_ASKS_HEAD = re.compile(r"\bкто\s+(?:возглавля|руковод|председательств)\w*", re.I)
_SCHOOL_NUMBER = re.compile(r"(?:школ\w*|СОШ|лице\w*|гимнази\w*)\s*№\s*(\d+)", re.I)


def _years_asked(value: str, question: str) -> bool:
    """«2011-2012 учебном году» for «Когда в 2012 году …?»: only years, and the question names them."""
    years = re.findall(r"(?:19|20)\d\d", value)
    rest = re.sub(r"(?:19|20)\d\d|учебн\w*|год\w*|гг?\.|[\s/–—-]", "", value)
    return bool(years) and not rest and any(y in question for y in years)


def _names_number(hit: Hit, number: str) -> bool:
    said = " ".join(x or "" for x in (hit.item.activity, hit.item.description, hit.document.title, hit.document.source))
    said += " " + " ".join(e.text for e in hit.item.entities if e.label == SCHOOL)
    return re.search(rf"(?<!\d){number}(?!\d)", said) is not None


GENERIC_PLACE = answer_values.PLACE_WORDS | {"городской", "муниципальный", "автономный"}


def _place_asked(understood: Understood, question: str) -> set[str]:
    """The words that tell the place asked about: the district's, else the question's own but its
    region's («школа города Щигры Курской области»: «щигры»)."""
    if understood.municipality:
        return set(lemmas.lemmas(understood.municipality)) - GENERIC_PLACE
    return _own_words(question) - set(lemmas.lemmas(understood.region or "")) - GENERIC_PLACE


def _place_lemmas(understood: Understood) -> set[str]:
    """«Ленинградская область» → {«ленинградский»}: the words that name the place itself."""
    named = " ".join(x for x in (understood.region, understood.municipality) if x)
    return set(lemmas.lemmas(named)) - GENERIC_PLACE


def _supported(search: HybridSearch, topic: list[str], hits: list[Hit], **kwargs) -> list[Hit]:
    """The candidates `_ranked` keeps, best first, without their scores."""
    return [h for _, h in _ranked(search, topic, hits, **kwargs)]


def _ranked(
    search: HybridSearch,
    topic: list[str],
    hits: list[Hit],
    required: frozenset[str] | set[str] = frozenset(),
    levels: set[str] | frozenset[str] = frozenset(),
    whether: bool = False,
    category: str | None = None,
    titled: frozenset[str] = frozenset(),
) -> list[tuple[float, Hit]]:
    """Candidates that hold enough of the topic (or are semantically very close), with their
    scores, best first.

    A topic lemma counts fully in the row and half in its document's title, issuer and place
    («в Кургане» is said by the document, not by each row); rare lemmas weigh more; a word of
    the same stem counts 0.7 («составляют», «составление»). `required` lemmas (a place) must be
    said by the row or its document, unless the document's place at the `levels` named (region,
    municipality) is unknown.

    «Есть ли в дорожной карте по центрам «Точка роста» наставничество?» asks whether the document
    holds the rest of the topic: for `whether`, the words of a row's document title, issuer and
    district, and those of a title the question quotes (`titled`: the row may be the passport or the
    letterhead that prints them), do not count
    (unless they are the whole topic), and closeness of meaning alone supports nothing. The
    `category` a «что» question asks for («какая форма», «какой курс») weighs half: rows name an
    instance of it, not the word.
    """
    if not topic:
        return [(h.similarity or 0.0, h) for h in hits if (h.similarity or 0.0) >= DENSE_ALONE]
    df = search.lemma_counts(topic)
    total = max(search.item_count(), 1)
    weight = {
        t: math.log(1 + total / (1 + df.get(t, 0))) * (0.5 if _is_verb(t) or t == category else 1.0) for t in topic
    }
    scored, near = [], []
    for rank, h in enumerate(hits):
        item, doc = h.item, h.document
        row, about = _row_lemmas(h), _context(search, h)
        place_said = bool(required & (row | about))
        if required and not place_said and any(getattr(doc, level) for level in levels):
            continue  # a document placed elsewhere; one whose place (at the level asked) is unknown may answer
        asked = weight
        if whether:
            named = titled | set(lemmas.lemmas(" ".join(x or "" for x in (doc.title, doc.issuer, doc.municipality))))
            asked = {t: w for t, w in weight.items() if t not in named} or weight
        holds = {t: _holds(t, row, about) for t in asked}
        dated = _dated(asked, holds, item, doc)
        asked = {t: w for t, w in asked.items() if holds[t] is not None} or weight
        holds = {t: holds[t] or 0.0 for t in asked}
        share = sum(w * holds[t] for t, w in asked.items()) / sum(asked.values())
        share += 0.1 if dated else 0.0  # «в июне»: the row whose deadline is June
        share += 0.2 if place_said and not whether else 0.0  # the place named, said
        # Under half of the topic, the row must still say three of its words (a «да» needs them in the
        # row itself): «конкурс школьных театров» is not answered by «конкурсах и олимпиадах школьников».
        said = sum(x >= (0.7 if whether else 0.5) for x in holds.values())
        enough = share >= SHORT_ENOUGH or (share >= _enough(len(asked), whether) and said >= 3)
        close = whether and share >= WHETHER_SHARE and said >= 2 and (h.similarity or 0.0) >= WHETHER_CLOSE
        score = share + 0.5 * (h.similarity or 0.0) - 0.002 * rank + (ROW_AHEAD if item.kind == "row" else 0.0)
        if not whether and item.kind == "clause" and _APPROVES_DOCUMENT.match(item.activity):
            score -= APPROVING_BEHIND  # «Утвердить план мероприятий по …»: the plan's rows say what is done
        if enough or close or (not whether and (h.similarity or 0.0) >= DENSE_ALONE):
            scored.append((score, h))
        elif not whether and (h.similarity or 0.0) >= DENSE_FAILING_WORDS:
            near.append((score, h))
    return sorted(scored or near, key=lambda x: -x[0])


_NUMERIC_MONTH = re.compile(r"(?<![\d.])\d{1,2}\.(0[1-9]|1[0-2])\.(?:\d{4}|\d{2})(?!\d)")  # «до 15.04.2021»
_SEASONS = {
    "зима": "декабрь январь февраль",
    "весна": "март апрель май",
    "лето": "июнь июль август",
    "осень": "сентябрь октябрь ноябрь",
}
_MONTH_ADJECTIVES = (
    "январский февральский мартовский апрельский майский июньский июльский августовский сентябрьский октябрьский "
    "ноябрьский декабрьский"
).split()
_SEASON_ADJECTIVES = "зимний весенний летний осенний".split()
# A question's time word → the months it names: «весной», «в ноябре», «на ноябрьском заседании».
_MONTHS_OF: dict[str, frozenset[str]] = {
    **{m: frozenset([m]) for m in patterns.MONTH_NAMES},
    **{a: frozenset([m]) for a, m in zip(_MONTH_ADJECTIVES, patterns.MONTH_NAMES, strict=True)},
    **{s: frozenset(ms.split()) for s, ms in _SEASONS.items()},
    **{a: frozenset(_SEASONS[s].split()) for a, s in zip(_SEASON_ADJECTIVES, _SEASONS, strict=True)},
}


def _dated(asked: dict[str, float], holds: dict[str, float | None], item: StoredItem, doc: StoredDocument) -> bool:
    """A question's month or season («весной», «в ноябре») holds when the row's deadline or text names
    it, and counts against a row that names other months only; when the row names none, its act's date
    decides («поручил в мае»), else the word is left out (None), since many rows print no month. True
    when the row itself names it."""
    said = _MONTHS_OF.keys() & set(lemmas.lemmas(f"{item.deadline or ''} {item.activity}"))
    said |= {patterns.MONTH_NAMES[int(m) - 1] for m in _NUMERIC_MONTH.findall(item.deadline or "")}
    row = {m for x in said for m in _MONTHS_OF[x]}
    act = {patterns.MONTH_NAMES[int(doc.date[5:7]) - 1]} if doc.date else set()
    dated = False
    for t in asked.keys() & _MONTHS_OF.keys():
        if _MONTHS_OF[t] & row:
            holds[t], dated = 1.0, True
        elif row:
            holds[t] = 0.0  # «май 2024 г.» for «в сентябре»: another month
        elif not holds[t]:
            holds[t] = 1.0 if _MONTHS_OF[t] & act else None
    return dated


def _enough(terms: int, whether: bool) -> float:
    """The share a row must hold: half of a short topic, whose every word matters; less of a long
    one, which a paraphrase seldom repeats word for word."""
    if terms < 3:
        return SHORT_ENOUGH
    return ENOUGH_WHETHER if whether else ENOUGH


def _about(search: HybridSearch, hit: Hit) -> set[str]:
    """What a row's document says of itself: title, issuer, place, file name, the school it is about."""
    doc = hit.document
    said = " ".join(x or "" for x in (doc.title, doc.issuer, doc.region, doc.municipality, doc.source))
    return set(lemmas.lemmas(said)) | _schools_of(search, hit)


def _row_lemmas(hit: Hit) -> set[str]:
    """What a row says it is: its activity, description, result and section."""
    item = hit.item
    said = (item.activity, item.description, item.result, item.section)
    return set(lemmas.lemmas(" ".join(x or "" for x in said)))


def _context(search: HybridSearch, hit: Hit) -> set[str]:
    """What is said around a row: its document (`_about`) and its responsible cell, which says who
    does the row, not what it is, so it counts as the document does."""
    return _about(search, hit) | set(lemmas.lemmas(hit.item.responsible or ""))


# A report's mark that a planned activity did not take place.
_NOT_DONE = re.compile(
    r"(?i)\b(?:не\s+(?:выполнен|проведен|проведён|состоял|реализован|исполнен)[а-я]*|отмен[её]н[а-я]*|перенес[её]н[а-я]*)"
    r"[^.;\n]{0,80}"
)


def _not_done(hit: Hit) -> str:
    said = " ".join(x or "" for x in (hit.item.description, hit.item.result))
    found = _NOT_DONE.search(said)
    return " ".join(found.group(0).split()) if found else ""


def _schools_of(search: HybridSearch, hit: Hit) -> set[str]:
    """The lemmas of the school a document is about («в Ювинской школе» is said by the document)."""
    return set(lemmas.lemmas(" ".join(_most_named_school(search, hit)[:1])))


def _most_named_school(search: HybridSearch, hit: Hit) -> list[str]:
    """The school a row's document names most, read once per document."""
    return search.about_document(hit.document.id, hit.item_id, _named_most) or []


def _named_most(document: StoredDocument, items: list[StoredItem]) -> list[str]:
    return answer_values.most_named_school([list(i.entities) for i in items])


def _reader(search: HybridSearch, kind: str, asked: set[str] = frozenset()):
    if kind == "where":
        return lambda hit, question: answer_values.where(hit, question, lambda: _document_places(search, hit))
    if kind != "school":
        return answer_values.READERS[kind]

    def document_schools(hit: Hit) -> list[str]:
        """The one school of the document's list whose row says a word of the question no other
        row of the list says («Обоянский район» beside «МКОУ «Обоянская СОШ № 2»»), else the school
        a document names most, else the one its title or its issuer names (a school's own plan)."""
        listed = search.about_document(hit.document.id, hit.item_id, _schools_listed) or []
        return (
            _listed_in_place(listed, asked)
            or _most_named_school(search, hit)
            or answer_values.schools_in(hit.document.title or "")
            or answer_values.schools_in(hit.document.issuer or "")
        )

    return lambda hit, question: answer_values.school(hit, question, lambda _: document_schools(hit))


def _schools_listed(document: StoredDocument, items: list[StoredItem]) -> list[tuple[str, frozenset[str]]]:
    """The schools a document lists a row each for («3 | МКОУ «Обоянская СОШ № 2» | Обоянский район»),
    with the lemmas of each row."""
    listed = []
    for item in items:
        schools = answer_values.schools_in(item.activity) if item.kind == "row" and len(item.activity) < 200 else []
        if schools:
            said = " ".join(x or "" for x in (item.activity, item.description, item.responsible))
            listed.append((schools[0], frozenset(lemmas.lemmas(said)) - GENERIC_PLACE))
    return listed


def _listed_in_place(listed: list[tuple[str, frozenset[str]]], asked: set[str]) -> list[str]:
    """The one listed school whose row alone says a word of the place asked, if exactly one does."""
    rows_saying = Counter(w for _, said in listed for w in said)
    placed = [school for school, said in listed if any(rows_saying[w] == 1 for w in said & asked)]
    return placed if len(placed) == 1 else []


def _document_places(search: HybridSearch, hit: Hit) -> list[str]:
    """The municipalities a row's document names, most named first (its passport, its clauses)."""
    return search.about_document(hit.document.id, hit.item_id, _places_named) or []


def _places_named(document: StoredDocument, items: list[StoredItem]) -> list[str]:
    return answer_values.most_named_places([i.activity or "" for i in items])


def _is_verb(lemma: str) -> bool:
    """Questions ask with verbs («подключают», «выбирают»), rows name the act with a noun
    («подключение», «выбор»): a verb of the question weighs half."""
    from pipeline.morph import morph

    return "INFN" in morph().parse(lemma)[0].tag


def _holds(term: str, row: set[str], about: set[str]) -> float:
    """How fully a row says a topic lemma: 1 itself (an abbreviation also by its expansion), 0.8 a
    word of the same meaning (`glossary.SYNONYMS`), 0.7 a word of its stem or a compound's last
    part, 0.5 its document does (0.35 by a word of its stem: «Сукромленская», «Сукромлено»)."""
    if term in row:
        return 1.0
    spelled = lemmas.expansion_lemmas(term.upper())
    if spelled and set(spelled) <= row:  # «ВПР» asked, «всероссийских проверочных работ» written
        return 1.0
    if glossary.SYNONYMS.get(term, frozenset()) & row:  # «ученики» asked, «обучающихся» written
        return 0.8
    head = term.rsplit("-", 1)[-1]  # «онлайн-платформа» asked, «на платформе» written
    if any(lemmas.same_stem(term, w) for w in row) or (head != term and head in row):
        return 0.7
    if term in about:
        return 0.5
    return 0.35 if any(lemmas.same_stem(term, w) for w in about) else 0.0
