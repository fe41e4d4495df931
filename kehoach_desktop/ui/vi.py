"""Vietnamese texts for Qt's standard buttons, and the one door to message boxes and file dialogs.

Qt ships no Vietnamese translation of its standard buttons, so every dialog
sets its texts here. All message boxes go through ``ask`` and all file choices
through ``choose_open_file`` / ``choose_save_file``: tests replace these three
functions (``monkeypatch.setattr(vi, "ask", ...)``) so nothing ever blocks.
Callers must use ``vi.ask(...)`` (the module attribute), not a copied name.
"""
from __future__ import annotations

import re

from PySide6.QtWidgets import QWidget

# Qt's dialog classes are imported on first use: creating their Python types (and their
# enums) costs start-up time, and no dialog shows before the main window.
_BUTTON_TEXTS = (  # with their Alt keys: ASCII letters, typable on any keyboard layout
    ("Ok", "Đồ&ng ý"),
    ("Cancel", "&Hủy"),
    ("Yes", "&Có"),
    ("No", "&Không"),
    ("Save", "&Lưu"),
    ("Discard", "Không l&ưu"),
    ("Close", "Đón&g"),
    ("Open", "&Mở"),
    ("Apply", "Áp &dụng"),
    ("Reset", "Đặt &lại"),
    ("Help", "&Trợ giúp"),
    ("Abort", "&Dừng"),
    ("Retry", "Thử &lại"),
    ("Ignore", "&Bỏ qua"),
    ("RestoreDefaults", "&Khôi phục mặc định"),
)


def with_mnemonics(labels, taken: str = "") -> list[str]:
    """Give each label without an Alt key one of its own ASCII letters, a word's first letter if it
    can, never one already ``taken`` or given to another label: "Lưu" → "&Lưu", "Không lưu" → "&Không lưu"."""
    used = set(taken.lower())
    for label in labels:
        if "&" in label.replace("&&", ""):
            used.add(label[label.index("&") + 1].lower())
    out = []
    for label in labels:
        if "&" in label.replace("&&", ""):
            out.append(label)
            continue
        starts = [i for i, ch in enumerate(label) if ch.isascii() and ch.isalpha() and (i == 0 or label[i - 1] == " ")]
        others = [i for i, ch in enumerate(label) if ch.isascii() and ch.isalpha() and i not in starts]
        pick = next((i for i in starts + others if label[i].lower() not in used), None)
        if pick is None:
            out.append(label)
            continue
        used.add(label[pick].lower())
        out.append(label[:pick] + "&" + label[pick:])
    return out


# Roles of the choices passed to ``ask``.
ACCEPT, REJECT, DESTRUCTIVE, OTHER = "accept", "reject", "destructive", "other"
_ROLES = {ACCEPT: "AcceptRole", REJECT: "RejectRole", DESTRUCTIVE: "DestructiveRole", OTHER: "ActionRole"}
_ICONS = {"info": "Information", "warning": "Warning", "error": "Critical", "question": "Question"}


def button_texts() -> dict:
    """Qt standard button -> its Vietnamese text."""
    from PySide6.QtWidgets import QDialogButtonBox

    sb = QDialogButtonBox.StandardButton
    return {getattr(sb, name): text for name, text in _BUTTON_TEXTS}


DOCX_FILTER = "Tệp Word (*.docx)"
JSON_FILTER = "Tệp kế hoạch JSON (*.json)"
OPEN_FILTERS = "Kế hoạch (*.docx *.json);;Tệp Word (*.docx);;Tệp kế hoạch JSON (*.json)"
OLD_PLAN_FILTERS = ("Văn bản kế hoạch (*.docx *.doc *.txt);;Tệp Word (*.docx *.doc);;"
                    "Văn bản thuần (*.txt)")
SAVE_FILTERS = f"{DOCX_FILTER};;{JSON_FILTER}"


