"""The session file: a round trip keeps the workspace exactly; bad sessions are refused
clearly; saving is atomic."""

from __future__ import annotations

import json
import math
import os

import numpy as np
import pytest

from core import FormatError, Smoothing, example_workspace
from core.formats import read_workspace
from core.formats.atomic_write import write_atomically
from core.formats.session import SESSION_VERSION, session_dict, session_text


def save(tmp_path, workspace, name="work.klsession"):
    path = tmp_path / name
    write_atomically(path, session_text(workspace).encode("utf-8"))
    return path


def test_round_trip_keeps_everything_including_invalid_values(tmp_path):
    workspace = (
        example_workspace()
        .with_value("A", 0, math.nan)
        .with_value("B", 1, -0.25)
        .with_value("B", 2, math.inf)
        .with_distribution_added("C", [3, 5, 2], kind="counts")
        .with_class_renamed(0, "고양이 <&>")
        .with_reference("C")
        .with_base(2.0)
        .with_smoothing(Smoothing("add_k", 0.5))
        .with_rank_by("js_divergence")
    )
    assert read_workspace(save(tmp_path, workspace)) == workspace


def test_names_are_read_without_the_spaces_around_them(tmp_path):
    data = session_dict(example_workspace())
    data["distributions"][2]["name"] = "B  "
    data["distributions"][0]["name"] = " P"
    data["reference"] = "P "
    path = tmp_path / "spaced.klsession"
    path.write_text(json.dumps(data), encoding="utf-8")
    workspace = read_workspace(path)
    assert workspace.names == ("P", "A", "B") and workspace.reference == "P"


def test_the_file_is_readable_json_with_format_and_version(tmp_path):
    data = json.loads(save(tmp_path, example_workspace()).read_text(encoding="utf-8"))
    assert data["format"] == "kl-explorer-session"
    assert data["version"] == SESSION_VERSION
    assert data["distributions"][0] == {
        "name": "P",
        "kind": "probabilities",
        "values": [0.6, 0.3, 0.1],
    }


def test_non_finite_values_are_written_as_strings():
    workspace = example_workspace().with_value("A", 0, math.nan).with_value("A", 1, -math.inf)
    values = session_dict(workspace)["distributions"][1]["values"]
    assert values[:2] == ["nan", "-inf"]
    json.loads(json.dumps(values, allow_nan=False))  # strict JSON


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(version=SESSION_VERSION + 1), "newer KL Explorer"),
        (lambda d: d.update(version="one"), "version"),
        (lambda d: d.pop("classes"), "no 'classes'"),
        (lambda d: d.update(classes=["only"]), "at least 2 classes"),
        (lambda d: d.update(classes=["a", "a", "b"]), "appears twice"),
        (
            lambda d: d["distributions"][2].update(name=" P"),
            "the distributions 'P' and ' P' have the same name once spaces around it are removed",
        ),
        (
            lambda d: d.update(classes=["dog", "cat", "cat "]),
            "the classes 'cat' and 'cat ' have the same name once spaces around it are removed",
        ),
        (
            lambda d: d["distributions"][1].update(values=[0.5, "lots", 0.2]),
            "'lots' is not a number",
        ),
        (lambda d: d["distributions"][1].update(values=[0.5, 0.5]), "2 values for 3 classes"),
        (
            lambda d: d["distributions"][1].update(values=[0.5, "TINY", 0.2]),
            "distributions[1] ('A'), value 2: '1e-400' is too small for a double",
        ),
        (lambda d: d["distributions"][1].update(kind="guesses"), "kind"),
        (lambda d: d.update(reference="Z"), "reference 'Z'"),
        (lambda d: d.update(base=1), "base"),
        (lambda d: d.update(smoothing={"method": "magic", "amount": 1}), "smoothing method"),
        (lambda d: d.update(rank_by="vibes"), "unknown measure"),
    ],
)
def test_a_broken_session_is_refused_with_a_clear_message(tmp_path, change, message):
    data = session_dict(example_workspace())
    change(data)
    path = tmp_path / "broken.klsession"
    # json writes no number too small for a double: 1e-400 goes in as the file would hold it
    path.write_text(json.dumps(data).replace('"TINY"', "1e-400"), encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        read_workspace(path)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("class,P,A\ndog,0.5,0.5\ncat,0.5,0.5\n", "does not start with '{'"),
        ('{"version": 1}', 'no "format": "kl-explorer-session"'),
        ('{"format": "other"}', 'no "format": "kl-explorer-session"'),
        ('{"format": "kl-explorer-session", ', "JSON"),
    ],
    ids=["a table", "no format", "another format", "cut short"],
)
def test_a_session_file_that_is_not_one_says_so(tmp_path, text, message):
    path = tmp_path / "work.klsession"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        read_workspace(path)
    assert message in str(caught.value) and str(path) in str(caught.value)
    if message != "JSON":
        assert "not a KL Explorer session" in str(caught.value)


def test_a_failed_save_leaves_the_previous_file_and_no_temporary(tmp_path, monkeypatch):
    path = save(tmp_path, example_workspace())
    before = path.read_bytes()

    def disk_full(*_arguments):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError):
        write_atomically(path, b"half a file")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_saving_keeps_the_file_permissions(tmp_path):
    path = save(tmp_path, example_workspace())
    os.chmod(path, 0o640)
    save(tmp_path, example_workspace().with_base(10.0))
    assert os.stat(path).st_mode & 0o777 == 0o640
    assert read_workspace(path).base == 10.0


def test_a_new_file_gets_ordinary_permissions(tmp_path):
    umask = os.umask(0o022)
    try:
        path = save(tmp_path, example_workspace(), "fresh.klsession")
    finally:
        os.umask(umask)
    assert os.stat(path).st_mode & 0o777 == 0o644


def test_a_workspace_with_many_classes_round_trips(tmp_path):
    classes = [f"class {i}" for i in range(5000)]
    values = np.random.default_rng(0).dirichlet(np.ones(5000))
    workspace = example_workspace().__class__(
        classes=tuple(classes),
        distributions=(example_workspace().distributions[0].__class__("P", values),),
        reference="P",
    )
    assert read_workspace(save(tmp_path, workspace)) == workspace
