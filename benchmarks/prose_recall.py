"""Recall per type and language, and precision, of prose detection on the generated corpus.

Run: ``python -m benchmarks.prose_recall`` (both generators, NER on), or with
``--generator mimesis --core-names`` to measure names on a list that was not
built from that generator (habit 14: names mimesis makes, lists from elsewhere).

A planted value counts as found when every letter and digit of it is covered by
some finding (of any type: a birth date masked as an address is still masked).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterable

from benchmarks.prose_corpus import LOCALES, TYPES, Sample, negatives, samples


def _covered(text: str, start: int, end: int, findings: Iterable[tuple[int, int]]) -> bool:
    mask = [False] * (end - start)
    for a, b in findings:
        for i in range(max(a, start), min(b, end)):
            mask[i - start] = True
    return all(m for m, c in zip(mask, text[start:end], strict=True) if c.isalnum())


def evaluate(generator: str, language: str, n: int, *, ner: bool = True, names: frozenset[str] | None = None,
             seed: int = 0) -> dict[str, float]:
    """``{type: recall, "precision": ..., "negatives_flagged": ...}`` for one generator and language."""
    from maskline.text.prose import find_prose_many
    from maskline.text.scrubber import find

    pos = samples(generator, language, n, seed)
    neg = negatives(language)
    items: list[Sample] = pos + neg
    prose = find_prose_many([s.text for s in items], ner=ner, names=names)
    found: dict[str, list[bool]] = {t: [] for t in TYPES}
    true_spans = all_spans = 0
    flagged = 0
    for s, p in zip(items, prose, strict=True):
        spans = [(f.start, f.end) for f in p] + [(f.start, f.end) for f in find(s.text)]
        for info_type, a, b in s.spans:
            found[info_type].append(_covered(s.text, a, b, spans))
        for a, b in spans:
            all_spans += 1
            true_spans += any(a < e and b > st for _, st, e in s.spans)
        if not s.spans and spans:
            flagged += 1
    out = {t: sum(v) / len(v) for t, v in found.items() if v}
    out["precision"] = true_spans / all_spans if all_spans else 1.0
    out["negatives_flagged"] = flagged / len(neg)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=40, help="samples per type and language")
    ap.add_argument("--generator", choices=("faker", "mimesis", "both"), default="both")
    ap.add_argument("--no-ner", action="store_true", help="name lists and rules only")
    ap.add_argument("--core-names", action="store_true",
                    help="only the core's first-name list (not built from mimesis): names the rule was not given")
    args = ap.parse_args()
    names = None
    if args.core_names:
        from maskline.infotypes.person_names import first_names

        names = first_names()
    gens = ("faker", "mimesis") if args.generator == "both" else (args.generator,)
    short = {"PERSON_NAME": "name", "STREET_ADDRESS": "address", "DATE_OF_BIRTH": "dob", "ICD10_CODE": "icd10",
             "MEDICAL_RECORD_NUMBER": "mrn"}
    for gen in gens:
        print(f"\n{gen} (n={args.n} per type and language, NER {'off' if args.no_ner else 'on'}"
              f"{', core names only' if args.core_names else ''})")
        print("| lang | " + " | ".join(short[t] for t in TYPES) + " | precision | negatives flagged | s |")
        print("|---" * (len(TYPES) + 4) + "|")
        for lang in LOCALES:
            t0 = time.perf_counter()
            r = evaluate(gen, lang, args.n, ner=not args.no_ner, names=names)
            dt = time.perf_counter() - t0
            print(f"| {lang} | " + " | ".join(f"{r[t]:.2f}" for t in TYPES)
                  + f" | {r['precision']:.2f} | {r['negatives_flagged']:.2f} | {dt:.1f} |")


if __name__ == "__main__":
    main()
