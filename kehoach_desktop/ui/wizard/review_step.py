"""Step "Kiểm tra và lưu": the validator's problems (each leads to its field), Save DOCX, open it."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton

from .base import Step

WHERE_ROLE = Qt.ItemDataRole.UserRole


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
        from ..register_actions import add_issue_button

        self.issue_button = add_issue_button(self, row)
        row.addStretch(1)
        self.body.addLayout(row)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedPathLabel")
        self.saved_label.setWordWrap(True)
        self.body.addWidget(self.saved_label)

    def set_problems(self, problems) -> None:
        self.problems.clear()
        errors = sum(1 for p in problems if p.severity == "error")
        warnings = len(problems) - errors
        if not problems:
            self.summary.setText("Kế hoạch đã đủ các phần và đúng thể thức. Có thể lưu và in.")
        else:
            self.summary.setText(f"Còn {errors} lỗi cần sửa và {warnings} điều nên xem lại. "
                                 "Bấm vào một dòng để đến chỗ cần sửa.")
        for p in problems:
            prefix = "Lỗi" if p.severity == "error" else "Nên xem lại"
            item = QListWidgetItem(f"{prefix}: {p.message}")
            item.setData(WHERE_ROLE, p.where)
            item.setToolTip(p.message)
            if p.severity == "error":
                item.setForeground(QBrush(QColor("#b00020")))
            self.problems.addItem(item)

    def set_saved_path(self, path: str) -> None:
        self.open_button.setEnabled(bool(path))
        self.saved_label.setText(f"Đã lưu: {path}" if path else "")

    def _activate(self, item: QListWidgetItem) -> None:
        self.problem_activated.emit(str(item.data(WHERE_ROLE) or ""))
