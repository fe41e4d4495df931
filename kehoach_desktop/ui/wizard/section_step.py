"""One step per top-level section: its title, the outline of its content, the paragraph library."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter

from ...forms import Guidance
from ..widgets.outline_editor import OutlineEditor
from .base import Step
from .specs import section_title


class SectionStep(Step):
    key = "section"
    add_section = Signal(int)  # insert a new top-level section after this index
    remove_section = Signal(int)

    def __init__(self, document, index: int, guidance: Guidance, library_key: str,
                 required: bool = False, parent=None, usual_table: tuple = ()):
        self.index = index
        self.path = f"sections[{index}]"
        self.prefixes = (self.path,)
        self.title = section_title(document.plan, index)
        super().__init__(document, guidance, (), parent)
        self.section_required = required
        self.library_key = library_key
        row = QHBoxLayout()
        example = QLabel(f"<i>Ví dụ:</i> {guidance.example}" if guidance.example else "")
        example.setObjectName("stepExample")
        example.setWordWrap(True)
        row.addWidget(example, 1)
        add = QPushButton("Thêm mục lớn")
        add.setObjectName("addSectionButton")
        add.setToolTip("Thêm một mục lớn (I., II., …) ngay sau mục này")
        add.clicked.connect(lambda: self.add_section.emit(self.index))
        row.addWidget(add)
        remove = QPushButton("Xóa mục này")
        remove.setObjectName("removeSectionButton")
        remove.clicked.connect(lambda: self.remove_section.emit(self.index))
        row.addWidget(remove)
        self.body.addLayout(row)
        self.splitter = QSplitter(Qt.Orientation.Vertical)  # library under the outline: fits 1366 px
        self.splitter.setChildrenCollapsible(False)
        self.outline = OutlineEditor(document, list_path=f"{self.path}.content", usual_table=usual_table)
        self.outline.setObjectName(self.path)
        self.splitter.addWidget(self.outline)
        self.library = None
        self.body.addWidget(self.splitter, 1)

    def ensure_library(self):
        """Build the library panel when the step is first shown: the library index is slow to load."""
        if self.library is not None:
            return
        from ..library_panel import LibraryPanel

        self.library = LibraryPanel()
        self.library.setObjectName(f"library.{self.index}")
        self.library.set_section(self.library_key)
        self.library.set_plan(self.document.plan)
        self.library.paragraph_chosen.connect(self.outline.insert_paragraph)
        self.splitter.addWidget(self.library)
        self.splitter.setSizes([330, 270])
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
