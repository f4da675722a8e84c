"""The main window: the document's views, menus and status bar."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from core import Workspace
from klgui.document import Document
from klgui.ranking_table import RankingTable


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.document = Document(workspace, self)
        self.ranking = RankingTable(self.document, self)
        self.setCentralWidget(self.ranking)
        self.setWindowTitle(self.tr("KL Explorer"))
        self.resize(1280, 800)
