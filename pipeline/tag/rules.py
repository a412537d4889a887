"""Domain rules: the entities natasha's news model does not know.

Regular expressions over one field's text, each returning character spans. Regexes are
clearer than token patterns here: school names carry «№ 1» and quotes, event titles
nest quotes, and deadlines mix months, dashes and years in every spacing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pipeline import glossary, places
from pipeline.dates import DATE_PATTERN
from pipeline.labels import DATE, EVENT, LOC, ORG, PER, SCHOOL
from pipeline.patterns import MONTH_WORD_CAPITALISED, PERSON
from pipeline.text import is_capitals, quoted

# Glossary terms (ШНОР, ИС МЭДК…) are matched only to keep natasha from tagging inside them.
TERM = "TERM"


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    label: str


# Any school's legal form: МБОУ, МАОУ, МКОУ, МОБУ, МОАУ, ГБОУ, ГКОУ, ФГБОУ, ЧОУ, МБНОУ, ГБУ (Севастополь),
# БОУ (Орёл, Омск) …
LEGAL_FORM = (  # «филиал МОУ СОШ …» is the school's branch, one name with it; МБОО (Пенза)
    r"(?:(?:[Фф]илиал\s+)?(?:МБОУ\s+ДО|(?<![А-ЯЁ])(?:[МГФЧН][А-ЯЁ]{0,3}(?:ОУ|ОБУ|ОАУ|ОКУ)|М[БАК]ОО|[МГ][АБК]У|БОУ)"
    r"(?![А-ЯЁа-яё])))"
)
_SCHOOL_TYPE = (
    r"(?:СОШ|ООШ|НОШ|СШ|(?<![А-ЯЁ])ОШ|(?<![\w-])сош(?![\w-])|ЦО(?=\s*№)|[Сс]редн(?:яя|ей|юю)\s+(?:общеобразовательн(?:ая|ой|ую)\s+)?школ(?:а|ы|е|у|ой)"
    r"|[Сс]редн(?:ие|их)\s+(?:общеобразовательн(?:ые|ых)\s+)?школ(?:ы|ах)(?=\s*№)"
    r"|[Оо]сновн(?:ая|ой|ую)\s+(?:общеобразовательн(?:ая|ой|ую)\s+)?школ(?:а|ы|е|у|ой)"
    r"|[Нн]ачальн(?:ая|ой|ую)\s+(?:общеобразовательн(?:ая|ой|ую)\s+)?школ(?:а|ы|е|у|ой)"
    r"|[Гг]имнази(?:я|и|ю|ей)|[Лл]ице(?:й|я|ю|ем|е))(?!-)"  # «лицея-интерната» is a kind of its own
)
_NUM = r"(?:\s*№\s*\d+)"
# «школа 23 г. Великий Новгород», «Акимовской СОШ 27», «школа 12 (Ялта)»: a number without «№» (as Crimea
# and Zaporozhye print it) where a name ends: before a clause's end, brackets, a town, «им.», a specialism;
# never a count («в школе 5 дней», «школа 3 этажа»), a date («школа 1 сентября») or «Школа 2100».
_BARE_NUMBER = (
    r"\s+\d{1,3}(?![\d:-]|[.,]\d)(?=\s*(?:[,.;:)»\"(—–]|$|\n|им\.|имени\b|г\.|города\b|гор\.|с\.|села\b|п\.|пос\."
    r"|пгт\b|и\s|с\s+углубл))"
)
_NUMBER_OR_BARE = rf"(?:\s*№\s*\d+|{_BARE_NUMBER})"
# What kind of school, in lowercase before its number: «коррекционной школы № 1», «вечерней школы № 2».
_SCHOOL_KIND = (
    r"(?:(?:коррекционн|специальн|вечерн|сменн|кадетск|казачь|православн|санаторн|общеобразовательн)(?:ая|ой|ую|ей|юю))"
)
# Adjectives that name a kind or a prize, not a place: «Городская школа», «Лучшая сельская школа».
_COMMON_ADJ = (
    r"(?:Городск|Сельск|Лучш|Сам|Молод[её]жн|Президентск|Летн|Зимн|Нов|Цифров|Сетев)(?:ая|ой|ую|ей|яя|юю)\s"
)
_PLACE_ADJ = (  # М-Щербединская
    rf"(?!{_COMMON_ADJ})(?:[А-ЯЁ]-)?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?(?:ая|ой|ую|ий|ый|ого|ому|ом|ым)"
)
# What may follow a school's name and belongs to it: a hero's name, a specialism, its town.
# An initial with its point («А.», and «Ст.» of «им. Ст. Мохова»), a word without the sentence's point.
_NAME_WORD = r"(?:[А-ЯЁ][а-яё]?\.|[А-ЯЁ][А-ЯЁа-яё-]+)"
_NOT_HONOUREE = (  # a district or region after the honoured name belongs to the school's place, not to the name
    r"(?![А-ЯЁа-яё-]+\s+(?i:район|округ|област|кра[йяе]\b|муниципальн))(?!(?i:район|округ|област|республик|РСО))"
)
_INITIALS_NAME = r"(?:(?:[А-ЯЁ]\.\s?){1,2}[А-ЯЁ][А-ЯЁа-яё-]+(?![\w.]))"
# A rank or calling before the honoured name: «имени адмирала Ф.Ф. Ушакова», «имени академика …».
_RANK = (
    r"(?:(?:дважды\s+)?(?:адмирала|генерала|маршала|академика|космонавта|писателя|поэта|профессора"
    r"|л[её]тчика(?:-космонавта)?|[Гг]еро(?:я|ев)\s+(?:Советского\s+Союза|СССР|России|Российской\s+Федерации|РФ"
    r"|Социалистического\s+Труда)|кавалера\s+ордена\s+[А-ЯЁа-яё]+)\s+)"
)
_NAMED_AFTER = (  # «им. Я.Я. Кремлева» stops at the surname; «имени Героя Советского Союза …» runs on
    rf"(?:\s+(?:имени|им\.|ИМЕНИ|ИМ\.)\s*{_RANK}?(?:{_INITIALS_NAME}(?:\s+и\s+{_INITIALS_NAME}(?<=[ое]ва|ина|ого))?"
    rf"|{_NAME_WORD}(?:[ \u00a0]?(?:и[ \u00a0](?=[А-ЯЁ][а-яё]+(?:а|я|ых|их)\b))?{_NOT_HONOUREE}{_NAME_WORD}){{0,5}}))"
)
# School subjects, in the genitive, that a specialism joins with «и».
_SUBJECT = (
    r"(?:математики|информатики|физики|химии|биологии|географии|истории|литературы|экономики|музыки"
    r"|хореографии|обществознания|права|искусств|иностранных\s+языков|английского\s+языка)(?![\w-])"
)
_SPECIALISM = (
    r"(?:\s+с\s+углубл[её]нным\s+изучением\s+(?:[а-яё-]+\s+){0,3}?(?:предметов|дисциплин|языка|[а-яё]+(?:ки|ии|ры))(?![\w-])"
    rf"(?:\s+и\s+{_SUBJECT})?)"  # «… химии и биологии»
)
_TOWN = (
    r"(?:\s+(?:ж\.-д\.\s?ст\.|г\.\s?п\.|г\.\s?о\.\s?|г\.|города|гор\.|с\.\s?п\.|с\.|села|п\.|пос\.|посёлка|поселка|ст\.|станицы|р\.\s?п\.|пгт\.?|д\.|деревни"
    r"|аула|а\.|хутора|х\.|ст-цы|округа"
    r"|(?:сельского|городского)\s+поселения)"
    r"\s?(?:[А-ЯЁ][а-яё]+(?:ая|ое|ый|ий|ой)\s(?!(?i:муниципальн|район|округ|област|городск))"
    r"(?![А-ЯЁ][а-яё]+(?:ого|ой)\s+(?i:район|округ|област|муниципальн|городск))[А-ЯЁ][а-яё]+"
    r"|[А-ЯЁ][а-яёѐ]+(?:-[А-ЯЁ][а-яёѐ]+)*))"  # с. Красная Дубрава
)
# A town in the genitive right after a school's number: «школе № 8 Кинешмы» (not an adjective of a
# district, not a person with initials).
_TOWN_NAME = (
    r"(?:\s+[А-ЯЁ][а-яё]+(?:его|ого)\s[А-ЯЁ][а-яё]{2,}(?:а|я|и|ы)(?![\w-])(?!\s*[А-ЯЁ]\.)"  # «Вышнего Волочка»
    r"|\s+(?![А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:ого|ой|ий|ый|ая|ых|ому|ем|им|ом)(?![а-яё]))[А-ЯЁ][а-яё]{2,}"
    r"(?:-[А-ЯЁ][а-яё]+)?(?![\w-])(?!\.(?!\s*(?:$|[А-ЯЁ«\"])))"  # a sentence's point may follow
    r"(?!\s*[А-ЯЁ]\.)(?!\s+[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:вна|вич|чна|ична)\b))"  # not «Покидова Ирина …»
)
# The district and region of a village school, inside its name only when the honoured name follows
# («… села Пима Белинского района Пензенской области имени П.П. Липачёва»); otherwise they are places.
_DISTRICT_OF = (
    r"(?:\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:ого|ой)\s+(?:(?:муниципального|городского)\s+)?"
    r"(?:района|округа|области|края|республики))"
)
# «№43 города Ставрополя имени …», «СОШ №4 с УИОП»
_SCHOOL_TAIL = (
    rf"(?:\s+с\s+УИОП)?{_NAMED_AFTER}?{_SPECIALISM}?{_NAMED_AFTER}?(?:{_TOWN}(?:{_DISTRICT_OF}{{1,2}}(?={_NAMED_AFTER}))?"
    rf"{_NAMED_AFTER}?)?"
)
# Whom a boarding school is for: «… школа-интернат для обучающихся с ограниченными возможностями здоровья».
_FOR_PUPILS = (
    r"(?:\s+для\s+(?:обучающихся|детей)\s+с\s+(?:ограниченными\s+возможностями\s+здоровья|ОВЗ|нарушениями\s+[а-яё]+)"
    r"|\s+для\s+(?:одар[её]нных|талантливых)\s+детей(?:\s+[А-ЯЁ][а-яё]+(?![\w-]))?)"
)
# A town between a school's legal form and its quoted name: «МБОУ ЗАТО г. Североморск «СОШ № 12»»; also
# a region's letters or the municipality's charter name: «ГБОУ РМ «…»», «МБОУ МО "Город Архангельск" "…"».
_FORM_TOWN = (
    r"(?:\s+(?:(?:ЗАТО\s+)?(?:г\.|с\.|п\.|пгт)\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*|[А-ЯЁ]{2,3}|МО\s+\"[^\"\n]{3,40}\")"
    r"(?=\s*[«\"]))?"
)
SCHOOL_RX = re.compile(
    rf"(?:{LEGAL_FORM}{_FORM_TOWN}\s+)?(?:"
    # МБОУ «СОШ № 5», МКОУ «Мосальская СОШ № 1»
    rf"[«\"]\s*(?:{_PLACE_ADJ}\s+)?{_SCHOOL_TYPE}{_NUM}?[^»\"\n]{{0,80}}[»\"]"
    rf"(?:\s*{_PLACE_ADJ}(?![\w-])(?!\s+(?:муниципальн|городск|район|округ|област|кра[яюе]))(?:\s+[а-яё]+)?"
    rf"|\s[А-ЯЁ]{{1,3}}(?:ГО|МР|МО)(?![\w-]))?"
    rf"|{_PLACE_ADJ}\s+{_SCHOOL_TYPE}{_NUMBER_OR_BARE}?"  # Дорогобужская СОШ № 1, Акимовской СОШ 27
    rf"|[Лл]ице(?:й|я|ю|ем|е)\s+{_SUBJECT}(?:\s+и\s+{_SUBJECT})?"  # Лицей математики и информатики
    r"|Физико-математическ(?:ая|ой|ую)\s+школ(?:а|ы|е|у|ой)(?![\w-])"  # a region's own school, capitalised
    # a gymnasium's or lyceum's own quoted name after its number («Гимназии № 2 «Квантор»»), not a title
    rf"|(?:[Гг]имнази(?:я|и|ю|ей)|[Лл]ице(?:й|я|ю|ем|е))\s*№\s*\d+\s*«(?!(?:О|Об|По|За|На)\s)[А-ЯЁ][^»\n]{{1,40}}»"
    rf"|(?:{_PLACE_ADJ}\s+)?(?:{_SCHOOL_KIND}\s+)?(?:{_SCHOOL_TYPE}|[Шш]кол(?:а|ы|е|у|ой)(?:-(?:[Гг]имнази|[Лл]ице)[а-я]+)?"
    rf"|(?<![А-ЯЁ])ОУ)\s*[№N]\s*\d+{_TOWN_NAME}?"
    # СОШ № 3, школа № 5 Опочки, ОУ № 362, Новоазовской школе № 1, ГБОУ Школа № 1356
    rf"|[Шш]кол(?:а|ы|е|у|ой)\s+(?:посёлка|поселка|села|станицы|деревни|хутора|аула)\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
    # Ненецкая специальная (коррекционная) общеобразовательная школа-интернат VIII вида
    rf"|{_PLACE_ADJ}\s+(?:(?:[а-яё]+(?:ая|ую|ой|ий|ый|ого|ом)|\([а-яё]+\))\s+){{0,3}}"
    rf"(?:школ(?:а|ы|е|у|ой)|гимнази(?:я|и|ю|ей)|лице(?:й|я|ю|ем|е))-интернат[а-я]*"
    rf"(?:\s+[IVX]+\s+вида)?{_FOR_PUPILS}?"
    rf"|(?:{_PLACE_ADJ}|[Цц]ентральн(?:ая|ой|ую))\s+(?:[а-яё]+(?:ая|ой|ую)\s+){{0,3}}школ(?:а|ы|е|у|ой)\s+искусств"
    # a common adjective is no school's name («Сельская школа», «Лучшая городская школа»: nominations)
    rf"|(?!{_COMMON_ADJ})[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:ск|цк)(?:ая|ой|ую)\s+школ(?:а|ы|е|у|ой)(?:-интернат[а-я]*)?"
    rf"(?:\s*№\s*\d+)?(?![\w-])"
    rf"|[Кк]адетск(?:ая|ой|ую)\s+школ(?:а|ы|е|у|ой)(?=\s*№|{_NAMED_AFTER})"  # кадетской школы № 1
    # a bare «школа-интернат» is any boarding school; with its number it is one
    rf"|(?<![\w-])(?:{_SCHOOL_KIND}\s+)?[Шш]кол(?:а|ы|е|у|ой)-интернат(?:а|е|у|ом)?\s*№\s*\d+"
    rf"(?:\s*«(?!(?:О|Об|По|За|На)\s)[А-ЯЁ][^»\n]{{1,40}}»)?{_FOR_PUPILS}?"  # «школа-интернат № 27 «Мечта»»
    rf"|[Цц]ентр(?:а|е|ом)?\s+образования\s*№\s*\d+"
    # «Кузбасский центр образования», «Образовательный центр № 1 имени …», «Образовательный центр имени …»
    rf"|(?!(?:Районн|Областн|Региональн|Республиканск|Краев|Муниципальн|Городск)){_PLACE_ADJ}\s+центр(?:а|е|ом|у)?"
    r"\s+образования(?![\w-])"  # not a level's centre, which may be a body
    rf"|[Оо]бразовательн(?:ый|ого|ому|ом|ым)\s+центр(?:а|е|ом|у)?(?:\s*№\s*\d+)?(?={_NAMED_AFTER})"
    # лицее 174; лицее «Интеллект»; Краснояружская детская школа искусств; Тюменской физико-математической школе
    rf"|[Лл]ице(?:й|я|ю|ем|е)\s+\d{{1,4}}(?![\d.,])|[Гг]имнази(?:я|и|ю|ей)\s+\d{{1,4}}(?![\d.,])"
    rf"|(?:[Шш]кол(?:а|ы|е|у|ой)|[Лл]ице(?:й|я|ю|ем|е)|[Гг]имнази(?:я|и|ю|ей))\s+«[А-ЯЁ][^»\n]{{1,40}}»"
    rf"|{_PLACE_ADJ}\s+(?:[А-ЯЁа-яё-][а-яё-]+(?:ой|ая|ую|ья|ью|ьей)\s+){{1,2}}"
    rf"(?:школ(?:а|ы|е|у|ой)|гимнази(?:я|и|ю|ей))(?![\w-])"
    # Ухтинский технический лицей
    rf"|{_PLACE_ADJ}\s+(?:[а-яё-]+(?:ий|ый|ой|ого|ом)\s+){{1,2}}лице(?:й|я|ю|ем|е)(?![\w-])"
    rf"|(?:[Гг]имнази(?:я|и|ю|ей)|[Лл]ице(?:й|я|ю|ем|е)|{_SCHOOL_TYPE})(?={_TOWN}|{_NAMED_AFTER})"
    # гимназия г. Переславля-Залесского, Гимназия имени Н.М. Пржевальского; школа с. Восточное, школу имени …
    rf"|(?<![\w-])[Шш]кол(?:а|ы|е|у|ой)(?={_NAMED_AFTER}|\s+(?:с\.|п\.|пос\.|д\.|х\.|ст-цы|пгт\.?|а\.)\s?[А-ЯЁ])"
    rf"|(?:СОШ|ООШ|НОШ)\s+\d{{1,3}}(?![\d.,])"  # СОШ 6
    # школа 12 (Ялта), школа-лицей 3 им. …, средняя школа-лицей 9
    rf"|(?<![\w-])[Шш]кол(?:а|ы|е|у|ой)(?:-(?:[Гг]имнази|[Лл]ице)[а-я]+)?{_BARE_NUMBER}"
    rf"){_SCHOOL_TAIL}"
)
# A school named in full: «муниципальное бюджетное общеобразовательное учреждение «Средняя
# общеобразовательная школа № 3»» (or in capitals, unquoted), with what follows its name.
_SCHOOL_SPELLED = re.compile(
    r"(?i:(?:муниципальн|государственн|частн)[а-я]+\s+(?:(?:бюджетн|казенн|казённ|автономн)[а-я]+\s+)?"
    r"(?:(?:обще)?образовательн[а-я]+\s+)?(?:учреждени|организаци)[а-я]*)"
    # «… учреждение Торопецкого района Скворцовская …», «… учреждение г.Мурманска средняя … школа № 31»,
    # «… учреждение Самарской области средняя …»
    rf"\s+(?:[А-ЯЁ][а-яё]+(?:ого|ой)\s+(?:района|области|края)\s+|(?:г\.|города)\s?[А-ЯЁ][а-яё-]+\s+)?"
    rf"(?:[«\"][^»\"\n]{{3,120}}[»\"]|(?:{_PLACE_ADJ}\s+)?(?i:{_SCHOOL_TYPE})(?:\s*№\s*\d+|{_BARE_NUMBER})?)"
    rf"{_NAMED_AFTER}?{_SPECIALISM}?(?i:{_TOWN})?"
)
# A school by its legal form and a quoted name that says school: МБОУ «Залесская школа».
_SCHOOL_QUOTED = re.compile(
    rf"{LEGAL_FORM}{_FORM_TOWN}\s*[«\"][^»\"\n]{{0,100}}?(?:[Шш]кол[аыуе]|[Гг]имнази|[Лл]ице[йяе]|[Цц]ентр\s+образования|(?i:сош|оош|нош)\b)[^»\"\n]{{0,60}}[»\"]"
    rf"{_SCHOOL_TAIL}"
)
# Several schools by number: «школ № 90, 92, 36 и 69», «лицеев № 39, 64 и 153», «в школах №3, №5 и
# №14» — each number (with its own «№») is one.
_SCHOOL_LIST = re.compile(  # «в школах — № 39, 64 и 153»: after a dash the list starts at «№»
    r"(?<![\w-])(?:[Шш]кол(?:ы|ах|ам)?|[Лл]ице(?:ев|ях|и|ям)|[Гг]имнази(?:й|ях|и|ям)|СОШ|ОУ"
    r"|[Цц]ентр(?:ы|ов|ах|ам)\s+образования)(?:\s*[—–]\s*(?=№))?\s*№№?\s*\d+"
    r"((?:\s*,\s*(?:№\s*)?\d+)*\s+и\s+(?:№\s*)?\d+|(?:\s*,\s*(?:№\s*)?\d+)+)(?![\w.,-]?\d)(?![-/])(?!\s+от\b)"
)
# A kindergarten by number or name: «детский сад №13», «филиал детского сада №89», «МДОУ №20, №56 и
# №107», «детского сада «Ромашка»» (one with its legal form and a quoted name is an ORG already).
_KINDERGARTEN = re.compile(
    r"(?<![\w-])(?:(?:[Фф]илиал\s+)?[Дд]етск(?:ий|ого|ому|им|ом)\s+сад(?:а|у|ом|е)?\s*(?:№\s*\d+|«[^»\n]{2,40}»)"
    r"|(?<![А-ЯЁ])[МГ]?[БАК]?ДОУ\s*№\s*\d+)"
    r"((?:\s*,\s*№\s*\d+)*(?:\s+и\s+№\s*\d+)?)"
)
# «МБОУ СОШ № 3», «МКОУ казачья кадетская средняя общеобразовательная школа №19 г. Пятигорска»
_SCHOOL_WITH_FORM = re.compile(
    rf"{LEGAL_FORM}\s+(?:[а-яё-]+(?:[аь]я|[уь]ю|ий|ый|ой)\s+){{0,3}}{_SCHOOL_TYPE}(?:\s+с\s+УИОП)?{_NUM}?"
    rf"(?:\s*«[А-ЯЁ][^»\n]{{0,20}}»)?{_SCHOOL_TAIL}"
)
_SCHOOL_WORD = re.compile(r"(?i:школ|гимнази|лице[йяюе]|общеобразовательн)|СОШ|ООШ|НОШ")
_NAMES_SCHOOL = re.compile(rf"{_SCHOOL_WORD.pattern}|(?i:центр\w*\s+образования)")  # a spelled-out institution
_SCHOOL_NUMBER_ONLY = re.compile(rf"(?<![\w-])[Шш]кол(?:а|ы|е|у|ой)\s*№\s*\d+{_SCHOOL_TAIL}")

# Event nouns, in any case form; «курсы повышения квалификации» and «методический день» whole.
_EVENT_NOUN = (
    r"(?:[Сс]еминар(?:ы|а|ов|е|ах|ам|ами|ом)?(?:-практикум(?:ы|а|ов|е|ах)?|\s?[-–]\s?совещани(?:е|я|и|ю|ем|ях))?"
    r"|[Бб]рифинг(?:а|е|и|ов|ом)?|[Фф]естивал(?:ь|я|е|и|ей|ем)(?:[-–](?:презентаци|конкурс)[а-я]*)?"
    r"|[Мм]етодическ(?:ий|ого|ом|ому)\s+диалог(?:а|е|ом|у)?"
    r"|[Пп]ленарн(?:ое|ого|ом|ому|ым)\s+заседани(?:е|я|и|ю|ем)(?:\s+(?:августовского\s+|педагогического\s+)?(?:форума|конференции|съезда|совещания))?"
    r"|[Аа]вгустовск(?:ий|ого|ом|ое|ая|ой|ую|им)\s+(?:педагогическ(?:ое|ого|ом|ий|ая|ой|ую|им)\s+)?(?:педсовет[а-я]*|совещани[а-я]*"
    r"|форум(?:а|е|ом|у)?)"
    r"|[Пп]ленарн(?:ое|ого|ом|ому)\s+совещани(?:е|я|и|ю|ем)"
    r"|[Кк]онкурс(?:ы|а|ов|е|ах|ам)?\s+(?:профессионального\s+мастерства|профмастерства)"
    r"|[Вв]ебинар(?:ы|а|ов|е|ах|ам|ами|ом)?"
    r"|[Кк]ругл(?:ый|ого|ом|ые|ых|ым|ыми)\s+стол(?:а|е|ы|ов|ах|ом|ами)?"
    r"|(?:[Аа]вгустовск(?:ая|ой|ую|ое|ого|ом)\s+)?(?:(?:[Нн]аучно-практическ|[Пп]едагогическ|[Нн]аучн)(?:ая|ой|ую|ие|их)\s+)?"
    r"(?:[Оо]тч[её]тно-выборн(?:ая|ой|ую)\s+)?(?:[Ии]нтернет-|[Оо]нлайн-|[Пп]ресс-|[Вв]идео)?(?:[Пп]ред|[Пп]ед)?[Кк]онференци(?:я|и|ю|ей|й|ях|ям)"
    r"|[Зз]аседани(?:е|я|й|ю|ях|ем|и|ям|ями)\s+секци(?:й|и|ях)"
    r"|[Аа]вгустовск(?:ое|ого|ом|ие|их|им|ому)\s+совещани(?:е|я|й|ю|ях|ем|и|ям|ями)"
    r"|[Сс]ъезд(?:а|е|ы|ов|ом)?"
    r"|(?:[Пп]роектн|[Сс]тратегическ|[Оо]бразовательн)(?:ая|ой|ую|ые|ых)\s+сесси(?:я|и|ю|ей|й)|[Пп]итч-сесси(?:я|и|ю|ей|й)"
    r"|[Зз]аседани(?:е|я|й|ю|ях|ем|и|ям|ями)\s+(?:[А-ЯЁа-яё][а-яё]+(?:ого|ой|ых)\s+){1,2}(?:совета|комитета|штаба|комиссии|группы)"
    r"|[Зз]аседани(?:е|я|й|ю|ях|ем|и|ям|ями)\s+коллегии"
    r"|[Мм]астер-класс(?:ы|а|ов|е|ах|ам)?"
    r"|[Сс]овещани(?:е|я|й|ю|ях|ем|и|ям|ями)"
    r"|[Зз]аседани(?:е|я|й|ю|ях|ем|и|ям|ями)\s+(?:[А-ЯЁ][а-яё]+|районных\s+методических\s+объединений|ШМО|РМО|рабочей\s+группы)"
    r"|(?:[Фф]ото|[Вв]идео)?[Кк]онкурс(?:ы|а|ов|е|ах|ам)?(?!\w)"
    r"|[Кк]урс(?:ы|ов|ах|ам)\s+(?:повышения\s+квалификации|(?:профессиональной\s+)?переподготовки)"
    r"|(?:[Ии]нтеллектуальн(?:ая|ой|ую)\s+)?[Ии]гр(?:а|ы|е|у|ой)(?=\s*«)"
    r"|[Мм]етодическ(?:ий|ого|ом)\s+д(?:ень|ня|не)"
    r"|[Пп]едагогическ(?:ий|ого|ом|ие|их)\s+совет(?:а|е|ы|ов|ах)?|[Пп]едсовет(?:а|е|ы|ов)?"
    r"|[Пп]ленум(?:а|е|ы|ов)?(?!\s+[А-ЯЁ])|[Чч]емпионат(?:а|е|ы|ов)?"  # not «Пленума Верховного Суда»
    r"|(?:[А-ЯЁ][а-яё]+(?:ие|их)\s+)?[Пп]едагогическ(?:ие|их|им)\s+чтени(?:я|й|ях|ям)"  # Шаталовские чтения
    r"|[Фф]орум(?:а|е|ы|ов)?|[Сс]тажировк(?:а|и|у|е|ам|ах)|[Тт]ренинг(?:а|е|и|ов)?"
    r"|[Вв]сероссийск(?:ая|ой|ую)\s+олимпиад(?:а|ы|у|е)\s+школьников|[Оо]лимпиад(?:а|ы|у|е|ах|ам)?"
    r"|[Кк]урсов(?:ая|ой|ую)\s+подготовк(?:а|и|у|ой|е)"
    r"|[Рр]одительск(?:ое|ие|их|ого|им|ом)\s+собрани(?:е|я|й|и|ях|ям|ями)|[Кк]оллеги(?:я|и)"
    r"|[Пп]едагогическ(?:ое|ого|ом|ому)\s+совещани(?:е|я|ю|ем|и)"
    r"|[Вв]икторин(?:а|ы|у|е|ой)|ВИКТОРИН[АЫУЕ]|[Сс]партакиад(?:а|ы|у|е|ой)|[Сс]есси(?:я|и|ю|ей)"
    r"|[Сс]оревновани(?:е|я|й|ях|ям|ями|и)|[Сс]мотр(?:а|е|ы|ов|ом)?-конкурс[а-я]*|[Вв]ыставк(?:а|и|у|е|ой)(?=\s*«)"
    # a bare «заседание» last (the longer forms above win), unless it is of another event («круглого стола»)
    r"|[Зз]аседани(?:е|я|й|ю|ях|ем|и|ям|ями)(?!\s+(?:[а-яё]+(?:ого|ой)\s+)?«?(?:круглого|семинара|конференции|форума)))"
)
_EVENT_RX = re.compile(rf"(?<![\w-]){_EVENT_NOUN}(?![\w-])")
# Between the noun and its own «title»: nothing, «по теме», or an audience/topic («для …», «по …»).
_EVENT_GAP = re.compile(
    r"\s*(?:(?:[а-яё]+\s+){0,3}(?:по теме|на тему)\s*:?|:|(?:для|по)\s[^«».;:|\t\n]{0,160}?)?\s*(?=[«\"])"
)
# A quote after «проекта», «программы», «МО»… names that project or body, not the event.
_OWNER = re.compile(
    r"(?:(?:проект|программ|мероприяти|акци|линии|центр|конкурс|МО|район)[а-я]*|(?:^|\s)по)\s*$",
    re.IGNORECASE,
)

_MONTHS = MONTH_WORD_CAPITALISED  # _DATE_RX is case-sensitive: «март», «Март», never «МАРТ»
_YEAR = r"\d{4}\s*(?:года|год|г\.|г(?!\w))?"
_MONTHS_CAPS = r"(?:ЯНВАРЯ|ФЕВРАЛЯ|МАРТА|АПРЕЛЯ|МАЯ|ИЮНЯ|ИЮЛЯ|АВГУСТА|СЕНТЯБРЯ|ОКТЯБРЯ|НОЯБРЯ|ДЕКАБРЯ)"
# A part of a month or year: «до конца», «в начале», «во второй половине», «в первой декаде».
_PART = (
    r"(?:(?:[Дд]о|[Кк]|[Сс])\s+)?(?:конец|конц[аеу]|начал[оаеу]|середин[аеыу]|(?:перв|втор)(?:ой|ую)\s+половин[еуы]"
    r"|(?:перв|втор|трет)(?:ой|ую|ьей|ью)\s+декад[еуы])\s+"
)
_MONTH_SHORT = r"(?:[Яя]нв|[Фф]евр?|[Мм]ар|[Аа]пр|[Мм]ая|[Ии]юн|[Ии]юл|[Аа]вг|[Сс]ент?|[Оо]кт|[Нн]оя|[Дд]ек)"
_MONTH_RUN = rf"{_MONTHS}(?:\s*(?:[-–—,]|и)?\s*{_MONTHS})*(?:\s+{_YEAR})?"
_DATE_RX = re.compile(
    rf"(?<![\w-])(?:"
    # с 24.01.2022 года по 28.03.2022 года, с 24.01. по 25.02.2022 года: one period
    rf"[Сс]\s+(?:{DATE_PATTERN}|\d{{1,2}}\.\d{{2}}\.)\s*(?:года|г\.)?\s+по\s+(?:{DATE_PATTERN})\s*(?:года|г\.|г(?!\w))?"
    rf"|(?:(?:[Нн]е\s+позднее|[Дд]о)\s+)?(?:{DATE_PATTERN})\s*(?:года|г\.|г(?!\w))?"
    rf"|[Ее]жегодно\s+в\s+{_MONTH_RUN}(?:\s*[-–—]\s*{_MONTH_RUN})?"  # ежегодно в марте – апреле
    rf"|[Ее]жегодно\s+(?:до\s+)?\d{{1,2}}\s+{_MONTHS}(?:\s+года,\s+следующего\s+за\s+отч[её]тным)?"
    rf"|(?<![\d.])(?:19|20)\d\d-[01]\d-[0-3]\d(?![\d-])"  # ISO, as electronic signatures print it
    rf"|(?<![\d.])[0-3]?\d\.[01]\d\.\d\d(?:\s?г\.)?(?![\d.])"  # 30.10.13, 5.06.20г.
    rf"|(?:[Пп]ерв|[Вв]тор|[Тт]рет|[Чч]етв[её]рт)(?:ой|ая|ую|ья|ью|ьей)\s+четверт(?:и|ь|ью)"
    rf"(?:\s+\d{{4}}\s*[-–—/]\s*\d{{4}}\s+учебного\s+года)?"  # первой четверти 2025/2026 учебного года
    rf"|[Сс]\s+\d{{4}}\s+года\s+по\s+\d{{4}}\s+год[а-я]*"  # с 2006 года по 2009 год
    rf"|[Ее]женедельно\s+по\s+(?:понедельникам|вторникам|средам|четвергам|пятницам|субботам)"
    rf"|[Сс]\s+{_MONTHS}\s+по\s+{_MONTHS}(?:\s+{_YEAR})?"  # с января по октябрь 2022 года
    rf"|[Кк]\s+\d{{4}}\s+году"
    rf"|(?:[Дд]важды|[Тт]рижды|[Оо]дин\s+раз|\d+\s+раза?)\s+в\s+(?:неделю|месяц|год|четверть|квартал|полугодие)"
    rf"|[Вв]\s+течение\s+(?:одного|двух|тр[её]х|пяти|десяти)\s+(?:рабочих\s+|календарных\s+)?"
    rf"(?:дней|дня|недель|недели|месяцев|месяца|лет)"
    rf"|[Нн]е\s+реже\s+(?:одного\s+раза|\d+|[а-яё]+\s+раз)\s+в\s+(?:(?:два|три|пять)\s+года|год|квартал|четверть"
    rf"|полугодие|месяц|неделю)"  # не реже одного раза в три года
    rf"|(?:[IV]{{1,2}}|[12]|[Пп]ерв(?:ое|ом|ого)|[Вв]тор(?:ое|ом|ого))\s*(?:-?е)?\s*полугоди[а-я]*(?:\s+{_YEAR})?"
    rf"|[Кк]\s+\d{{4}}\s*[-–—/]\s*\d{{4}}\s+учебному\s+году|\d{{4}}-го\s+года"
    rf"|[Сс]о?\s+(?:дня|момента)(?:,\s+следующего\s+за\s+дн[её]м)?\s+(?:его\s+)?(?:официального\s+опубликования|подписания)"
    rf"|\d{{4}}\s*(?:[-–—]\s*\d{{4}}\s*)?(?:ГГ?\.|Г\.|гг?\.)"  # 2023 Г., 2007 - 2011 ГГ., 2024г.
    rf"|\d{{4}}\s+(?:календарного|финансового)\s+года"
    rf"|{_PART}(?:{_MONTHS}(?:\s+{_YEAR})?|{_YEAR})"  # до конца мая 2023 года, в первой декаде июня
    rf"|(?<![\d:])\d{{1,2}}\s*[-–—]\s*\d{{1,2}}\s+{_MONTHS}(?:\s+{_YEAR})?"  # 3 — 6 сентября, not «13:00 – 21 ноября»
    rf"|[Сс]\s+\d{{4}}\s*(?:г\.)?\s+по\s+\d{{4}}\s*(?:год[а-я]*|гг?\.)"  # с 1975 по 1992 г., с 2012 г. по 2016 г.
    rf"|\d{{1,2}}\s+{_MONTH_SHORT}\.?\s+\d{{4}}(?!\d)"  # a site's date line: «18 янв 2022», «09 Янв 2024»
    rf"|[Вв]\s+течение\s+{_MONTHS}(?:\s+{_YEAR})?"  # в течение марта 2006 г.
    rf"|[Дд]о\s+конца\s+(?:учебного|календарного|текущего)\s+года"
    rf"|\d{{4}}-й"
    rf"|\d{{4}}\s+и\s+\d{{4}}\s+год(?:ы|ах|ов)"
    rf"|\d{{4}}-м(?:\s+году)?"  # в 1990-м году
    rf"|(?:ДО\s+)?\d{{4}}(?:\s*[-–—]\s*\d{{4}})?\s+ГОД(?:Ы|А|У|АХ|ОВ)?"  # headings in capitals
    rf"|[Нн]е\s+позднее\s+\d{{1,2}}(?:-?го)?\s+числа(?:\s+месяца)?(?:,\s+следующего\s+за\s+отч[её]тным\s+"
    rf"(?:кварталом|периодом|месяцем|годом))?"
    rf"|[Сс]\s+\d{{1,2}}(?:\s+{_MONTHS})?\s+по\s+\d{{1,2}}\s+{_MONTHS}(?:\s+{_YEAR})?"
    rf"|(?:[Ее]жегодно\s+)?(?:[Сс]|[Дд]о|[Пп]о|[Кк]|[Нн]е\s+позднее)\s+\d{{1,2}}\s+{_MONTHS}"
    rf"(?:\s+{_YEAR}|\s+(?:каждого|текущего|следующего)\s+года)?"
    rf"|(?:[Сс]|[Дд]о|[Кк]|[Нн]е\s+позднее)\s+\d{{4}}\s+года"
    rf"|\d{{1,2}}\s+{_MONTHS}(?:\s+{_YEAR})?"
    rf"|\d{{1,2}}\s+{_MONTHS_CAPS}\s+\d{{4}}(?:\s*(?:ГОДА|Г\.))?"  # an act's heading in capitals
    rf"|(?:[Вв]есн|[Оо]сень|[Лл]ет|[Зз]им)(?:ой|ом|ю)\s+{_YEAR}"
    rf"|{_MONTH_RUN}(?:\s*[-–—]\s*{_MONTH_RUN})?"
    rf"|(?:[IV]{{1,3}}|[1-4])\s*(?:-?[йг]о)?\s*квартал[а-я]*(?:\s+\d{{4}}\s*[-–—/]\s*\d{{4}}\s+учебного\s+года|\s+{_YEAR})?"
    rf"|\d{{4}}\s*[-–—/]\s*\d{{4}}\s*(?:учебн(?:ый|ого|ом)\s+год[а-я]*|гг?\.|год(?:ы|ах|ов|а))"
    rf"|\d{{4}}\s*[-–—/]\s*\d{{4}}\s+учебн[а-я]+\s+год[а-я]*"
    rf"|[Вв]\s+течение\s+(?:всего\s+периода|(?:всего\s+|учебного\s+|календарного\s+)?года|месяца|недели|\d{{4}}\s+года"
    rf"|\d{{1,3}}\s+(?:рабочих\s+|календарных\s+)?(?:дней|дня|недель|месяцев)"
    rf"|\d{{4}}\s*[-–—/]\s*\d{{4}}\s+(?:учебного\s+)?года)"
    rf"|[Ее]же(?:квартально|месячно|недельно|годно|дневно)|[Пп]остоянно"
    rf"|[Пп]о\s+отдельному\s+(?:плану|графику)|[Пп]о\s+мере\s+необходимости"
    rf"|[Пп]о\s+плану\s+работы\s+[А-ЯЁа-яё]+|[Пп]о\s+графику"
    rf"|\d{{4}}\s+год(?:а|у)?"
    rf"|(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d\d(?![\d.,])"  # a programme's years: 2023-2026
    rf")(?![\w-])"
)

_QUALIFIER = (
    r"(?:\s+(?:[А-ЯЁ][а-яё]+(?:ой|ого)\s+(?:области|края|района)"
    r"|(?:администрации|Администрации)\s+(?:[А-ЯЁ][а-яё]+(?:ого|ой)\s+(?:района|округа)|г\.\s?[А-ЯЁ][а-яё]+|городского\s+округа\s+[А-ЯЁ][а-яё]+)"
    r"|(?:мэрии|Мэрии)\s+(?:г\.\s?|города\s+)[А-ЯЁ][а-яё]+"
    r"|(?:МО|муниципального\s+образования)\s+«[^»\n]{2,40}»"
    r"|[А-ЯЁ][а-яё]+(?:ой|ого)\s+(?:области|края)"
    r"))*"
)
# «Комитет по образованию МО «Дорогобужский район»», «Департамент Смоленской области по
# образованию и науке», «отдел образования администрации Пономаревского района».
_AUTHORITY_RX = re.compile(
    r"(?<![\w-])(?:(?:[Гг]ородск|[Мм]униципальн|[Рр]айонн|[Рр]егиональн)[а-я]+\s+)?"
    r"(?:(?:[Мм]инистерств[а-я]*|[Дд]епартамент[а-я]*|[Кк]омитет[а-я]*|[Оо]тдел[а-я]*|[Уу]правлени[а-я]+)"
    r"(?:\s+[А-ЯЁ][а-яё]+(?:ой|ого)\s+(?:области|края))?"
    r"\s+(?:по\s+образованию(?:\s+и\s+науке)?|народного\s+образования"
    r"|(?:общего\s+и\s+профессионального\s+)?образования"
    r"(?:\s+и\s+(?:науки|молод[её]жной\s+политики|спорта|культуры|по\s+делам\s+молод[её]жи))?)"
    r"|[Дд]епартамент[а-я]*\s+государственной\s+политики\s+в\s+сфере\s+(?:[а-яё]+,?\s+){0,6}?(?:образования|обучения)"
    r"|(?:[Мм]естн(?:ая|ой|ую)\s+)?[Аа]дминистраци[а-я]+"
    r"(?=\s+(?:муниципального|МО|[А-ЯЁ][а-яё]+(?:ого|ой)\s+(?:района|области|муниципального)|г\.)))" + _QUALIFIER
)


# An institution by its legal form and quoted name: «ГАУ ДПО «Институт развития образования …»»,
# «МКУ «Информационно-методический центр»» (Russian legal forms of institutions end in «У»).
_ORG_FORM = re.compile(
    r"(?<![\w-])(?:[А-ЯЁ]{1,7}У(?:ДПО)?|АНО)(?:\s+(?:ДПО|ДО|ВО|СПО|ВПО|[А-ЯЁ]{2,4})){0,2}\s*[«\"“]([^»\"”\n]{3,150})[»\"”]"
)
# … or spelled out: «Государственное бюджетное образовательное учреждение дополнительного
# профессионального образования «Институт развития образования Сахалинской области»».
_ORG_SPELLED = re.compile(
    r"(?<![\w-])(?i:(?:государственн|муниципальн|федеральн|автономн|областн|краев|бюджетн)[а-я]+\s+)"
    r"(?:[а-яё]+\s+){0,4}?(?:учреждени|организаци)(?:е|я|ю|ем|и)"
    r"(?:\s+(?:дополнительного|профессионального|высшего|среднего|общего|образования|[А-ЯЁ][А-ЯЁа-яё-]*|[–-])){0,10}?"
    r"\s*[«\"“][^»\"”\n]{3,150}[»\"”]"
)
# Bodies named by their head word: federal ministries by their short names always; a government,
# an administration, a duma or an assembly when a place or «города» follows (joined to it later).
# A body of any branch named in lower case with its region: «департаменту здравоохранения Костромской
# области», «департамента экономического развития, промышленности и торговли … области».
_REGIONAL_BODY_RX = re.compile(
    r"(?<![\w-])(?:[Дд]епартамент|[Мм]инистерств|[Кк]омитет)[а-я]*\s+(?:[а-яё-]+,?\s+(?:и\s+)?){1,6}?"
    r"[А-ЯЁ][а-яё-]+(?:ой|ого)\s+(?:области|края|республики|автономного\s+округа)(?![\w-])"
)
# Police offices: «МО МВД России «Болховский»», «ОГИБДД МОМВД России «Абдулинский»», «Отдел МВД России».
_POLICE_RX = re.compile(
    r"(?<![\w-])(?:ОГИБДД\s+|[Оо]тдел[а-я]*\s+)?(?:МО\s?МВД|МОМВД|ОМВД|УМВД|ГУ\s?МВД|УВД|МВД)\s+России(?:\s*«[^»\n]{2,40}»)?"
)
_BODY_RX = re.compile(
    r"(?<![\w-])(?:[Мм]ин(?:просвещения|обрнауки|образования|обр[аеуы]|прос[аеуы]?)(?![\w-])|[Рр]особрнадзор[а-я]*(?![\w-])"
    r"|(?:[Пп]равительств[оауе]|ПРАВИТЕЛЬСТВ[ОАУЕ]|[Аа]дминистраци[яиюей]|[Гг]осударственн(?:ой|ая|ую)\s+[Дд]ум[аыуе]"
    r"|[Зз]аконодательн(?:ого|ое|ом)\s+[Сс]обрани[яеи]|[Сс]овет(?:а|е|ом)?\s+депутатов"
    r"|[Оо]бщественн(?:ой|ая|ую)\s+палат[аыуе])(?=\s+(?:[А-ЯЁ]|РФ|города|г\.|муниципальн|автономн)))"
    # «Правительство области», «УВД области»: the region left to the letterhead
    r"|(?:[Пп]равительств[оауе]м?|[Аа]дминистраци[яиюей]|УВД|УМВД|МВД)\s+(?:области|края|округа)(?![\w-])"
)
# A body by its legal form and an abbreviation: «МКУ ИМЦ», «МБУ НМИЦ», «ГБОУ ДПО НИРО» (not a school).
_ORG_ABBREVIATED = re.compile(
    r"(?<![\w-])[А-ЯЁ]{1,5}У(?:\s+(?:ДПО|ДО|ВО))?(?:\s+[А-ЯЁ]{2,3})?\s+(?!СОШ|ООШ|НОШ|СШ)[А-ЯЁ][А-ЯЁа-яё]{1,8}[А-ЯЁ](?![\w-])"
)
# A letterhead in capitals headed by a body: «АДМИНИСТРАЦИЯ САРАТОВСКОГО МУНИЦИПАЛЬНОГО РАЙОНА
# САРАТОВСКОЙ ОБЛАСТИ», «МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ УДМУРТСКОЙ РЕСПУБЛИКИ» (natasha reads no capitals).
_LETTERHEAD = re.compile(
    r"(?m)(?<![\w-])(?:АДМИНИСТРАЦИ[ЯИ]|МИНИСТЕРСТВ[ОА]|ДЕПАРТАМЕНТ[А]?|УПРАВЛЕНИ[ЕЯ]|КОМИТЕТ[А]?|ПРАВИТЕЛЬСТВ[ОА]"
    r"|КОЛЛЕГИ[ЯИ]|ОТДЕЛ[А]?|ЗЕМСК(?:ОЕ|ОГО)[ \t]+СОБРАНИ[ЕЯ]|МЭРИ[ЯИ]"
    r"|(?<!ОБЩЕГО[ \t])(?<!ОБЩЕЕ[ \t])СОБРАНИ[ЕЯ][ \t]+ПРЕДСТАВИТЕЛЕЙ"
    r"|СОВЕТ[А]?[ \t]+ДЕПУТАТОВ|КОМИССИ[ЯИ][ \t]+ПО[ \t]+ДЕЛАМ[ \t]+НЕСОВЕРШЕННОЛЕТНИХ[ \t]+И[ \t]+ЗАЩИТЕ[ \t]+ИХ"
    r"[ \t]+ПРАВ)"
    r"(?:(?:,?[ \t]+)(?:[-–—][ \t]+)?"
    r"(?:(?!(?:ОТ|ОБ|О|В|НА|С|ДО|ПОСТАНОВЛЯЕТ|ПОСТАНОВЛЯЮ|ПОСТАНОВИЛ[АИО]?|ПРИКАЗЫВАЮ|РЕШИЛ[АИО]?|РЕШАЕТ"
    r"|РАСПОРЯЖАЕТСЯ)(?![А-ЯЁ-]))"
    r"[А-ЯЁ][А-ЯЁ-]*|«[А-ЯЁ][^»\n]*»|\([А-ЯЁ]+\)))+"
)
# Municipal bodies besides the administration, named with their place: «мэрии муниципального
# образования города Черкесска», «Собрание представителей Сердобского района», «прокуратура
# Шовгеновского района», «УВД города Вологды», «комиссии по делам несовершеннолетних и защите их прав
# муниципального округа Пуровский район», «Администрация городского округа Саранск».
_PLACE_TAIL = (
    r"(?:\s+(?:муниципального\s+(?:образования|округа|района)|городского\s+(?:округа|поселения)|сельского\s+поселения)"
    r"(?:\s+(?:города\s+)?[А-ЯЁ][а-яё-]+(?:\s+район)?|\s+[«\"][^»\"\n]{2,40}[»\"])"
    r"|\s+(?:города|г\.)\s?[А-ЯЁ][а-яё-]+|\s+[А-ЯЁ][а-яё]+(?:ого|ой)\s+(?:района|округа|области|края))"
)
_MUNICIPAL_BODY = re.compile(
    r"(?<![\w-])(?:[Кк]омисси(?:я|и|ю|ей)\s+по\s+делам\s+несовершеннолетних\s+и\s+защите\s+их\s+прав"
    r"(?:" + _PLACE_TAIL + r")*"
    r"|(?:[Мм]эри(?:я|и|ю|ей)|[Пп]рокуратур(?:а|ы|у|е|ой)|УВД|УМВД|ОМВД|(?<!общего\s)(?<!общее\s)[Сс]обрани(?:е|я|ю|ем|и)\s+представителей"
    r"|[Аа]дминистраци(?:я|и|ю|ей)(?=\s+(?:городского|сельского|муниципального)\s))(?:" + _PLACE_TAIL + r")+)"
)
# A regional duma by its adjectives («Московской областной Думы»), a parliament's committee or standing
# commission by its remit («Комитет по вопросам образования и культуры», «постоянная комиссия по образованию и науке»).
_ASSEMBLY = re.compile(
    r"(?<![\w-])(?:[А-ЯЁ][а-яё]+(?:ой|ая|ую)\s+(?:областн|краев|городск)(?:ой|ая|ую)\s+[Дд]ум(?:ы|а|е|у|ой)"
    r"|(?:[Пп]остоянн(?:ая|ой|ую|ые|ых)\s+)?(?:[Кк]омитет(?:а|у|ом|е)?|[Кк]омисси(?:я|и|ю|ей))\s+по\s+(?:вопросам\s+)?"
    r"(?:образовани|просвещени|социальн[а-яё]*\s+вопрос|контрол)[а-яё]*(?:(?:,\s+|\s+и\s+)(?!комитет|комисси|совет|управлени|отдел)(?:[а-яё]+(?:ой|ей)\s+)?[а-яё]+){0,3}"
    r"(?:\s+в\s+сфере\s+образования)?)"
    r"(?![\w-])"
)
# A centre of continuous professional development (ЦНППМ), as every region has one, named in lower case too.
_CNPPM = re.compile(
    r"(?<![\w-])[Цц]ентр(?:а|у|ом|е)?\s+непрерывного\s+повышения\s+(?:(?:профессионального|педагогического)\s+"
    r"мастерства|профмастерства)(?:\s+педагогических\s+работников)?(?:\s+\(ЦНППМ\))?"
)
# A regional institute named in words, natasha often misses it: «Брянского института повышения
# квалификации …», «Тувинский институт развития образования …» (its genitive chain is taken later).
_INSTITUTE_NAME = re.compile(
    r"(?<![\w-])(?:[А-ЯЁ][а-яё]+(?:ий|ого|ом|ому|ым|ая|ой|ую)\s+)?(?:(?:краев|областн|республиканск|городск)[а-я]+\s+)?"
    r"[Ии]нститут(?:а|е|у|ом)?\s+(?:развития\s+образования|повышения\s+квалификации|усовершенствования\s+учителей)"
)
# An institute named by its abbreviation: «СИПКРО», «ТОИПКРО», «КРИПКиПРО», «ДИРО», «ИРОСО», «БелИРО».
_INSTITUTE = re.compile(
    r"(?<![\w-])(?:[А-ЯЁ]{1,4}ИПК(?:и?П)?РО|КРИПКиПРО|ИРОиПК|(?:[А-ЯЁ][а-яё]{1,4}|[А-ЯЁ]{1,3})Г[ПТ]?У|[А-ЯЁ]{1,3}ИРО(?:иПК)?|ИРО[А-ЯЁ]{2}|[А-ЯЁ][а-яё]{1,3}ИРО(?:иПК)?"
    r"|Р?ЦОИ|Р?ЦОКО|ИМЦ|ММЦ)(?![\w-])"
)
# A news site named by its address, as pages credit their sources: «123ru.net», «Info83.RU».
# Also in the newer zones («sevastopol.press», «vladgazeta.online») and in Cyrillic («Вслух.ру»); an
# address under a subdomain («vks.edu.ru») is where to go more often than who says.
_SITE = re.compile(  # «docs.cntd.ru», «arigus.tv»; a page on a social network: «vk.com/newvariant»
    r"(?<![\w.@/-])(?:vk\.com|t\.me|ok\.ru)/[\w.-]+(?<!\.)(?![\w/-])"
    r"|(?<![\w.@/-])(?:[A-Za-z0-9][A-Za-z0-9-]*\.)*[A-Za-z0-9][A-Za-z0-9-]*"
    r"\.(?:ru|RU|net|org|com|su|рф|press|online|info|media|news|pro|tv|name|city|biz)(?![\w./-])"
    r"|(?<![\w.@/-])[А-ЯЁ][А-Яа-яЁё0-9-]*\.(?:ру|рф)(?![\w./-])"
)


# A site's name heading its menu line, as pages copied from the web begin: «Коченёвские вести |
# Главная / Общество», «ОТВ | Новости», «Блокнот Россошь | Новости». Not a menu word or date itself.
_MENU = r"(?:Главная|Новости|Общество|Образование|Наука|Социум|Персона|Мероприятия|Видео|Версия для слабовидящих)"
_SITE_HEADER = re.compile(
    rf"(?m)^(?!{_MENU}|Официальн|Сайт|Меню)([А-ЯЁA-Z][^|\n\d«»?!]{{1,80}}?(?:«[^»|\n]+»)?)"
    rf"[ \t]+\|[ \t]+{_MENU}(?![\w-])"
)


def _alternation(words: list[str]) -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")


_ORG_RX = _alternation(glossary.org_abbreviations())
_TERM_RX = _alternation(glossary.term_abbreviations())


def find(text: str) -> list[Hit]:
    """Every rule hit in one field's text (overlaps are resolved later)."""
    hits: list[Hit] = []
    schools = [(m.start(), _without_person(text, m.start(), m.end())) for m in SCHOOL_RX.finditer(text)]
    schools = [(a, b) for a, b in schools if not _partner(text, b)]
    for rx in (_SCHOOL_WITH_FORM, _SCHOOL_NUMBER_ONLY, _SCHOOL_QUOTED):
        schools += [(m.start(), m.end()) for m in rx.finditer(text)]
    # «муниципальное казённое учреждение «Централизованная бухгалтерия»» is a body, not a school
    schools += [(m.start(), m.end()) for m in _SCHOOL_SPELLED.finditer(text) if _NAMES_SCHOOL.search(m.group(0))]
    hits += [Hit(*_unquoted(text, *_nested_quote(text, a, b)), SCHOOL) for a, b in schools]
    hits += _listed_after(text, sorted(b for _, b in schools))
    for m in _SCHOOL_LIST.finditer(text):
        dash = re.search(r"[—–]\s*", text[m.start() : m.start(1)])
        hits.append(Hit(m.start() + dash.end() if dash else m.start(), m.start(1), SCHOOL))
        numbers = re.finditer(r"(?:№\s*)?\d+", m.group(1))
        hits += [Hit(m.start(1) + n.start(), m.start(1) + n.end(), SCHOOL) for n in numbers]
    for rx in (_ORG_FORM, _ORG_SPELLED):
        hits += [Hit(m.start(), m.end(), ORG) for m in rx.finditer(text) if not _SCHOOL_WORD.search(m.group(0))]
    for m in _KINDERGARTEN.finditer(text):  # a kindergarten is a body (ORG), each number of a list one
        hits.append(Hit(m.start(), m.start(1), ORG))
        hits += [Hit(m.start(1) + n.start(), m.start(1) + n.end(), ORG) for n in re.finditer(r"№\s*\d+", m.group(1))]
    hits += [Hit(m.start(), m.end(), ORG) for m in _BODY_RX.finditer(text)]
    hits += [Hit(m.start(), m.end(), ORG) for m in _POLICE_RX.finditer(text)]
    hits += [  # not the tail of a capitalised name («Западное управление министерства …»)
        Hit(m.start(), m.end(), ORG)
        for m in _REGIONAL_BODY_RX.finditer(text)
        if not re.search(r"[А-ЯЁ][а-яё-]+\s+$", text[max(0, m.start() - 30) : m.start()])
    ]
    hits += [
        Hit(m.start(), m.end(), ORG)
        for rx in (_ORG_ABBREVIATED, _SITE, _LETTERHEAD, _ASSEMBLY, _MUNICIPAL_BODY, _INSTITUTE, _INSTITUTE_NAME)
        for m in rx.finditer(text)
    ]
    hits += [Hit(m.start(), m.end(), ORG) for m in _CNPPM.finditer(text)]
    hits += [
        Hit(m.start(1), m.end(1), ORG)
        for m in _SITE_HEADER.finditer(text)
        if not _a_place(m.group(1)) and not _SCHOOL_WORD.search(m.group(1))  # a school's own site: SCHOOL
    ]
    hits += [_event(text, m) for m in _EVENT_RX.finditer(text)]
    hits += [Hit(m.start(), m.end(), EVENT) for m in _EVENT_RX.finditer(_capitals_lowered(text))]
    hits += [Hit(m.start(), _trim(text, m.start(), m.end()), DATE) for m in _DATE_RX.finditer(text)]
    people = (m for m in PERSON.finditer(text) if not _month(m.group(0)) and not _word_before(text, m))
    hits += [Hit(m.start(), m.end(), PER) for m in people]
    hits += [Hit(m.start(), m.end(), PER) for m in _ONE_INITIAL.finditer(text)]
    hits += [Hit(m.start(), m.end(), ORG) for m in _ORG_RX.finditer(text)]
    hits += [Hit(m.start(), m.end(), ORG) for m in _AUTHORITY_RX.finditer(text)]
    hits += [Hit(m.start(), m.end(), TERM) for m in _TERM_RX.finditer(text)]
    hits += _places(text)
    return [h for h in hits if h.end > h.start]


