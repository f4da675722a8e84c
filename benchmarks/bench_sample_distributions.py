"""Per-sample distributions against a reference: every statistic of one candidate against
the floor of a blocked numpy ``p·(log p − log q)`` pass, in the same process.

50,000 samples × 1,000 classes of float32 (seeded): a reference's and a candidate's
probabilities (softmax outputs; the candidate's logits perturbed) and the logits they come
from, written once as .npy into a temporary folder that later runs reuse. Each measurement
runs in a fresh Python process that loads the two matrices into memory first:

- probabilities: ``compare_samples`` (one candidate, labels: every statistic, with both
  threads, and with one) against the floor, a blocked numpy pass over the same float32
  matrices: ``(p * (np.log(p) - np.log(q))).sum(axis=1)``, 4096 rows at a time;
- logits: ``compare_samples`` on the logits (both log-softmaxes included) against the same
  floor plus one blocked numpy log-softmax pass over one matrix of logits;
- peak memory: the process's peak RSS above its RSS before the matrices were loaded,
  against the size of the two matrices (400 MB).

Times are medians of the runs (ours and the floor alternate in each process), with their
range, in wall-clock time and in CPU time (time.process_time: with one thread, a figure that
other work on the machine disturbs less).

Targets (issue 13): every statistic ≤ 2 × the floor; from logits ≤ 2 × the floor + one
log-softmax pass; peak memory ≤ 1.5 × the two matrices. Other work on the machine
makes the figures noisy: run it on a quiet machine.

Run: python benchmarks/bench_sample_distributions.py [--runs 5] [--folder DIR]
"""

from __future__ import annotations

import argparse
import json
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

SAMPLES, CLASSES, SEED = 50_000, 1_000, 20241203
FOLDER = Path(tempfile.gettempdir()) / "kl-explorer-bench-sample-distributions"
MANIFEST = {"samples": SAMPLES, "classes": CLASSES, "seed": SEED, "version": 1}
FILES = ("reference.npy", "candidate.npy", "reference_logits.npy", "candidate_logits.npy")
BLOCK_ROWS = 4096  # the floor's blocks: 16 MB of float32 rows
TIME_TARGET, MEMORY_TARGET = 2.0, 1.5


def write_files(folder: Path) -> None:
    """The matrices, unless a previous run left them (same manifest)."""
    manifest = folder / "manifest.json"
    names = (*FILES, "labels.npy")
    present = manifest.exists() and all((folder / name).exists() for name in names)
    if present and json.loads(manifest.read_text()) == MANIFEST:
        return
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    logits = rng.standard_normal((SAMPLES, CLASSES), dtype=np.float32) * 2
    perturbed = logits + rng.standard_normal((SAMPLES, CLASSES), dtype=np.float32) * 0.1
    np.save(folder / "reference_logits.npy", logits)
    np.save(folder / "candidate_logits.npy", perturbed)
    for name, values in (("reference.npy", logits), ("candidate.npy", perturbed)):
        np.save(folder / name, softmax(values))
    np.save(folder / "labels.npy", rng.integers(0, CLASSES, SAMPLES))
    manifest.write_text(json.dumps(MANIFEST))


def softmax(logits: np.ndarray) -> np.ndarray:
    out = np.empty_like(logits)
    for start in range(0, len(logits), BLOCK_ROWS):
        block = logits[start : start + BLOCK_ROWS].astype(np.float64)
        block = np.exp(block - block.max(axis=1, keepdims=True))
        out[start : start + BLOCK_ROWS] = block / block.sum(axis=1, keepdims=True)
    return out


