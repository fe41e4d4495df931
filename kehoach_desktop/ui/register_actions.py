"""“Cấp số và vào sổ” on the check step, and opening a unit's register from the app.

The work is the register's (``register/``); this module asks, shows and applies the
number and date to the plan as one undoable edit. A damaged register is reported with
its last good copy offered; it is restored only when the user says so.
"""
from __future__ import annotations

import datetime as _dt

from PySide6.QtWidgets import QPushButton

from . import vi

ISSUE_TEXT = "Cấp số và vào sổ…"


def add_issue_button(step, row) -> QPushButton:
    """The button on the check step (``row``: its button row)."""
    button = QPushButton(ISSUE_TEXT)
    button.setObjectName("issueNumberButton")
    button.setToolTip("Cấp số tiếp theo trong sổ văn bản đi của đơn vị, ghi số và ngày hôm nay vào kế hoạch")
    button.clicked.connect(lambda: issue_plan(step, step.document))
    row.addWidget(button)
    return button


def open_book(parent, profile):
    """The profile's register, or None (the user was told why). Offers a backup for a damaged file."""
    from ..errors import KehoachError
    from ..register.backup import RegisterDamaged, restore_backup
    from ..register.units import open_register

    try:
        return open_register(profile)
    except RegisterDamaged as exc:
        if exc.backup is None:
            vi.error(parent, "Sổ văn bản đi bị hỏng", str(exc))
            return None
        answer = vi.ask(parent, "Sổ văn bản đi bị hỏng", str(exc),
                        [("restore", "Khôi phục từ bản sao lưu", vi.ACCEPT), ("cancel", "Để sau", vi.REJECT)],
                        icon="warning", default="restore")
        if answer != "restore":
            return None
        try:
            kept = restore_backup(exc.path, exc.backup)
            book = open_register(profile)
        except KehoachError as again:
            vi.error(parent, "Không khôi phục được", str(again))
            return None
        vi.inform(parent, "Đã khôi phục sổ", f"Sổ đã được khôi phục từ bản sao lưu “{exc.backup.name}”. "
                  f"Tệp hỏng được giữ lại: {kept.name}. Các số cấp sau lúc sao lưu cần được vào sổ lại.")
        return book
    except KehoachError as exc:
        vi.error(parent, "Không mở được sổ văn bản đi", str(exc))
        return None


def _window_file(widget) -> str:
    files = getattr(widget.window(), "files", None)
    path = getattr(files, "path", None)
    return str(path) if path else ""


def issue_plan(parent, document, *, today: _dt.date | None = None):
    """Propose the next free number, take it, write number and today's date into the plan."""
    from ..errors import KehoachError
    from ..plan.edits import Batch, SetValue
    from ..register.actions import plan_entry, same_document, typed_number
    from ..register.book import NumberUsed
    from ..register.units import profile_for_plan
    from .issue_dialog import ask_number

    plan = document.plan
    today = today or _dt.date.today()
    try:
        profile, created = profile_for_plan(plan)
    except KehoachError as exc:
        vi.error(parent, "Chưa cấp số được", str(exc))
        return None
    book = open_book(parent, profile)
    if book is None:
        return None
    with book:
        entry = plan_entry(plan, file=_window_file(parent), day=today)
        typed = typed_number(plan)
        if typed is not None:
            held = book.holder(typed, _date_or(plan.header.date, today), entry.kind)
            if held is not None and same_document(held, plan):
                vi.inform(parent, "Đã vào sổ", f"Kế hoạch này đã vào sổ với số {held.number_and_symbol()} "
                          f"ngày {held.day:%d/%m/%Y}.")
                return held
        proposal = book.next_number(today, entry.kind)
        number = ask_number(parent, book, entry, proposal, created=created and profile.name)
        if number is None:
            return None
        try:
            entry = book.take(entry, None if number == proposal else number)
        except NumberUsed as exc:
            vi.error(parent, "Số đã được dùng", str(exc))
            return None
    if entry.number != number:
        vi.inform(parent, "Số đã đổi", f"Số {number:02d} vừa được cấp ở cửa sổ khác; kế hoạch nhận số "
                  f"{entry.number_and_symbol()}.")
    document.apply(Batch((SetValue("header.number", entry.number_text), SetValue("header.date", entry.date))),
                   text="Cấp số và vào sổ")
    _remember_file_on_save(parent, profile, entry)
    shown = getattr(parent.window(), "_register_window", None)
    if shown is not None and shown.isVisible():
        shown.reload()
    bar = getattr(parent.window(), "statusBar", None)
    if bar is not None:
        bar().showMessage(f"Đã cấp số {entry.number_and_symbol()} và vào sổ văn bản đi.", 8000)
    return entry


def _date_or(iso: str, default: _dt.date) -> _dt.date:
    try:
        return _dt.date.fromisoformat(iso)
    except ValueError:
        return default


def _remember_file_on_save(parent, profile, entry) -> None:
    """A plan issued before it was saved: its row learns the file at the next save."""
    files = getattr(parent.window(), "files", None)
    if entry.file or files is None or not hasattr(files, "saved"):
        return

    def saved(path: str):
        files.saved.disconnect(saved)
        book = open_book(parent, profile)
        if book is not None:
            with book:
                book.set_file(entry.id, path)

    files.saved.connect(saved)


def show_register(window) -> None:
    """The register window of the current unit (one per main window)."""
    from .register_window import RegisterWindow

    existing = getattr(window, "_register_window", None)
    if existing is None:
        existing = window._register_window = RegisterWindow(window)
    existing.reload()
    existing.show()
    existing.raise_()
    existing.activateWindow()