# After a school, the next in its list by number alone, with the first one's district or town between:
# «школа № 7 Кущевского района, № 39 Тихорецкого района, № 25 Новороссийска и № 28 …».
_NEXT_IN_LIST = re.compile(
    r"(?:\s+[А-ЯЁ][а-яё-]+(?:ого|его|ой)\s+(?:района|округа|муниципального\s+(?:района|округа))"
    rf"|{_TOWN_NAME})?(?:\s*,\s*|\s+и\s+)(№\s*\d+(?![\d/-]|[.,]\d)(?!\s+от\b)){_TOWN_NAME}?"  # not «№ 12-од от …»
)


def _listed_after(text: str, ends: list[int]) -> list[Hit]:
    """Schools a list names by their numbers alone after one named in full."""
    found: list[Hit] = []
    for end in ends:
        while m := _NEXT_IN_LIST.match(text, end, end + 300):
            found.append(Hit(m.start(1), m.end(), SCHOOL))
            end = m.end()
    return found


def _nested_quote(text: str, start: int, end: int) -> tuple[int, int]:
    """«Дмитровская гимназия «Логос»»: a name quoted inside the name closes with the outer quote too."""
    if text.count("«", start, end) > text.count("»", start, end) and text.startswith("»", end):
        end += 1
    return start, end


