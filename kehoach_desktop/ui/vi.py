"""Vietnamese texts for Qt's standard buttons, and the one door to message boxes and file dialogs.

Qt ships no Vietnamese translation of its standard buttons, so every dialog
sets its texts here. All message boxes go through ``ask`` and all file choices
through ``choose_open_file`` / ``choose_save_file``: tests replace these three
functions (``monkeypatch.setattr(vi, "ask", ...)``) so nothing ever blocks.
Callers must use ``vi.ask(...)`` (the module attribute), not a copied name.
"""
from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox, QWidget

SB = QDialogButtonBox.StandardButton
BUTTON_TEXTS = {
    SB.Ok: "Đồng ý",
    SB.Cancel: "Hủy",
    SB.Yes: "Có",
    SB.No: "Không",
    SB.Save: "Lưu",
    SB.Discard: "Không lưu",
    SB.Close: "Đóng",
    SB.Open: "Mở",
    SB.Apply: "Áp dụng",
    SB.Reset: "Đặt lại",
    SB.Help: "Trợ giúp",
    SB.Abort: "Dừng",
    SB.Retry: "Thử lại",
    SB.Ignore: "Bỏ qua",
    SB.RestoreDefaults: "Khôi phục mặc định",
}

# Roles of the choices passed to ``ask``.
ACCEPT, REJECT, DESTRUCTIVE, OTHER = "accept", "reject", "destructive", "other"
_ROLES = {
    ACCEPT: QMessageBox.ButtonRole.AcceptRole,
    REJECT: QMessageBox.ButtonRole.RejectRole,
    DESTRUCTIVE: QMessageBox.ButtonRole.DestructiveRole,
    OTHER: QMessageBox.ButtonRole.ActionRole,
}
_ICONS = {
    "info": QMessageBox.Icon.Information,
    "warning": QMessageBox.Icon.Warning,
    "error": QMessageBox.Icon.Critical,
    "question": QMessageBox.Icon.Question,
}

DOCX_FILTER = "Tệp Word (*.docx)"
JSON_FILTER = "Tệp kế hoạch JSON (*.json)"
OPEN_FILTERS = "Kế hoạch (*.docx *.json);;Tệp Word (*.docx);;Tệp kế hoạch JSON (*.json)"
OLD_PLAN_FILTERS = ("Văn bản kế hoạch (*.docx *.doc *.txt);;Tệp Word (*.docx *.doc);;"
                    "Văn bản thuần (*.txt)")
SAVE_FILTERS = f"{DOCX_FILTER};;{JSON_FILTER}"


def translate_buttons(box: QDialogButtonBox) -> QDialogButtonBox:
    """Give every standard button of ``box`` its Vietnamese text."""
    for which, text in BUTTON_TEXTS.items():
        button = box.button(which)
        if button is not None:
            button.setText(text)
    return box


def button_box(buttons, parent: QWidget | None = None) -> QDialogButtonBox:
    box = QDialogButtonBox(buttons, parent)
    box.setObjectName("buttonBox")
    return translate_buttons(box)


def ask(parent, title: str, text: str, choices, *, icon: str = "question",
        default: str | None = None, details: str = "") -> str | None:
    """Show a message box; ``choices`` are ``(key, label, role)``; returns the chosen key.

    Closing the box with Esc or the title bar returns the key of the REJECT choice
    (or None when there is none).
    """
    box = QMessageBox(parent)
    box.setObjectName("messageBox")
    box.setIcon(_ICONS.get(icon, QMessageBox.Icon.NoIcon))
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setInformativeText(details)
    buttons = {}
    reject_key = None
    for key, label, role in choices:
        button = box.addButton(label, _ROLES.get(role, QMessageBox.ButtonRole.ActionRole))
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


def _dialog(parent, title: str, mode) -> QFileDialog:
    dialog = QFileDialog(parent, title)
    dialog.setObjectName("fileDialog")
    dialog.setFileMode(mode)
    # Labels of Qt's own dialog (the system's dialog speaks the system's language already).
    for label, text in ((QFileDialog.DialogLabel.LookIn, "Thư mục:"),
                        (QFileDialog.DialogLabel.FileName, "Tên tệp:"),
                        (QFileDialog.DialogLabel.FileType, "Loại tệp:"),
                        (QFileDialog.DialogLabel.Reject, "Hủy")):
        dialog.setLabelText(label, text)
    return dialog


def choose_open_file(parent, title: str, filters: str = OPEN_FILTERS, folder: str = "") -> str:
    """The file the user picked, or "" when cancelled."""
    dialog = _dialog(parent, title, QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, "Mở")
    dialog.setNameFilters(filters.split(";;"))
    if folder:
        dialog.setDirectory(folder)
    if not dialog.exec():
        return ""
    files = dialog.selectedFiles()
    return files[0] if files else ""


def choose_save_file(parent, title: str, suggested: str = "", filters: str = SAVE_FILTERS) -> str:
    """The path to save to (with an extension that fits the chosen filter), or "" when cancelled."""
    dialog = _dialog(parent, title, QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, "Lưu")
    dialog.setNameFilters(filters.split(";;"))
    dialog.setDefaultSuffix("docx")
    if suggested:
        dialog.selectFile(suggested)
    if not dialog.exec():
        return ""
    files = dialog.selectedFiles()
    if not files:
        return ""
    path = files[0]
    if "." not in path.rsplit("/", 1)[-1]:
        path += ".json" if dialog.selectedNameFilter() == JSON_FILTER else ".docx"
    return path
