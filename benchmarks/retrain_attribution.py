"""Retraining the attribution tagger on a handful of corrected articles, with simulated annotators.

No one has corrected unspin's attributions in Label Studio yet, so this stands in for them: on
`--articles` PolNeAR dev articles, PolNeAR's own annotations are the "corrections" (a desk that
marks attributions the PolNeAR way), written as a Label Studio export (Source, Cue and Content
regions joined by relations), read back with `unspin labelstudio import`, and `unspin train
attribution --extra` continues training the shipped tagger on them with PolNeAR train (into a
scratch folder, never the package). The corrected articles are taken out of the dev set the
tagger is chosen and measured on, so dev stays unseen. It prints how the tagger moved on the
held-out corrected articles and on the rest of dev, once with the corrections (`--extra-weight
10`) and once with weight 0: the same continued training on PolNeAR alone, so that what the
corrections did is told apart from what the extra epochs did.

    python benchmarks/retrain_attribution.py --data ../shared/data --articles 16
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from corrections import arguments, retrain_with_and_without


def gold_task(number: int, name: str, text: str, attributions: list) -> dict:
    """A Label Studio task whose annotation is PolNeAR's: a region per role span, and a relation
    from each source and cue region to each content region of the same attribution."""
    from unspin.labelstudio.config import ATTRIBUTES, ROLE_NAMES, ROLES, TEXT
    from unspin.labelstudio.offsets import OffsetMap

    offsets = OffsetMap(text)
    result: list[dict] = []
    for a, attribution in enumerate(attributions):
        ids: dict[str, list[str]] = {"source": [], "cue": [], "content": []}
        for role in ids:
            for k, (start, end) in enumerate(attribution.role(role)):
                ident = f"a{a}{role[:2]}{k}"
                ids[role].append(ident)
                result.append({"id": ident, "from_name": ROLES, "to_name": TEXT, "type": "labels",
                               "value": {"start": offsets.to_utf16(start), "end": offsets.to_utf16(end),
                                         "text": text[start:end], "labels": [ROLE_NAMES[role]]}})
        for content in ids["content"]:
            for other in ids["source"] + ids["cue"]:
                result.append({"from_id": other, "to_id": content, "type": "relation", "direction": "right",
                               "labels": [ATTRIBUTES]})
    return {"id": number, "data": {TEXT: text, "id": name}, "annotations": [{"result": result}]}


def main() -> None:
    args = arguments(__doc__, 16)

    from unspin.polnear.formats import read_corpus

    polnear = (args.data / "polnear").resolve()
    dev = read_corpus(polnear / "dev")
    corrected = sorted(dev)[: args.articles]
    tasks = [gold_task(k + 1, name, *dev[name]) for k, name in enumerate(corrected)]
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        # PolNeAR as it is, less the corrected articles in dev: the tagger is chosen and measured on the rest.
        data = root / "polnear"
        data.mkdir()
        (data / "train").symlink_to(polnear / "train")
        for part in ("text", "attributions"):
            (data / "dev" / part).mkdir(parents=True)
            for path in (polnear / "dev" / part).iterdir():
                name = path.stem if part == "text" else path.stem.rsplit("_", 1)[0]  # <name>_<annotator>.ann
                if name not in corrected:
                    (data / "dev" / part / path.name).symlink_to(path)
        print(f"{len(corrected)} PolNeAR dev articles, PolNeAR's annotations as corrections; "
              f"dev without them: {len(dev) - len(corrected)} articles", flush=True)
        retrain_with_and_without(tasks, root, ["attribution", "--data", str(data)])


if __name__ == "__main__":
    main()
