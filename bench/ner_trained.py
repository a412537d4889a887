"""A statistical tagger beside the rules: spaCy's NER trained from scratch on the real-text gold.

    .venv/bin/python bench/ner_trained.py [--epochs 22]

Trains `spacy.blank("ru")` + `ner` (spaCy's default CNN tok2vec, no pretrained vectors: none can be
downloaded here) on the dev excerpts of tests/gold/real/ and prints F1 per label on the held-out
excerpts beside the rules' (`pipeline/tag`), then the rules with the model's spans added where the
rules found nothing (per label). Deterministic for a given seed; CPU only, about two minutes.
The model is not shipped: see the README's entity section for the figures and why.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ner_eval import ours, real_docs, real_gold, real_split, real_texts, score  # noqa: E402
from pipeline.labels import LABELS  # noqa: E402


def train(texts: dict[str, str], gold: set, epochs: int, seed: int = 0):
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    nlp = spacy.blank("ru")
    ner = nlp.add_pipe("ner")
    for label in LABELS:
        ner.add_label(label)
    examples = []
    for name, text in texts.items():
        doc = nlp.make_doc(text)
        spans, used = [], set()
        for start, end, label in sorted(
            {(s[3], s[4], s[5]) for s in gold if s[0] == name}, key=lambda x: (x[0], -x[1])
        ):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None and not used & set(range(span.start, span.end)):
                used.update(range(span.start, span.end))
                spans.append(span)
        doc.ents = spans
        examples.append(Example(nlp.make_doc(text), doc))
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(examples)
        for batch in minibatch(examples, size=8):
            nlp.update(batch, sgd=optimizer, drop=0.2)
    return nlp


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=22)
    args = ap.parse_args()
    texts, gold = real_texts(), real_gold()
    dev = {n: t for n, t in texts.items() if real_split(n) == "dev"}
    held = {n: t for n, t in texts.items() if real_split(n) == "holdout"}
    start = time.perf_counter()
    nlp = train(dev, gold, args.epochs)
    print(f"trained on {len(dev)} dev excerpts in {time.perf_counter() - start:.0f} s")
    model = {(n, 1, "activity", e.start_char, e.end_char, e.label_) for n, t in held.items() for e in nlp(t).ents}
    rules = ours(real_docs(held))

    def overlaps(a, b) -> bool:
        return a[0] == b[0] and a[3] < b[4] and b[3] < a[4]

    added = rules | {m for m in model if not any(overlaps(m, r) for r in rules)}
    names = tuple(held)
    rows = {
        "rules": score(gold, rules, names),
        "model": score(gold, model, names),
        "rules+model": score(gold, added, names),
    }
    print(f"\nHeld-out excerpts ({len(held)}), F1")
    print(f"{'':<12}" + "".join(f"{label:>8}" for label in LABELS))
    for name, result in rows.items():
        print(f"{name:<12}" + "".join(f"{result[label][2]:>8.2f}" for label in LABELS))


if __name__ == "__main__":
    main()
