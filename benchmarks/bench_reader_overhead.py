"""Reading prediction files against the bare library read: what the checks and the layout
cost on top of numpy and polars.

Three tall or wide files of float32 softmax outputs (seeded), written once into a temporary
folder that later runs reuse:

- ``.npy`` 1,000,000 × 10 (+ int64 labels in a second ``.npy``): ours is
  ``read_predictions(probs, labels_path=labels)``, the library ``np.load`` of both;
- Parquet 10,000,000 × 10, labels as class names: ``polars.read_parquet``;
- CSV 50,000 × 1,000, labels as class names: ``polars.read_csv``.

Each read runs in a fresh Python process (polars, where used, imported before the clock
starts), ours and the library's alternating, the order swapped every run. Times are medians
of the runs, with their range; "temporary" is the peak RSS while reading above the RSS
before it and the result (the arrays ours returns; the library's arrays or DataFrame), the
largest of the runs.

Targets (issue 11): ours ≤ 1.5 × the library's time; temporary memory ≤ 64 MB.

Run: python benchmarks/bench_reader_overhead.py [--runs 5] [--folder DIR] [--only npy]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from bench_prediction_files import predictions
from temporary_home import use_temporary_home

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED = 20240611
FOLDER = Path(tempfile.gettempdir()) / "kl-explorer-bench-reader-overhead"
#: Kind → (samples, classes, file).
FILES = {
    "npy": (1_000_000, 10, "probs.npy"),
    "parquet": (10_000_000, 10, "predictions.parquet"),
    "csv": (50_000, 1_000, "predictions.csv"),
}
MANIFEST = {"files": FILES, "seed": SEED, "version": 1}
RATIO_TARGET = 1.5
TEMPORARY_TARGET = 64 * 1000**2


def write_files(folder: Path) -> None:
    """The test files, unless a previous run left them (same manifest)."""
    manifest = folder / "manifest.json"
    names = [*(name for _, _, name in FILES.values()), "labels.npy"]
    present = manifest.exists() and all((folder / name).exists() for name in names)
    if present and json.loads(manifest.read_text()) == json.loads(json.dumps(MANIFEST)):
        return
    import polars as pl

    folder.mkdir(parents=True, exist_ok=True)
    print(f"writing the test files into {folder} (once) ...", flush=True)
    rng = np.random.default_rng(SEED)
    for kind, (samples, classes, name) in FILES.items():
        labels, probabilities = predictions(rng, samples, classes)
        if kind == "npy":
            np.save(folder / name, probabilities)
            np.save(folder / "labels.npy", labels)
            continue
        names = [f"class_{index:03d}" for index in range(classes)]
        frame = pl.from_numpy(probabilities, schema=names)
        del probabilities
        label_names = pl.Series("label", names).gather(labels)
        frame.insert_column(0, label_names)
        if kind == "csv":
            frame.write_csv(folder / name)
        else:
            frame.write_parquet(folder / name)
    manifest.write_text(json.dumps(MANIFEST))


def resident_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def peak_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux


def read_ours(kind: str, folder: Path) -> int:
    """Read with read_predictions; the bytes of what it returns."""
    from core.predictions.readers import read_predictions

    options = {"labels_path": folder / "labels.npy"} if kind == "npy" else {}
    models = read_predictions(folder / FILES[kind][2], **options)
    arrays = {id(a): a for model in models for a in (model.probabilities, model.labels)}
    return sum(array.nbytes for array in arrays.values())


def read_bare(kind: str, folder: Path) -> int:
    """Read with the library alone; the bytes of what it returns."""
    path = folder / FILES[kind][2]
    if kind == "npy":
        arrays = [np.load(path), np.load(folder / "labels.npy")]
        return sum(array.nbytes for array in arrays)
    import polars as pl

    frame = pl.read_parquet(path) if kind == "parquet" else pl.read_csv(path)
    return int(frame.estimated_size())


def measure(kind: str, mode: str, folder: Path) -> dict[str, float]:
    """One read in this process; run in a fresh one, started by a small process (Linux keeps
    ru_maxrss across exec, so a child starts with its parent's peak)."""
    if kind != "npy":
        import polars  # noqa: F401
    import core.predictions.readers  # noqa: F401

    before = resident_bytes()
    if peak_bytes() > before + 50 * 1024**2:
        raise SystemExit("the peak RSS was inherited from a big parent process: cannot measure")
    start = time.perf_counter()
    result = (read_ours if mode == "ours" else read_bare)(kind, folder)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "temporary": peak_bytes() - before - result, "result": result}


def run_measurement(kind: str, mode: str, folder: Path) -> dict[str, float]:
    command = [sys.executable, __file__, "--measure", kind, mode, "--folder", str(folder)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode:
        raise SystemExit(f"measuring {mode} {kind} failed:\n{result.stderr}")
    return json.loads(result.stdout)


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.3f} ({min(values):.3f}–{max(values):.3f})"


def main() -> None:
    use_temporary_home()  # the measuring processes inherit it
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per reader")
    parser.add_argument("--folder", type=Path, default=FOLDER)
    parser.add_argument("--only", choices=FILES, action="append", help="measure these only")
    parser.add_argument("--measure", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--write", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(*args.measure, args.folder)))
        return
    if args.write:
        write_files(args.folder)
        return
    # Written by another process, so that this one stays small (see measure).
    command = [sys.executable, __file__, "--write", "--folder", str(args.folder)]
    subprocess.run(command, check=True)
    kinds = args.only or list(FILES)
    runs: dict[tuple[str, str], list[dict[str, float]]] = {}
    for run in range(args.runs):
        for kind in kinds:
            modes = ("bare", "ours") if run % 2 == 0 else ("ours", "bare")
            for mode in modes:
                runs.setdefault((kind, mode), []).append(run_measurement(kind, mode, args.folder))
    print(f"seconds: median (range) of {args.runs} fresh processes each, alternating")
    row = "{:<22}{:>24}{:>24}{:>8}{:>16}{:>16}  {}"
    print(row.format("file", "library", "ours", "ratio", "temp. library", "temp. ours", ""))
    for kind in kinds:
        samples, classes, _ = FILES[kind]
        bare, ours = runs[(kind, "bare")], runs[(kind, "ours")]
        ratio = statistics.median(r["seconds"] for r in ours) / statistics.median(
            r["seconds"] for r in bare
        )
        temporary = [max(r["temporary"] for r in result) for result in (bare, ours)]
        verdict = [] if ratio <= RATIO_TARGET else ["SLOW"]
        verdict += [] if temporary[1] <= TEMPORARY_TARGET else ["MEMORY"]
        print(
            row.format(
                f"{kind} {samples:,}×{classes:,}",
                spread([r["seconds"] for r in bare]),
                spread([r["seconds"] for r in ours]),
                f"{ratio:.2f}",
                *(f"{max(0, value) / 1e6:.0f} MB" for value in temporary),
                " ".join(verdict) or "ok",
            )
        )
    print(
        f"\ntargets: ratio ≤ {RATIO_TARGET}, temporary memory of ours ≤ "
        f"{TEMPORARY_TARGET / 1e6:.0f} MB (peak RSS above the RSS before and the result)"
    )


if __name__ == "__main__":
    main()
