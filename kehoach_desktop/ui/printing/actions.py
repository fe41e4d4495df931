"""What the window's menu does for print and PDF: preview, print, export (with progress)."""
from __future__ import annotations

from pathlib import Path

from ...errors import KehoachError
from ...pages.blocks import PrintOptions
from .. import vi
from ..background import run_in_background
from .fonts import font_notice


def export_pdf(parent, plan, folder: Path | None = None, options: PrintOptions | None = None) -> Path | None:
    """Ask where (and how), then write the PDF off the GUI thread; the path written, or None."""
    from .export_dialog import ExportDialog

    dialog = ExportDialog(plan, parent, folder)
    if options is not None and options.for_signing:
        dialog.signing.setChecked(True)
    if not dialog.exec():
        return None
    path, chosen = dialog.chosen()
    return write_pdf(parent, plan, path, chosen)


def write_pdf(parent, plan, path: Path, options: PrintOptions) -> Path | None:
    from ...safefile import write_atomic
    from .export import check_pdf, plan_pdf

    def work(progress):
        data = plan_pdf(plan, options, lambda done, total: progress(f"Đang tạo trang {done}/{total}…"))
        progress("Đang ghi tệp…")
        write_atomic(path, data, verify=check_pdf)

    try:
        run_in_background(parent, "Đang xuất PDF…", work)
    except KehoachError as exc:
        vi.error(parent, "Không xuất được PDF", str(exc))
        return None
    except Exception as exc:  # noqa: BLE001 - a drawing or disk error must not close the app
        vi.error(parent, "Không xuất được PDF", f"Có lỗi khi tạo tệp PDF ({exc.__class__.__name__}); "
                 "tệp cũ (nếu có) vẫn giữ nguyên.")
        return None
    notice = font_notice()
    vi.inform(parent, "Đã xuất PDF", f"Đã lưu tệp PDF: {path}", details=notice)
    return path


def open_print_preview(parent, plan, folder: Path | None = None):
    from .preview_dialog import PrintPreviewDialog

    dialog = PrintPreviewDialog(plan, parent, folder)
    dialog.exec()
    return dialog
