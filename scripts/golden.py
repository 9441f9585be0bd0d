"""Rewrite tests/fixtures/golden/*.json from the current code and shipped models.

Run it only when a change to the analysis@1 output is intended (a new model ships); the diff of
the golden files is then the change to review.

    .venv/bin/python scripts/golden.py                  # this CPU's family (AVX-512 here)
    .venv/bin/python scripts/golden.py --family avx2    # the models' goldens for AVX2 CPUs

The int8 encoders' answers differ between CPUs with AVX-512 and those with AVX2 alone
(tests/goldens.py says why), so the models' goldens are written once per family: the common ones
in golden/, another family's in golden/<family>/ where they differ from those. A family this CPU
is not is written under QEMU's user-mode emulation of a Haswell (`apt-get install qemu-user`),
which ONNX Runtime and OpenBLAS take for an AVX2 CPU.
"""

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests/fixtures/golden"
SOURCES = [ROOT / "src/unspin/examples/how-the-bypass-was-sold.md",
           *(ROOT / "tests/fixtures/structure" / name for name in
             ("html-news.html", "wire-ap.txt", "oped-markdown.md", "crlf-windows.txt", "opinion-colon-quote.txt"))]
COMMON = "avx512"  # the family whose goldens are golden/ itself (this project's machines)
EMULATED = {"avx2": "Haswell"}  # QEMU's model of a CPU of each family


def write(target: Path, structure: bool) -> None:
    from unspin.options import Options
    from unspin.pipeline import Pipeline
    from unspin.readers import read_file
    from unspin.render.json import to_json

    os.chdir(ROOT)  # source.path is written relative to the repository
    target.mkdir(parents=True, exist_ok=True)
    pipelines = [("full", Pipeline.from_options(Options(claims=False)))]
    if structure:
        pipelines.append(("structure", Pipeline.from_options(Options(techniques=False, attribution=False, claims=False))))
    for source in SOURCES:
        for kind, pipeline in pipelines:
            path = target / f"{source.stem}.{kind}.json"
            text = to_json(pipeline(read_file(source.relative_to(ROOT)))) + "\n"
            common = GOLDEN / path.name
            if target != GOLDEN and common.exists() and common.read_text(encoding="utf-8") == text:
                path.unlink(missing_ok=True)  # a family keeps only the goldens where its answers differ
                print("same as", common.relative_to(ROOT))
                continue
            path.write_text(text, encoding="utf-8")
            print("wrote", path.relative_to(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--family", choices=["avx512", "avx2"],
                        help="the CPU family to write for (default: this CPU's); avx512's are golden/ itself")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "tests"))
    from goldens import kernel_family

    here = kernel_family()
    family = args.family or here
    if family == here:
        if here == COMMON:
            write(GOLDEN, structure=True)
        else:
            write(GOLDEN / here, structure=False)
        return 0
    if family not in EMULATED or not shutil.which("qemu-x86_64"):
        print(f"this CPU's kernels are {here}; {family} goldens need a CPU of that family"
              + (" or QEMU's user-mode emulation (apt-get install qemu-user)" if family in EMULATED else ""),
              file=sys.stderr)
        return 1
    run = subprocess.run(["qemu-x86_64", "-cpu", EMULATED[family], sys.executable, __file__, "--family", family],
                         stderr=subprocess.PIPE, text=True)
    # QEMU warns of every CPUID feature of the model it does not emulate; those lines say nothing.
    sys.stderr.writelines(line for line in run.stderr.splitlines(True) if "TCG doesn't support" not in line)
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())
