"""How far unspin's predictions are from the annotators' corrections, layer by layer, with the
model card's measures: PTC span identification, full task and technique classification; PolNeAR
roles (exact and overlap) and end to end; CheckThat's F1 of Yes over body sentences."""

from __future__ import annotations

from ..checkthat.formats import Sentence
from ..checkthat.predict import score as score_claims
from ..polnear.scoring import score as score_attribution
from ..ptc.formats import Annotation
from ..ptc.scoring import full_task, span_identification, technique_classification
from .corrections import Export, Reviewed, body_sentences, sentence_labels


def _ptc(items: list[Reviewed]) -> list[Annotation]:
    return [Annotation(item.id, start, end, label) for item in items for start, end, label in item.techniques]


def predict_again(item: Reviewed) -> Reviewed:
    """unspin's prediction for a task whose export does not carry it (Label Studio's JSON export
    lists predictions by id): the text analysed now, as the ML backend would pre-annotate it."""
    from ..pipeline import _pipeline
    from ..readers import from_text
    from .corrections import reviewed_from
    from .tasks import prediction

    analysis = _pipeline(None)(from_text(item.text, id=item.id, format="text"))
    return reviewed_from(item.id, item.text, prediction(analysis)["result"])


def agreement(export: Export, again: bool = True) -> dict:
    """Scores of unspin's prediction for each annotated task against its latest annotation: the
    prediction the export carries, else (with `again`) one made now."""
    if again:
        for item in export.reviewed:
            if item.id not in export.predicted:
                export.predicted[item.id] = predict_again(item)
    gold = [item for item in export.reviewed if item.id in export.predicted]
    pred = [export.predicted[item.id] for item in gold]
    if not gold:
        return {"tasks": 0}
    si = span_identification(_ptc(gold), _ptc(pred))
    full, _ = full_task(_ptc(gold), _ptc(pred))
    out: dict = {"tasks": len(gold), "techniques": {"gold": sum(len(i.techniques) for i in gold),
                                                    "predicted": sum(len(i.techniques) for i in pred),
                                                    "span_identification_f1": round(si.f1, 4),
                                                    "full_task_f1": round(full.f1, 4)}}
    exact = [(s, e, label) for item in gold for s, e, label in item.techniques]
    if exact:
        # Technique classification on the annotators' spans that unspin also found exactly.
        found = {(item.id, s, e): label for item in pred for s, e, label in item.techniques}
        matched = [Annotation(item.id, s, e, label) for item in gold for s, e, label in item.techniques
                   if (item.id, s, e) in found]
        if matched:
            tc, _ = technique_classification(matched, [Annotation(a.article_id, a.start, a.end,
                                                                  found[(a.article_id, a.start, a.end)])
                                                       for a in matched])
            out["techniques"]["classification_f1_on_shared_spans"] = round(tc.f1, 4)
    roles = score_attribution({i.id: i.attributions for i in gold}, {i.id: i.attributions for i in pred})
    out["attribution"] = {key: round(value.f1, 4) for key, value in roles.items()}
    sentences, predicted = [], {}
    for g, p in zip(gold, pred):
        spans = body_sentences(g.text)  # the annotation and the prediction share the text
        for k, ((start, end, label), (_, _, guess)) in enumerate(zip(sentence_labels(g, spans),
                                                                       sentence_labels(p, spans))):
            sentences.append(Sentence(f"{g.id}-{k}", g.text[start:end], label))
            predicted[f"{g.id}-{k}"] = guess
    if sentences:
        claims = score_claims(sentences, predicted)
        out["claims"] = {"sentences": len(sentences), "gold_yes": claims.gold, "predicted_yes": claims.predicted,
                         "f1_yes": round(claims.f1, 4), "precision": round(claims.precision, 4),
                         "recall": round(claims.recall, 4)}
    return out