def _unquoted(text: str, start: int, end: int) -> tuple[int, int]:
    """A school named only by its quoted name («Бронницкая СОШ») is the name inside the quotes; with its
    legal form before them (МБОУ «СОШ № 5») the quotes are part of it."""
    first, last = text[start : start + 1], text[end - 1 : end]
    if end - start > 2 and (first, last) in (("«", "»"), ('"', '"')) and text.count(first, start, end - 1) == 1:
        return start + 1, end - 1
    return start, end


def _event(text: str, m: re.Match) -> Hit:
    """The event noun, with its «title» when the title is the event's own."""
    end = m.end()
    if m.start() and text[m.start() - 1] == "«":  # «Методический день в общеобразовательном учреждении»
        close = text.find("»", end, end + 120)
        if close != -1 and "\n" not in text[end:close]:
            return Hit(m.start(), close, EVENT)
    gap = _EVENT_GAP.match(text, end)
    if gap is not None and not _OWNER.search(text[end : gap.end()]):
        span = quoted(text, gap.end()) or _straight_quoted(text, gap.end())
        if span:
            end = span[1]
    return Hit(m.start(), end, EVENT)


def _straight_quoted(text: str, start: int) -> tuple[int, int] | None:
    """A "title" in straight quotes right at `start` (they do not nest)."""
    m = re.compile(r'"([^"\n]{2,150})"').match(text, start)
    return (m.start(), m.end()) if m else None


