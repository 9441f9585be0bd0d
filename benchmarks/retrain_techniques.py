"""Retraining the technique span head on a handful of corrected articles, with simulated annotators.

No one has corrected unspin's techniques in Label Studio yet, so this stands in for them: on
`--articles` of PTC's validation articles (which no shipped model trained on), PTC's own labels
are the "corrections", written as a Label Studio export, read back with `unspin labelstudio
import`, and `unspin train techniques --extra` continues training the shipped span head on them
with PTC's spans (into a scratch folder, never the package). It prints technique classification
(TC micro-F1 on given spans) before and after on the held-out corrected articles and on the
validation articles that were not corrected, once with the corrections (`--extra-weight 10`) and
once with weight 0: the same continued training on PTC alone, so that what the corrections did is
told apart from what the extra epochs did.

    python benchmarks/retrain_techniques.py --data ../shared/data --articles 20
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from pathlib import Path

from corrections import arguments, retrain_with_and_without


def main() -> None:
    args = arguments(__doc__, 20)

    from unspin.analyzers.techniques import DISPLAY_NAMES
    from unspin.labelstudio.config import TECHNIQUES, TEXT
    from unspin.labelstudio.offsets import OffsetMap
    from unspin.model_sets import folder
    from unspin.ptc.formats import read_article_texts, read_labels

    ptc = args.data / "ptc"
    validation = sorted((folder("techniques") / "validation_ids.txt").read_text().split())
    corrected = validation[: args.articles]
    texts = read_article_texts(ptc / "train" / "articles")
    gold = defaultdict(list)
    for a in read_labels(ptc / "train" / "labels.tsv"):
        if a.article_id in corrected:
            gold[a.article_id].append(a)
    tasks = []
    for number, aid in enumerate(corrected, 1):
        text, offsets = texts[aid], OffsetMap(texts[aid])
        result = [{"id": f"t{k}", "from_name": TECHNIQUES, "to_name": TEXT, "type": "labels",
                   "value": {"start": offsets.to_utf16(a.start), "end": offsets.to_utf16(a.end),
                             "text": text[a.start:a.end], "labels": [DISPLAY_NAMES[a.technique]]}}
                  for k, a in enumerate(gold[aid])]
        tasks.append({"id": number, "data": {TEXT: text, "id": aid}, "annotations": [{"result": result}]})
    print(f"{len(corrected)} of PTC's {len(validation)} validation articles, PTC's labels as corrections; "
          f"the other {len(validation) - len(corrected)} stay unseen", flush=True)
    with tempfile.TemporaryDirectory() as scratch:
        retrain_with_and_without(tasks, Path(scratch), ["techniques", "--data", str(ptc)])


if __name__ == "__main__":
    main()
