"""A document's region on the real-text excerpts (tests/gold/real/), per split.

    .venv/bin/python bench/regions.py [--details]

Each excerpt is parsed as a document of its own, and the region it gets is compared with the
region its annotator wrote in `SOURCES.md` (federal pages are left out). Many excerpts come
from a school or a district and name neither their region nor its capital, so this measures
what the gazetteer (`pipeline/gazetteer.py`) adds on text it was not written for. `--details`
lists the misses of the dev split only.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import places  # noqa: E402
from pipeline.parse import parse_bytes  # noqa: E402

EXCERPTS = ROOT / "tests" / "gold" / "real"


@dataclass
class Score:
    files: int = 0
    right: int = 0
    none: int = 0

    @property
    def share(self) -> float:
        return self.right / self.files if self.files else 0.0


def excerpts() -> list[tuple[str, str, str]]:
    """(file, split, official region name) of every regional excerpt."""
    out = []
    for line in (EXCERPTS / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 4 and cells[1].endswith(".txt") and "Российская Федерация" not in cells[3]:
            written = cells[3].split(";")[0]
            official = places.regions(written) or places.capital_regions("г. " + written)
            out.append((cells[1], cells[2], official[0] if official else written))
    return out


def evaluate(details: bool = False) -> dict[str, Score]:
    scores: dict[str, Score] = {}
    for name, split, region in excerpts():
        got = parse_bytes((EXCERPTS / name).read_bytes(), name).region
        score = scores.setdefault(split, Score())
        score.files += 1
        score.right += got == region
        score.none += got is None
        if details and split == "dev" and got != region:
            print(f"  {name}: {got} ≠ {region}")
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list the dev split's misses")
    scores = evaluate(parser.parse_args().details)
    print(f"{'split':8} {'right':>16} {'none':>5} {'wrong':>6}")
    for split, s in scores.items():
        print(f"{split:8} {s.share:7.1%} ({s.right:3}/{s.files:3}) {s.none:5} {s.files - s.right - s.none:6}")


if __name__ == "__main__":
    main()
