"""Comparing per-sample distributions (.npz, .npy and .kld files, llama-perplexity logs) and
writing their report loads no GUI and no heavy library, like the rest of core."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPOSITORY
from tests.core.test_core_is_pure import FORBIDDEN

SCRIPT = """
import json, sys, tempfile, os
import numpy as np
from core.sample_distributions import compare_samples, read_sample_file
from core.sample_distributions.kld_writer import write_kld
folder = tempfile.mkdtemp()
rng = np.random.default_rng(0)
p = rng.dirichlet(np.ones(4), 30)
np.savez(os.path.join(folder, "p.npz"), probs=p, labels=np.arange(30) % 4)
np.save(os.path.join(folder, "q.npy"), np.log(p[::-1]))
compare_samples(read_sample_file(os.path.join(folder, "p.npz")),
                [read_sample_file(os.path.join(folder, "q.npy"), kind="logits"),
                 read_sample_file(os.path.join(folder, "q.npy"), kind="log_probabilities",
                                  name="lq")])
tokens = rng.integers(0, 5, (2, 8))
for name in ("a", "b"):
    write_kld(os.path.join(folder, name + ".kld"), tokens, rng.normal(size=(2, 3, 5)))
compared = compare_samples(read_sample_file(os.path.join(folder, "a.kld")),
                           [read_sample_file(os.path.join(folder, "b.kld"))])
from core.reports.sample_report import sample_report_json, sample_report_text
from core.sample_distributions.llama_logs import read_llama_log
from core.sample_distributions.ranking import rank_with_logs
with open(os.path.join(folder, "c.log"), "w", encoding="utf-8") as log:
    log.write("====== KL divergence statistics ======\\nMean    KLD:   0.010871 ±   0.000130\\n")
ranked = rank_with_logs(compared, [read_llama_log(os.path.join(folder, "c.log"))], ["b", "c"])
sample_report_json(ranked), sample_report_text(ranked)
print(json.dumps(sorted(sys.modules)))
"""


def test_comparing_sample_files_imports_no_gui_or_heavy_library():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    modules = set(json.loads(result.stdout))
    assert "core.sample_distributions.kld_files" in modules  # the right process was looked at
    assert "core.reports.sample_report" in modules
    assert sorted(name for name in modules if name.split(".")[0] in FORBIDDEN) == []
