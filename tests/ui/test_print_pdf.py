"""Print preview (Ctrl+P), printing, and File → Xuất PDF… driven like a user, with screenshots."""
from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QSpinBox, QToolButton

from kehoach_desktop.pages.copies import proposed_copies
from kehoach_desktop.ui.printing import printer as printing
from kehoach_desktop.ui.printing.export_dialog import ExportDialog
from kehoach_desktop.ui.printing.preview_dialog import PrintPreviewDialog

from ..conftest import need_program
from .test_wizard_journeys import click_next, field, make_window, when_modal
from .test_wizard_support import answers, type_text  # noqa: F401  (fixture)

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def _shot(widget, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / name
    assert widget.grab().save(str(path))
    return path


def _click(qtbot, dialog, cls, name):
    widget = dialog.findChild(cls, name)
    assert widget is not None, name
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _fill_plan(qtbot, window):
    click_next(qtbot, window)
    type_text(qtbot, field(window, "summary"), "In thử kế hoạch tuyên truyền")


def test_ctrl_p_opens_the_preview_and_without_a_printer_offers_the_pdf(qtbot, answers, tmp_path, monkeypatch):
    monkeypatch.setattr(printing, "has_printer", lambda: False)
    answers.replies = ["pdf"]  # "Chưa có máy in" → Xuất PDF…
    window = make_window(qtbot)
    _fill_plan(qtbot, window)
    seen = {}
    out = tmp_path / "ban-in.pdf"

    def in_export(dialog):
        dialog.path.setText(str(out))
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    def in_preview(dialog):
        seen["pages"] = dialog.page_count
        seen["label"] = dialog.pages_label.text()
        seen["copies"] = dialog.findChild(QSpinBox, "copies").value()
        before = dialog.sheets.zoom
        _click(qtbot, dialog, QToolButton, "zoomIn")
        seen["zoomed"] = dialog.sheets.zoom > before
        seen["shot"] = _shot(dialog, "print-preview.png")
        seen["export_timer"] = when_modal(qtbot, ExportDialog, in_export)
        _click(qtbot, dialog, QPushButton, "printButton")
        dialog.reject()

    timer = when_modal(qtbot, PrintPreviewDialog, in_preview)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    timer.stop()
    assert seen["pages"] >= 1 and seen["label"].endswith(f"{seen['pages']} trang")
    assert seen["copies"] == proposed_copies(window.document.plan.recipients) > 1
    assert seen["zoomed"]
    titles = [a[0] for a in answers.asked]
    assert titles[0] == "Chưa có máy in"
    assert "Đã xuất PDF" in titles
    assert out.read_bytes().startswith(b"%PDF-")


def test_printing_sends_text_pages_with_the_proposed_copies(qtbot, answers, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter

    from kehoach_desktop.ui.printing import preview_dialog
    from tests.pages.plan_shapes import make_plan

    out = tmp_path / "printed.pdf"
    made = {}

    def pdf_printer(layout, copies):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setFullPage(True)
        printer.setCopyCount(copies)
        made["copies"] = copies
        return printer
    monkeypatch.setattr(printing, "has_printer", lambda: True)
    monkeypatch.setattr(printing, "new_printer", pdf_printer)
    monkeypatch.setattr(preview_dialog.PrintPreviewDialog, "ask_print_dialog", lambda self, printer: True)
    plan = make_plan(1004, "big")
    dialog = PrintPreviewDialog(plan)
    qtbot.addWidget(dialog)
    dialog.copies.setValue(3)  # the proposal is editable
    assert dialog.print_pages()
    assert made["copies"] == 3
    assert answers.asked[-1][0] == "Đã gửi lệnh in"
    need_program("pdftotext")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True).stdout.decode("utf-8")
    assert text.count("\f") == dialog.page_count  # every page, as text, not images
    assert "KẾ HOẠCH" in text and plan.signature.name in text


def test_export_dialog_for_signing_drops_the_draft_mark_and_names_the_file(qtbot):
    from tests.pages.plan_shapes import make_plan

    plan = make_plan(1003, "plain")  # odd seed: no number, a draft
    dialog = ExportDialog(plan, folder=Path("/tmp"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.draft.isChecked() and dialog.draft.isEnabled()
    assert Path(dialog.path.text()).name.startswith("KH-UBND-") or Path(dialog.path.text()).name.startswith("KH-")
    _shot(dialog, "export-pdf-dialog.png")
    qtbot.mouseClick(dialog.signing, Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.signing.height() // 2))
    assert dialog.signing.isChecked()
    assert not dialog.draft.isChecked() and not dialog.draft.isEnabled()
    path, options = dialog.chosen()
    assert path.name.endswith("-ky-so.pdf") and options.for_signing and not options.draft_mark
    numbered = make_plan(1004, "plain")
    other = ExportDialog(numbered)
    qtbot.addWidget(other)
    assert not other.draft.isChecked() and not other.draft.isEnabled()  # numbered and dated: no mark


def test_file_menu_exports_a_pdf_of_the_plan(qtbot, answers, tmp_path):
    window = make_window(qtbot)
    _fill_plan(qtbot, window)
    out = tmp_path / "menu.pdf"

    def in_export(dialog):
        dialog.path.setText(str(out))
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    timer = when_modal(qtbot, ExportDialog, in_export)
    action = window.findChild(type(window.undo_action), "actionExportPdf")
    assert action.text() == "Xuất &PDF…"
    action.trigger()
    timer.stop()
    assert out.read_bytes().startswith(b"%PDF-")
    assert answers.asked[-1][0] == "Đã xuất PDF"
    need_program("pdftotext")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True).stdout.decode("utf-8")
    assert "In thử kế hoạch tuyên truyền" in text


def test_a_landscape_appendix_prints_on_a_turned_pdf_page_with_its_table_as_text(qapp, tmp_path):
    """The PDF page of a landscape appendix is itself landscape; the table's words come back as text."""
    need_program("pdfinfo", "pdftotext")
    from kehoach_desktop.pages.blocks import PrintOptions
    from kehoach_desktop.plan.model import Plan
    from kehoach_desktop.ui.printing.layout import PrintLayout
    from kehoach_desktop.ui.printing.pdf import pdf_bytes

    rows = [["TT", "Nội dung công việc", "Thời gian hoàn thành"]] + [[str(i), f"Việc số {i}", "Quý II"]
                                                                     for i in range(1, 4)]
    plan = Plan.from_dict({"format": "kehoach", "version": 1, "summary": "In ngang", "signature": {"name": "A"},
                           "sections": [{"title": "NỘI DUNG", "content": ["Một đoạn."]}],
                           "appendices": [{"summary": "Phân công", "landscape": True,
                                           "content": [{"table": {"rows": rows}}]}]})
    target = tmp_path / "ngang.pdf"
    target.write_bytes(pdf_bytes(PrintLayout(plan, PrintOptions(draft_mark=False))))
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9", str(target)], capture_output=True, text=True).stdout
    pages = [line for line in info.splitlines() if line.startswith("Page") and " size:" in line]
    sizes = [line.split("size:")[1].split("pts")[0].split(" x ") for line in pages]
    assert len(sizes) == 2
    (w1, h1), (w2, h2) = ((float(a), float(b)) for a, b in sizes)
    assert w1 < h1 and w2 > h2  # the plan upright, the appendix turned
    text = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(target), "-"], capture_output=True,
                          text=True).stdout
    assert "PHỤ LỤC" in text and "Việc số 3" in text and "Nội dung công việc" in text