def floor(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """The floor: a blocked numpy pass of p·(log p − log q), row sums."""
    out = np.empty(len(p))
    for start in range(0, len(p), BLOCK_ROWS):
        a, b = p[start : start + BLOCK_ROWS], q[start : start + BLOCK_ROWS]
        out[start : start + BLOCK_ROWS] = (a * (np.log(a) - np.log(b))).sum(axis=1)
    return out


def log_softmax_pass(logits: np.ndarray) -> None:
    """One blocked numpy log-softmax over a matrix of logits."""
    for start in range(0, len(logits), BLOCK_ROWS):
        block = logits[start : start + BLOCK_ROWS]
        shifted = block - block.max(axis=1, keepdims=True)
        shifted -= np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def memory_bytes(field: str) -> int:
    """VmRSS (now) or VmHWM (the peak) of this process, from /proc/self/status: unlike
    ru_maxrss, the peak starts afresh in a new program (ru_maxrss keeps the parent's)."""
    with open("/proc/self/status") as stream:  # the process's own, not the user's
        for line in stream:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


def sample_set(name: str, values: np.ndarray, kind: str, labels: np.ndarray | None):
    """A SampleSet over a matrix in memory (the files were read into memory first)."""
    from core.sample_distributions.distribution_rows import ArrayRows
    from core.sample_distributions.sample_set import SampleSet

    classes = tuple(str(k) for k in range(values.shape[1]))
    return SampleSet(name, name, ArrayRows(values, kind, name, classes), classes, labels)


def child(folder: Path, what: str, runs: int) -> dict:
    """One fresh process: load the matrices, then time ours and the floors alternately (or,
    for "memory", run ours once and measure the peak)."""
    from core.sample_distributions import compare_samples

    baseline = memory_bytes("VmRSS")
    labels = np.load(folder / "labels.npy")
    p, q = np.load(folder / "reference.npy"), np.load(folder / "candidate.npy")
    if what == "memory":
        compare_samples(
            sample_set("reference", p, "probabilities", labels),
            [sample_set("candidate", q, "probabilities", None)],
        )
        peak = memory_bytes("VmHWM")
        return {"peak": peak - baseline, "matrices": p.nbytes + q.nbytes}
    kind, values = "probabilities", (p, q)
    if what == "logits":
        kind = "logits"
        values = (
            np.load(folder / "reference_logits.npy"),
            np.load(folder / "candidate_logits.npy"),
        )
    reference = sample_set("reference", values[0], kind, labels)
    candidate = sample_set("candidate", values[1], kind, None)
    work = {
        "floor": lambda: floor(p, q),
        "ours": lambda: compare_samples(reference, [candidate], workers=2),
        "ours, 1 thread": lambda: compare_samples(reference, [candidate], workers=1),
    }
    if what == "logits":
        work["log-softmax pass"] = lambda: log_softmax_pass(values[0])
    times: dict[str, list[float]] = {name: [] for name in work}
    cpu: dict[str, list[float]] = {name: [] for name in work}
    for _ in range(runs):
        for name, run in work.items():
            started, started_cpu = time.perf_counter(), time.process_time()
            run()
            times[name].append(time.perf_counter() - started)
            cpu[name].append(time.process_time() - started_cpu)
    return {"times": times, "cpu": cpu}


def measure(folder: Path, what: str, runs: int) -> dict:
    command = [sys.executable, __file__, "--child", what, "--folder", str(folder)]
    command += ["--runs", str(runs)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=3600)
    return json.loads(done.stdout)


def median(values: list[float]) -> str:
    low, high = min(values) * 1000, max(values) * 1000
    return f"{statistics.median(values) * 1000:7.0f} ms ({low:.0f}–{high:.0f})"


def report(folder: Path, runs: int) -> None:
    print(f"{SAMPLES:,} × {CLASSES:,} float32, one candidate, labels; medians of {runs} runs")
    for what in ("probabilities", "logits"):
        measured = measure(folder, what, runs)
        times, cpu = measured["times"], measured["cpu"]
        print(f"\nfrom {what}:                  wall                CPU")
        for name, values in times.items():
            print(f"  {name:<18} {median(values)}  {median(cpu[name])}")
        allowed = statistics.median(times["floor"]) + statistics.median(
            times.get("log-softmax pass", [0.0])
        )
        allowed_cpu = statistics.median(cpu["floor"]) + statistics.median(
            cpu.get("log-softmax pass", [0.0])
        )
        ratio = statistics.median(times["ours"]) / allowed
        one = statistics.median(times["ours, 1 thread"]) / allowed
        one_cpu = statistics.median(cpu["ours, 1 thread"]) / allowed_cpu
        target = "2 × (floor + one log-softmax pass)" if what == "logits" else "2 × floor"
        print(
            f"  ours / allowed, wall: {ratio:.2f} (1 thread: {one:.2f}); CPU time of one "
            f"thread: {one_cpu:.2f}; target ≤ {target}"
        )
    memory = measure(folder, "memory", 1)
    ratio = memory["peak"] / memory["matrices"]
    print(
        f"\npeak memory: {memory['peak'] / 1e6:.0f} MB above the start, "
        f"{ratio:.2f} × the two matrices ({memory['matrices'] / 1e6:.0f} MB); "
        f"target ≤ {MEMORY_TARGET}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--folder", type=Path, default=FOLDER)
    parser.add_argument("--child", choices=("probabilities", "logits", "memory"))
    arguments = parser.parse_args()
    if arguments.child:
        print(json.dumps(child(arguments.folder, arguments.child, arguments.runs)))
        return
    use_temporary_home()
    write_files(arguments.folder)
    report(arguments.folder, arguments.runs)


if __name__ == "__main__":
    main()