def _partner(text: str, end: int) -> bool:
    """«школа-партнёр», «школы-партнеры» name a role, not a school."""
    return bool(re.match(r"-партн", text[end : end + 7]))


def _month(name: str) -> bool:
    """«Март Е.Л.» is not a person; a month word can look like a surname."""
    from pipeline.dates import month_number

    return any(month_number(w) for w in re.findall(r"[А-ЯЁа-яё]+", name))


def _without_person(text: str, start: int, end: int) -> int:
    """«школы № 25 | Ирина Кравец»: a first name or surname after a school's number is a person, not its
    town; so is one after a village's adjective («школы с. Покровское | Иванов»)."""
    last = re.search(r"\s+([А-ЯЁ][а-яё]+)$", text[start:end])
    before = text[start : start + last.start()] if last else ""
    after_number = bool(last) and re.search(r"\d\s*$", before)
    village = bool(last) and _VILLAGE_ADJECTIVE.search(before)
    if (after_number or village) and _not_a_place(last.group(1), known=bool(village)):
        return start + last.start()
    return end


# «с. Покровское», «д. Нижние»: the first word of a two-word village name
_VILLAGE_ADJECTIVE = re.compile(rf"{places.SETTLEMENT_MARK}[А-ЯЁ][а-яё]+(?:ий|ый|ой|ая|яя|ое|ее|ие|ые)$")


