"""Loading large prediction files: time and peak memory per format.

50,000 samples × 1,000 classes of float32 softmax outputs with labels (seeded), written once
as .npz, .npy + labels .npy, CSV (~690 MB) and Parquet into a temporary folder that later
runs reuse. Each measurement runs in a fresh Python process: the time of read_predictions,
the time of evaluate_model on what it read, and the peak memory of loading, i.e. the
process's peak RSS (ru_maxrss) minus its RSS just before the load, next to the size of the
matrix as the reader holds it: float32 for the float32 .npz, .npy and Parquet files (200 MB),
float64 for the CSV, whose decimal numbers are read exactly (400 MB). polars is imported
before the clock starts (a GUI that has opened one such file has paid that once); its import
time is shown apart.

Targets (issue 5), on the 2-core machines: load + metrics for .npz ≤ 0.5 s, CSV ≤ 1.6 s,
Parquet ≤ 1.2 s; peak memory ≤ 3× the matrix as held.

Run: python benchmarks/bench_prediction_files.py [--runs 3] [--folder DIR]
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
from temporary_home import use_temporary_home

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLES, CLASSES, SEED = 50_000, 1_000, 20240501
FOLDER = Path(tempfile.gettempdir()) / "kl-explorer-bench-predictions"
MANIFEST = {"samples": SAMPLES, "classes": CLASSES, "seed": SEED, "version": 1}
#: Format → (file, options of read_predictions, target for load + metrics in seconds).
FORMATS = {
    "npz": ("predictions.npz", {}, 0.5),
    "npy + labels": ("predictions.npy", {"labels_path": "labels.npy"}, None),
    "csv": ("predictions.csv", {}, 1.6),
    "parquet": ("predictions.parquet", {}, 1.2),
}
MEMORY_TARGET = 3.0  # × the matrix as the reader holds it


def predictions(
    rng: np.random.Generator, samples: int = SAMPLES, classes: int = CLASSES
) -> tuple[np.ndarray, np.ndarray]:
    """Softmax outputs of a model that is right about 80% of the time (for 1,000 classes)."""
    labels = rng.integers(classes, size=samples)
    probabilities = np.empty((samples, classes), np.float32)
    rows = max(1, 5_000_000 // classes)  # in blocks: no big float64 temporaries
    for start in range(0, samples, rows):
        logits = rng.standard_normal((min(rows, samples - start), classes), dtype=np.float32)
        logits *= 1.5
        logits[np.arange(len(logits)), labels[start : start + len(logits)]] += 5.5
        logits -= logits.max(axis=1, keepdims=True)
        np.exp(logits, out=logits)
        logits /= logits.sum(axis=1, keepdims=True)
        probabilities[start : start + len(logits)] = logits
    return labels, probabilities


def write_files(folder: Path) -> None:
    """The test files, unless a previous run left them (same manifest)."""
    manifest = folder / "manifest.json"
    names = [*(name for name, _, _ in FORMATS.values()), "labels.npy"]
    present = manifest.exists() and all((folder / name).exists() for name in names)
    if present and json.loads(manifest.read_text()) == MANIFEST:
        return
    import polars as pl

    folder.mkdir(parents=True, exist_ok=True)
    print(f"writing the test files into {folder} (once) ...", flush=True)
    labels, probabilities = predictions(np.random.default_rng(SEED))
    classes = [f"class_{index:03d}" for index in range(CLASSES)]
    np.savez(folder / "predictions.npz", probs=probabilities, labels=labels, classes=classes)
    np.save(folder / "predictions.npy", probabilities)
    np.save(folder / "labels.npy", labels)
    frame = pl.from_numpy(probabilities, schema=classes)
    frame.insert_column(0, pl.Series("label", np.array(classes)[labels]))
    frame.write_csv(folder / "predictions.csv")
    frame.write_parquet(folder / "predictions.parquet")
    manifest.write_text(json.dumps(MANIFEST))


def resident_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def peak_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux


def measure(kind: str, folder: Path) -> dict[str, float]:
    """One load (and evaluation) in this process; run in a fresh one, started by a small
    process: Linux keeps ru_maxrss across exec, so a child starts with its parent's peak."""
    from core.predictions.evaluation import evaluate_model
    from core.predictions.readers import read_predictions

    name, options, _ = FORMATS[kind]
    options = {key: folder / value for key, value in options.items()}
    polars_import = 0.0
    if kind in ("csv", "parquet"):
        start = time.perf_counter()
        import polars  # noqa: F401

        polars_import = time.perf_counter() - start
    before = resident_bytes()
    if peak_bytes() > before + 50 * 1024**2:
        raise SystemExit("the peak RSS was inherited from a big parent process: cannot measure")
    start = time.perf_counter()
    models = read_predictions(folder / name, **options)
    load = time.perf_counter() - start
    load_peak = peak_bytes() - before
    start = time.perf_counter()
    evaluate_model(models[0])
    evaluate = time.perf_counter() - start
    return {
        "load": load,
        "evaluate": evaluate,
        "polars_import": polars_import,
        "load_peak": load_peak,
        "peak": peak_bytes() - before,
        "matrix": models[0].probabilities.nbytes,
        "held": str(models[0].probabilities.dtype),
    }


