"""Retraining the claims head on a handful of corrected articles, with simulated annotators.

No one has corrected unspin's claims in Label Studio yet, so this stands in for them: on
`--articles` PolNeAR dev articles, the teacher's verdicts on their sentences (P(Yes) >= 0.65,
`../shared/data/teacher/claims_news_sentences.tsv`) are the "corrections", written as a Label
Studio export, read back with `unspin labelstudio import`, and `unspin train claims --extra`
continues training the shipped head on them with CheckThat's sentences (into a scratch folder,
never the package). It prints how the head moved on the held-out corrected articles and on
CheckThat dev and dev-test, once with the corrections (`--extra-weight 10`) and once with weight
0: the same continued training on CheckThat alone, so that what the corrections did is told apart
from what the extra epochs did.

    python benchmarks/retrain_claims.py --data ../shared/data --articles 40
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from corrections import arguments, retrain_with_and_without

TEACHER_YES = 0.65


def main() -> None:
    args = arguments(__doc__, 40)

    from unspin.labelstudio.config import CLAIM, CLAIMS, TEXT
    from unspin.labelstudio.offsets import OffsetMap
    from unspin.polnear.formats import read_text
    from unspin.training.teacher import read_sentence_scores

    verdicts = read_sentence_scores(args.data / "teacher" / "claims_news_sentences.tsv")
    names = sorted(name for corpus, name in verdicts if corpus == "polnear_dev")[: args.articles]
    tasks = []
    for name in names:
        text = read_text(args.data / "polnear" / "dev" / "text" / f"{name}.txt")
        offsets = OffsetMap(text)
        result = [{"id": f"c{k}", "from_name": CLAIMS, "to_name": TEXT, "type": "labels",
                   "value": {"start": offsets.to_utf16(a), "end": offsets.to_utf16(b), "text": text[a:b],
                             "labels": [CLAIM]}}
                  for k, (a, b, p) in enumerate(verdicts[("polnear_dev", name)]) if p >= TEACHER_YES]
        tasks.append({"id": len(tasks) + 1, "data": {TEXT: text, "id": name}, "annotations": [{"result": result}]})
    print(f"{len(names)} PolNeAR dev articles, the teacher's verdicts as corrections", flush=True)
    with tempfile.TemporaryDirectory() as scratch:
        retrain_with_and_without(tasks, Path(scratch), ["claims", "--data", str(args.data)])


if __name__ == "__main__":
    main()
