"""Comparing per-sample distributions (.npz, .npy and .kld files) loads no GUI and no heavy
library, like the rest of core."""

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
compare_samples(read_sample_file(os.path.join(folder, "a.kld")),
                [read_sample_file(os.path.join(folder, "b.kld"))])
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
    assert sorted(name for name in modules if name.split(".")[0] in FORBIDDEN) == []
