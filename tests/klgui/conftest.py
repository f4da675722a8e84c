"""Qt fixtures: settings in a temporary directory, a fresh example document per test."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

from core import example_workspace


@pytest.fixture(autouse=True)
def isolated_settings(qapp, tmp_path):
    """QSettings go to a temporary directory, empty for every test."""
    QStandardPaths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName("KL Explorer Tests")
    QCoreApplication.setApplicationName("KL Explorer Tests")
    for settings_format in (QSettings.NativeFormat, QSettings.IniFormat):
        QSettings.setPath(settings_format, QSettings.UserScope, str(tmp_path / "settings"))
    yield


@pytest.fixture
def document(qapp):
    from klgui.document import Document

    doc = Document(example_workspace())
    yield doc
    doc.deleteLater()