def _without_second_word(text: str, start: int, end: int) -> int:
    """«с. Никольское | Иванова», «с. Троицкое | Администрация»: no second word of the village's name."""
    return _without_person(text, start, end) if " " in text[start:end].split(".", 1)[-1].strip() else end


def _not_a_place(word: str, known: bool = False) -> bool:
    """A person's name, or a body or a post («Администрация», «Директор»), not a place's word; `known`:
    only a name the dictionary holds (a village's own rare word, «Аремзяны», is guessed a name)."""
    from pipeline.morph import morph

    if re.match(r"(?i)(?:администрац|директор|учител|глав|управлен|отдел|комитет|министерств|педагог|заведующ)", word):
        return True
    parse = morph().parse(word)[0]
    person = ("Name" in parse.tag or "Surn" in parse.tag or "Patr" in parse.tag) and "Geox" not in parse.tag
    return person and (not known or morph().word_is_known(word.lower()))


# A person by one initial and a surname of a common form: «Л. Тимофеева», «Л.Маркелов».
_ONE_INITIAL = re.compile(
    r"(?<![\w.])[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|ская|цкий|цкая|енко)(?![\w.])"
)


def _word_before(text: str, m: re.Match) -> bool:
    """«Думы И.Ю. Брынцалов»: the initials go with the surname after them, not with a common noun before."""
    from pipeline.morph import morph

    if not m.group(3) or not re.match(r"\s?[А-ЯЁ][а-яё]", text[m.end() :]):
        return False
    return not any("Surn" in p.tag or "Name" in p.tag for p in morph().parse(m.group(3))[:3])


