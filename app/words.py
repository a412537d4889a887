"""Russian counted nouns: «1 пункт», «3 пункта», «5 пунктов», «21 пункт»."""

from __future__ import annotations


def plural(n: int, one: str, few: str, many: str) -> str:
    """The form of a noun that goes with the number `n`."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def items(n: int) -> str:
    return f"{n} {plural(n, 'пункт', 'пункта', 'пунктов')}"


def files(n: int) -> str:
    return f"{n} {plural(n, 'файл', 'файла', 'файлов')}"