def translate_buttons(box):
    """Give every standard button of ``box`` (a QDialogButtonBox) its Vietnamese text."""
    for which, text in button_texts().items():
        button = box.button(which)
        if button is not None:
            button.setText(text)
    return box


def button_box(buttons, parent: QWidget | None = None):
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(buttons, parent)
    box.setObjectName("buttonBox")
    return translate_buttons(box)


def ask(parent, title: str, text: str, choices, *, icon: str = "question",
        default: str | None = None, details: str = "") -> str | None:
    """Show a message box; ``choices`` are ``(key, label, role)``; returns the chosen key.

    Closing the box with Esc or the title bar returns the key of the REJECT choice
    (or None when there is none).
    """
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setObjectName("messageBox")
    box.setIcon(getattr(QMessageBox.Icon, _ICONS.get(icon, "NoIcon")))
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setInformativeText(details)
    buttons = {}
    reject_key = None
    labels = with_mnemonics([label.replace("&", "&&") for _key, label, _role in choices])
    for (key, _label, role), label in zip(choices, labels):
        button = box.addButton(label, getattr(QMessageBox.ButtonRole, _ROLES.get(role, "ActionRole")))
        buttons[button] = key
        if role == REJECT:
            reject_key = key
            box.setEscapeButton(button)
        if key == default:
            box.setDefaultButton(button)
    box.exec()
    return buttons.get(box.clickedButton(), reject_key)


def inform(parent, title: str, text: str, *, icon: str = "info", details: str = "") -> None:
    ask(parent, title, text, [("ok", "Đóng", ACCEPT)], icon=icon, details=details)


def error(parent, title: str, text: str, *, details: str = "") -> None:
    inform(parent, title, text, icon="error", details=details)


def _dialog(parent, title: str, mode: str):
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, title)
    dialog.setObjectName("fileDialog")
    dialog.setFileMode(getattr(QFileDialog.FileMode, mode))
    # Labels of Qt's own dialog (the system's dialog speaks the system's language already).
    for label, text in ((QFileDialog.DialogLabel.LookIn, "Thư mục:"),
                        (QFileDialog.DialogLabel.FileName, "Tên tệp:"),
                        (QFileDialog.DialogLabel.FileType, "Loại tệp:"),
                        (QFileDialog.DialogLabel.Reject, "Hủy")):
        dialog.setLabelText(label, text)
    return dialog


def choose_open_file(parent, title: str, filters: str = OPEN_FILTERS, folder: str = "") -> str:
    """The file the user picked, or "" when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    dialog = _dialog(parent, title, "ExistingFile")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, "Mở")
    dialog.setNameFilters(filters.split(";;"))
    if folder:
        dialog.setDirectory(folder)
    if not dialog.exec():
        return ""
    files = dialog.selectedFiles()
    return files[0] if files else ""


def filter_suffix(name_filter: str) -> str:
    """The first extension a name filter offers: "Bảng tính Excel (*.xlsx)" -> "xlsx"."""
    m = re.search(r"\*\.(\w+)", name_filter)
    return m.group(1) if m else ""


def with_suffix(path: str, name_filter: str, fallback: str) -> str:
    """``path`` with the chosen filter's extension added when the user typed none."""
    if path and "." not in path.replace("\\", "/").rsplit("/", 1)[-1]:
        path += "." + (filter_suffix(name_filter) or fallback)
    return path


def choose_save_file(parent, title: str, suggested: str = "", filters: str = SAVE_FILTERS) -> str:
    """The path to save to (with an extension that fits the chosen filter), or "" when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    default = filter_suffix(filters) or "docx"
    dialog = _dialog(parent, title, "AnyFile")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, "Lưu")
    dialog.setNameFilters(filters.split(";;"))
    dialog.setDefaultSuffix(default)
    if suggested:
        dialog.selectFile(suggested)
    if not dialog.exec():
        return ""
    files = dialog.selectedFiles()
    if not files:
        return ""
    return with_suffix(files[0], dialog.selectedNameFilter(), default)
