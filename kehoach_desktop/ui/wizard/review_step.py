"""Step "Kiểm tra và lưu": the validator's problems (each leads to its field), Save DOCX, open it."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton

from .base import Step
from .check_view import ERROR, NOTICE, PREFIX, in_shown_order, shown_message, shown_severity, summary_text

WHERE_ROLE = Qt.ItemDataRole.UserRole
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 1  # "error" | "warning" | "notice", as shown
COLOURS = {ERROR: "#b00020", NOTICE: "#1c5d99"}


class ReviewStep(Step):
    key = "review"
    title = "Kiểm tra và lưu"
    prefixes = ()

    problem_activated = Signal(str)  # the problem's key path
    save_requested = Signal()
    open_saved_requested = Signal()

    def __init__(self, document, guidance, required=(), parent=None):
        super().__init__(document, guidance, required, parent)
        self.summary = QLabel()
        self.summary.setObjectName("problemSummary")
        self.summary.setWordWrap(True)
        self.body.addWidget(self.summary)
        self.problems = QListWidget()
        self.problems.setObjectName("problemList")
        self.problems.setAccessibleName("Danh sách cần sửa")
        self.problems.setWordWrap(True)
        self.problems.setSpacing(3)  # one problem per block, easy to tell apart
        self.problems.itemClicked.connect(self._activate)
        self.problems.itemActivated.connect(self._activate)
        self.body.addWidget(self.problems, 1)
        row = QHBoxLayout()
        save = QPushButton("Lưu tệp Word (DOCX)…")
        save.setObjectName("saveDocxButton")
        save.setDefault(True)
        save.clicked.connect(self.save_requested)
        row.addWidget(save)
        self.open_button = QPushButton("Mở tệp đã lưu bằng Word")
        self.open_button.setObjectName("openSavedButton")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_saved_requested)
        row.addWidget(self.open_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedPathLabel")
        self.saved_label.setWordWrap(True)
        self.body.addWidget(self.saved_label)

    def set_problems(self, problems) -> None:
        """The validator's problems as the app presents them (``check_view``): errors, then what
        to look at, then the number and date left for the văn thư as a notice."""
        self.problems.clear()
        self.summary.setText(summary_text(problems))
        for p in in_shown_order(problems):
            severity = shown_severity(p)
            message = shown_message(p)
            item = QListWidgetItem(f"{PREFIX[severity]}: {message}")
            item.setData(WHERE_ROLE, p.where)
            item.setData(SEVERITY_ROLE, severity)
            item.setToolTip(message)
            if severity in COLOURS:
                item.setForeground(QBrush(QColor(COLOURS[severity])))
            self.problems.addItem(item)

    def set_saved_path(self, path: str) -> None:
        self.open_button.setEnabled(bool(path))
        self.saved_label.setText(f"Đã lưu: {path}" if path else "")

    def _activate(self, item: QListWidgetItem) -> None:
        self.problem_activated.emit(str(item.data(WHERE_ROLE) or ""))
