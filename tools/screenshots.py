"""Screenshots of every wizard step for the README.

Opens the app at 1366×768 on a sample plan (one of each regime) and writes a
PNG per step into a folder. Run under a real X server for faithful fonts:

    Xvfb :57 -screen 0 1366x768x24 -noreset &
    DISPLAY=:57 QT_QPA_PLATFORM=xcb .venv/bin/python tools/screenshots.py docs/screenshots

User data (profiles, recent files) goes to a temporary folder, never yours.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SIZE = (1366, 768)

STATE_SAMPLE = {
    "format": "kehoach", "version": 1, "regime": "state", "kind": "tuyen-truyen",
    "header": {"superior": "", "issuer": "ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "number": "",
               "symbol": "KH-UBND", "place": "Tân Lập", "date": "2026-08-10"},
    "summary": "Tuyên truyền kỷ niệm 81 năm Cách mạng tháng Tám và Quốc khánh 2/9",
    "preamble": ["Thực hiện Kế hoạch số 30-KH/ĐU ngày 02/8/2026 của Ban Thường vụ Đảng ủy xã về tổ chức "
                 "các hoạt động kỷ niệm các ngày lễ lớn năm 2026;",
                 "Ủy ban nhân dân xã ban hành Kế hoạch tuyên truyền, cụ thể như sau:"],
    "sections": [
        {"title": "MỤC ĐÍCH, YÊU CẦU", "content": [
            {"title": "Mục đích", "content": [
                "- Giáo dục truyền thống yêu nước, niềm tự hào dân tộc cho cán bộ, đảng viên và Nhân dân.",
                "- Tạo không khí phấn khởi, thi đua thực hiện thắng lợi các nhiệm vụ năm 2026."]},
            {"title": "Yêu cầu", "content": [
                "- Công tác tuyên truyền thiết thực, hiệu quả, tiết kiệm, phù hợp với tình hình địa phương."]}]},
        {"title": "NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN", "content": [
            {"title": "Nội dung tuyên truyền", "content": [
                "- Ý nghĩa lịch sử của Cách mạng tháng Tám và sự ra đời của nước Việt Nam Dân chủ Cộng hòa."]},
            {"title": "Hình thức tuyên truyền", "content": [
                "- Tuyên truyền trên hệ thống truyền thanh xã, trang thông tin điện tử của xã.",
                "- Treo cờ Tổ quốc, băng rôn, khẩu hiệu tại trụ sở và các tuyến đường chính."]}]},
        {"title": "KINH PHÍ THỰC HIỆN", "content": [
            "Kinh phí thực hiện từ nguồn ngân sách xã năm 2026 đã được bố trí trong dự toán."]},
        {"title": "TỔ CHỨC THỰC HIỆN", "content": [
            "1. Văn phòng HĐND - UBND xã chủ trì, phối hợp với các ban, ngành, đoàn thể triển khai Kế hoạch.",
            "2. Các thôn, tổ dân phố tuyên truyền, vận động Nhân dân treo cờ Tổ quốc."]}],
    "closing": ["Trên đây là Kế hoạch tuyên truyền kỷ niệm 81 năm Cách mạng tháng Tám và Quốc khánh 2/9 của "
                "Ủy ban nhân dân xã. Yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện./."],
    "recipients": ["Thường trực Đảng ủy xã (để báo cáo)", "Thường trực HĐND xã (để báo cáo)",
                   "Chủ tịch, các Phó Chủ tịch UBND xã", "Ủy ban MTTQ Việt Nam xã",
                   "Các ban, ngành, đoàn thể xã", "Các thôn, tổ dân phố (để thực hiện)", "Lưu: VT, VHXH"],
    "signature": {"authority": "TM.", "collective": "ỦY BAN NHÂN DÂN", "position": "CHỦ TỊCH",
                  "name": "Nguyễn Văn An"},
}

PARTY_SAMPLE = {
    **STATE_SAMPLE,
    "regime": "party",
    "header": {"superior": "ĐẢNG BỘ TỈNH LÂM ĐỒNG", "issuer": "ĐẢNG ỦY XÃ TÂN LẬP", "number": "15",
               "symbol": "KH/ĐU", "place": "Tân Lập", "date": "2026-08-05"},
    "summary": "tuyên truyền kỷ niệm 81 năm Cách mạng tháng Tám và Quốc khánh 2/9",
    "preamble": ["Thực hiện Hướng dẫn số 12-HD/BTGDVTU ngày 20/7/2026 của Ban Tuyên giáo và Dân vận Tỉnh ủy, "
                 "Ban Thường vụ Đảng ủy xã xây dựng Kế hoạch tuyên truyền như sau:"],
    "sections": [s for s in STATE_SAMPLE["sections"] if s["title"] not in ("KINH PHÍ THỰC HIỆN", "TỔ CHỨC THỰC HIỆN")]
    + [{"title": "TỔ CHỨC THỰC HIỆN", "content": [
        "1. Ban Xây dựng Đảng Đảng ủy chủ trì, hướng dẫn các chi bộ triển khai thực hiện Kế hoạch.",
        "2. Các chi bộ trực thuộc quán triệt đến đảng viên; báo cáo kết quả về Ban Thường vụ Đảng ủy "
        "trước ngày 10/9/2026."]}],
    "closing": ["Ban Thường vụ Đảng ủy xã đề nghị các chi bộ, Ủy ban MTTQ và các đoàn thể chính trị - xã hội "
                "xã triển khai thực hiện tốt Kế hoạch này."],
    "recipients": ["Ban Tuyên giáo và Dân vận Tỉnh ủy (để báo cáo)", "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ xã",
                   "Các chi bộ trực thuộc", "Ủy ban MTTQ và các đoàn thể xã", "Lưu Văn phòng Đảng ủy"],
    "signature": {"authority": "T/M", "collective": "BAN THƯỜNG VỤ", "position": "PHÓ BÍ THƯ",
                  "name": "Trần Thị Hạnh"},
}


def slug(text: str) -> str:
    from kehoach_desktop.plan.text import fold

    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:40]


def shoot(out: Path, sample: dict, prefix: str) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from kehoach_desktop.plan.model import Plan
    from kehoach_desktop.ui.main_window import MainWindow

    app = QApplication.instance()
    window = MainWindow(Plan.from_dict(sample))
    window.setGeometry(0, 0, *SIZE)
    window.show()
    window.resize(*SIZE)
    app.processEvents()
    written = []
    for i, step in enumerate(window.wizard.steps):
        window.wizard.go_to(i)
        if hasattr(window.wizard.preview, "refresh_now"):
            window.wizard.preview.refresh_now()
        for _ in range(5):
            app.processEvents()
        path = out / f"{prefix}-{i + 1:02d}-{slug(step.title)}.png"
        window.grab().save(str(path))
        written.append(path)
    window.document.set_clean()
    window.close()
    return written


def shoot_new_dialog(out: Path) -> list[Path]:
    """File → New: the kinds of plan offered."""
    from PySide6.QtWidgets import QApplication

    from kehoach_desktop.forms import load_forms
    from kehoach_desktop.ui.new_plan_dialog import NewPlanDialog

    dialog = NewPlanDialog(load_forms()[0])
    dialog.show()
    for _ in range(5):
        QApplication.processEvents()
    path = out / "new-plan-dialog.png"
    dialog.grab().save(str(path))
    dialog.close()
    return [path]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Chụp màn hình từng bước của trình soạn kế hoạch.")
    parser.add_argument("out", nargs="?", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="kehoach-shots-")

    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    written = shoot(out, STATE_SAMPLE, "state") + shoot(out, PARTY_SAMPLE, "party") + shoot_new_dialog(out)
    for path in written:
        print(path)
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