def _a_place(name: str) -> bool:
    """«Майкоп | Общество»: a town heads the menu, not a site."""
    from pipeline.morph import morph

    return not re.search(r"[\s-]", name) and any("Geox" in p.tag for p in morph().parse(name)[:1])


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " ,-–—":
        end -= 1
    return end


def _places(text: str) -> list[Hit]:
    normal = _normal_case(text)
    hits = [Hit(m.start(), m.end(), LOC) for m in _COUNTRY.finditer(normal)]
    hits += [Hit(m.start(), m.end(), LOC) for m in MUNICIPAL_SHORT.finditer(text)]
    hits += [Hit(m.start(), m.end(), LOC) for m in _REGION_ABBREVIATION.finditer(text)]
    # «в 2019 г. Перед началом …»: after a year «г.» is the year's, and a sentence begins
    hits += [
        Hit(m.start(), _without_second_word(text, m.start(), m.end()), LOC)
        for m in _SETTLEMENT.finditer(text)
        if not (_YEAR_BEFORE.search(text, max(0, m.start() - 8), m.start()) and _SENTENCE_WORD.search(m.group()))
    ]
    for start, end, _ in places.region_spans(normal) + places.municipality_spans(text):
        hits.append(Hit(start, end, LOC))
    return hits


# A town or village by its abbreviation: «г. Североуральск», «с. Калманка», «р.п. Кольцово»; the mark
# printed before the name belongs to the place (GUIDELINE, real text).
_SETTLEMENT = re.compile(  # «д. Нижние Аремзяны», «с. Малые Дербеты»: an adjective opens a two-word name
    rf"(?<![\w.-]){places.SETTLEMENT_MARK}"
    r"(?:[А-ЯЁ][а-яё]+(?:ий|ый|ой|ая|яя|ое|ее|ие|ые) (?=[А-ЯЁ][а-яё]+(?<!ого)(?<!его)(?<!ой)(?<!ей)(?![\w.-])"
    r"(?!\s*[А-ЯЁ]\.)))?"
    r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*(?![\w-])"
)
_YEAR_BEFORE = re.compile(r"(?<!\d)\d{4}\s?$")
_SENTENCE_WORD = re.compile(
    r"^г\.\s?(?:Перед|После|Для|При|Во?|На|По|Со?|К|Об?|Из|За|До|Под|Над|Но|А|И|Однако|Также|Кроме|Согласно|Это"
    r"|Все|Он[аио]?|Мы|Так|Там|Тогда|Затем|Сейчас|Сегодня|Уже)$"
)
# A municipality by its short form: «глава Пожарского МО», «Усть-Ишимский МР», «Советского ГО»
# (a bare «МО» is a ministry).
MUNICIPAL_SHORT = re.compile(
    r"(?<![\w-])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:ского|цкого|ский|цкий)\s+(?:МО|МР|ГО)(?![\w-])"
)
# Regions by their letters, as a body's name ends («Минобрнауки РБ», «МВД по РД»).
REGION_LETTERS = r"(?:РФ|РА|УР|РБ|РТ|РД|РК|РС\s?\(Я\)|КБР|КЧР|ЧР|РСО-А|НСО|ХМАО|ЯНАО|НАО|ЕАО|РМЭ|РХ|ДНР|ЛНР|ЧАО)"
# Those that stand alone as a place («в РБ», «ЧР», «РС(Я)»): not «УР» (a school's «по УР» is its
# teaching work) nor «РТ» (a workbook); several regions share two letters, so these stay places
# without a canonical region (places.region_spans knows the unambiguous ones, КБР, ЯНАО …).
_REGION_ABBREVIATION = re.compile(rf"(?<![\w-])(?!УР|РТ){REGION_LETTERS}(?![\w-])")
_COUNTRY = re.compile(r"(?<![\w-])Российск(?:ая|ой|ую)\s+Федераци(?:я|и|ю|ей)(?![\w-])")
# Words of a place's name that stay lowercase in normal text («Орловской области»).
_LOWER = frozenset(
    "области область края край округа округ района район муниципального муниципальный автономного"
    " автономный городского городской".split()
)


def _on_capital_lines(text: str, convert: Callable[[str], str], rest: Callable[[str], str] = str) -> str:
    """`convert` applied to the lines in capitals, `rest` to the others; both keep lengths, so offsets hold."""
    return re.sub(r"[^\n]+", lambda m: (convert if is_capitals(m.group()) else rest)(m.group()), text)


def _capitals_lowered(text: str) -> str:
    """Lines in capitals in lower case («СЪЕЗДА», «ФЕСТИВАЛЯ-КОНКУРСА» are events); other lines
    blanked so nothing is found twice."""
    return _on_capital_lines(text, str.lower, lambda line: " " * len(line))


def _normal_case(text: str) -> str:
    """Lines in capitals («АДМИНИСТРАЦИЯ ОРЛОВСКОЙ ОБЛАСТИ») in the case names are written in,
    so the place patterns find them."""
    if not re.search(r"[А-ЯЁ]{4,}\s+[А-ЯЁ]{4,}", text):
        return text
    return _on_capital_lines(
        text,
        lambda line: re.sub(
            r"[А-ЯЁа-яё]+",
            lambda w: w.group().lower() if w.group().lower() in _LOWER else w.group().capitalize(),
            line,
        ),
    )