def run_measurement(kind: str, folder: Path) -> dict[str, float]:
    command = [sys.executable, __file__, "--measure", kind, "--folder", str(folder)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode:
        raise SystemExit(f"measuring {kind} failed:\n{result.stderr}")
    return json.loads(result.stdout)


def main() -> None:
    use_temporary_home()  # the measuring processes inherit it
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per format")
    parser.add_argument("--folder", type=Path, default=FOLDER)
    parser.add_argument("--measure", choices=FORMATS, help=argparse.SUPPRESS)
    parser.add_argument("--write", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.folder)))
        return
    if args.write:
        write_files(args.folder)
        return
    # Written by another process, so that this one stays small (see measure).
    command = [sys.executable, __file__, "--write", "--folder", str(args.folder)]
    subprocess.run(command, check=True)
    size = (args.folder / "predictions.csv").stat().st_size
    print(f"{SAMPLES:,} × {CLASSES:,} float32 predictions; CSV {size / 1e6:.0f} MB")
    print(f"times: median of {args.runs} fresh processes; peaks: the largest of them\n")
    headings = ("format", "held", "load", "metrics", "total", "min–max", "target", "peak")
    print("{:<13}{:>16}{:>7}{:>9}{:>7}{:>12}{:>8}{:>16}{:>16}".format(*headings, "+metrics"))
    for kind, (_, _, target) in FORMATS.items():
        runs = [run_measurement(kind, args.folder) for _ in range(args.runs)]
        totals = [run["load"] + run["evaluate"] for run in runs]
        total = statistics.median(totals)
        peaks = [max(run[key] for run in runs) for key in ("load_peak", "peak")]
        ratios = [peak / runs[0]["matrix"] for peak in peaks]
        verdict = [] if target is None else ["ok" if total <= target else "SLOW"]
        verdict += ["MEMORY"] if max(ratios) > MEMORY_TARGET else []
        imported = statistics.median(run["polars_import"] for run in runs)
        verdict += [f"(import polars {imported:.2f} s)"] if imported else []
        cells = (
            kind,
            f"{runs[0]['matrix'] / 1e6:.0f} MB {runs[0]['held']}",
            f"{statistics.median(run['load'] for run in runs):.2f}",
            f"{statistics.median(run['evaluate'] for run in runs):.3f}",
            f"{total:.2f}",
            f"{min(totals):.2f}–{max(totals):.2f}",
            "" if target is None else f"≤ {target}",
            *(
                f"{peak / 1e6:.0f} MB {ratio:.2f}×"
                for peak, ratio in zip(peaks, ratios, strict=True)
            ),
            " ".join(verdict),
        )
        print("{:<13}{:>16}{:>7}{:>9}{:>7}{:>12}{:>8}{:>16}{:>16}  {}".format(*cells))
    print(
        "\ntimes in seconds; held: the matrix as read; peak: RSS while loading (and evaluating) "
        "above the RSS before, and its ratio to the matrix as held"
    )


if __name__ == "__main__":
    main()
