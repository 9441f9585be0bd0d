#!/usr/bin/env bash
# Reproduce every number in docs/model-card.md from held-out data; writes docs/results/*.txt.
#   scripts/evaluate.sh [DATA_DIR] [MODEL]     (default ../shared/data, standard)
# Writes to docs/results/<set>/ (the files directly in docs/results/ are earlier runs of fast).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data}
if [ -n "${2:-}" ]; then export UNSPIN_MODEL=$2; fi
UNSPIN=${UNSPIN:-.venv/bin/unspin}
OUT=docs/results/${UNSPIN_MODEL:-standard}
mkdir -p "$OUT"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ids=src/unspin/models/${UNSPIN_MODEL:-standard}/techniques/validation_ids.txt
export COLUMNS=110

# Techniques: the 40 PTC training articles held out for validation (never trained on).
$UNSPIN ptc predict "$DATA/ptc/train/articles" --ids "$ids" -o "$tmp/pred.tsv"
$UNSPIN ptc score --gold "$DATA/ptc/train/labels.tsv" --pred "$tmp/pred.tsv" --articles "$ids" | tee "$OUT/ptc-full-task.txt"
awk -F'\t' 'NR==FNR {keep[$1]; next} ($1 in keep) {print $1 "\t?\t" $3 "\t" $4}' "$ids" "$DATA/ptc/train/labels.tsv" > "$tmp/template.tsv"
$UNSPIN ptc classify "$DATA/ptc/train/articles" --spans "$tmp/template.tsv" -o "$tmp/tc.tsv"
$UNSPIN ptc score --gold "$DATA/ptc/train/labels.tsv" --pred "$tmp/tc.tsv" --articles "$ids" | tee "$OUT/ptc-technique-classification.txt"

# Attribution: PolNeAR dev (used for model selection; the test split is kept back by its authors).
if [ -d "$DATA/polnear/dev" ]; then
  $UNSPIN analyze "$DATA/polnear/dev/text" --format jsonl > "$tmp/dev.jsonl"
  $UNSPIN attribution score --gold "$DATA/polnear/dev" --pred "$tmp/dev.jsonl" | tee "$OUT/polnear-dev.txt"
fi

# Check-worthy claims: CheckThat! 2024 English, threshold chosen on dev, reported on dev-test.
if [ -d "$DATA/checkthat2024" ]; then
  for split in dev dev-test; do
    $UNSPIN claims predict "$DATA/checkthat2024/$split.tsv" -o "$tmp/claims-$split.tsv"
    echo "== $split" | tee -a "$tmp/claims.txt"
    $UNSPIN claims score --gold "$DATA/checkthat2024/$split.tsv" --pred "$tmp/claims-$split.tsv" | tee -a "$tmp/claims.txt"
  done
  cp "$tmp/claims.txt" "$OUT/checkthat.txt"
  .venv/bin/python benchmarks/claims_baseline.py --data "$DATA/checkthat2024" | tee "$OUT/checkthat-baseline.txt"
fi

# Speed and memory on 2 threads.
.venv/bin/python benchmarks/bench_analyze.py --data "$DATA/ptc/unlabeled" --threads 2 | tee "$OUT/benchmark.txt"
.venv/bin/python benchmarks/bench_limits.py --data "$DATA/ptc/unlabeled" --threads 2 | tee "$OUT/limits.txt"
.venv/bin/python benchmarks/bench_corpus.py --data "$DATA/ptc/unlabeled" --threads 2 --ray-actors 2 | tee "$OUT/corpus.txt"
