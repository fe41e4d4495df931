"""``register`` on the command line: take, next, release, list, export, import, settings, restore."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl

from kehoach_desktop import storage
from kehoach_desktop.register.units import register_path

from ..test_cli import complete_plan
from .test_excel import handkept_workbook

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kehoach_desktop", "register", *args], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=120, env=os.environ)


def plan_file(tmp_path, name="kh.json", number="", regime="state", summary=None) -> Path:
    plan = complete_plan(regime)
    plan["header"]["number"] = number
    if summary:
        plan["summary"] = summary
    path = tmp_path / name
    path.write_text(json.dumps(plan, ensure_ascii=False), "utf-8")
    return path


def test_take_makes_the_unit_a_profile_and_numbers_go_on(tmp_path):
    today = dt.date.today()
    first = run("take", str(plan_file(tmp_path)), "-o", str(tmp_path / "so.json"))
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "01/KH-UBND"
    assert "Đã tạo hồ sơ đơn vị “ỦY BAN NHÂN DÂN XÃ AN PHÚ”" in first.stderr
    written = json.loads((tmp_path / "so.json").read_text("utf-8"))
    assert (written["header"]["number"], written["header"]["date"]) == ("01", today.isoformat())
    assert [p.issuer for p in storage.load_profiles()] == ["ỦY BAN NHÂN DÂN XÃ AN PHÚ"]
    assert run("next").stdout.strip() == "02/KH-UBND"
    second = run("take", str(plan_file(tmp_path, "b.json", summary="Kế hoạch khác")))
    assert second.stdout.strip() == "02/KH-UBND"
    again = run("take", str(tmp_path / "so.json"))  # the numbered plan again: already in
    assert again.returncode == 0 and "đã vào sổ với số 01/KH-UBND" in again.stdout
    listed = run("list", "--json")
    rows = json.loads(listed.stdout)
    assert [r["number"] for r in rows] == [1, 2]
    assert rows[0]["recipients"] == ["Thường trực Đảng ủy xã", "Các thôn"] and rows[0]["archive"] == "VT, VHXH"
    assert run("release", "02/KH-UBND").returncode == 0
    assert run("next").stdout.strip() == "02/KH-UBND"


def test_hand_typed_number_already_used_exits_1_with_a_sentence(tmp_path):
    run("take", str(plan_file(tmp_path, number="7")))
    clash = run("take", str(plan_file(tmp_path, "b.json", number="7", summary="Văn bản khác")))
    assert clash.returncode == 1
    assert "Số 07/KH-UBND đã cấp ngày 02/03/2026" in clash.stderr and "Traceback" not in clash.stderr
    assert run("next", "--date", "2026-03-02").stdout.strip() == "08/KH-UBND"


def test_export_and_import_through_the_command_line(tmp_path):
    run("take", str(plan_file(tmp_path)), "--date", "2026-01-02")
    xlsx = tmp_path / "cu.xlsx"
    xlsx.write_bytes(handkept_workbook())
    imported = run("import", str(xlsx))
    assert imported.returncode == 0, imported.stderr
    assert "Đã nhập 4 số vào sổ; 1 số đã có trong sổ" in imported.stdout  # 01 was taken above
    assert "Số tiếp theo: 07" in imported.stdout
    out = tmp_path / "so-2026.xlsx"
    exported = run("export", str(out), "--year", "2026")
    assert exported.returncode == 0 and "Đã xuất 5 văn bản của năm 2026" in exported.stdout
    ws = openpyxl.load_workbook(out).active
    assert ws["A6"].value == "01/KH-UBND"
    foreign = tmp_path / "khac.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Tên", "Tuổi"])
    wb.save(foreign)
    refused = run("import", str(foreign))
    assert refused.returncode == 2 and "không phải là sổ đăng ký văn bản đi" in refused.stderr


def test_party_term_setting_and_damaged_register_restore(tmp_path):
    assert run("take", str(plan_file(tmp_path, regime="party")), "--date", "2025-09-01").stdout.strip() == "01-KH/ĐU"
    settings = run("settings", "--term-start", "2025-10-01")
    assert "Hướng dẫn 36-HD/VPTW" in settings.stdout and "01/10/2025" in settings.stdout
    assert storage.load_profiles()[0].term_start == "2025-10-01"
    assert run("next", "--date", "2025-10-02").stdout.strip() == "01-KH/ĐU"
    assert run("next", "--date", "2025-09-30").stdout.strip() == "02-KH/ĐU"
    path = register_path(storage.load_profiles()[0].name)
    path.write_bytes(b"hong" * 1000)
    broken = run("list")
    assert broken.returncode == 2 and "bị hỏng" in broken.stderr and "register restore" in broken.stderr
    restored = run("restore")
    assert restored.returncode == 0 and "Đã khôi phục" in restored.stdout
    assert "01-KH/ĐU" in run("list").stdout


def test_no_profile_and_bad_input_give_one_sentence(tmp_path):
    empty = run("next")
    assert empty.returncode == 2 and "Chưa có hồ sơ đơn vị" in empty.stderr
    bad = run("take", str(tmp_path / "khong-co.json"))
    assert bad.returncode == 2 and "Không tìm thấy tệp" in bad.stderr
    assert run("next", "--date", "14/05/2026").returncode == 2


def test_series_setting_can_be_turned_on_and_off_and_survives_a_profile_resave(tmp_path):
    run("take", str(plan_file(tmp_path)), "--date", "2026-01-02")
    assert "mỗi loại văn bản một dãy số" in run("settings", "--series", "kind").stdout
    profile = storage.load_profiles()[0]
    profile.series = ""  # the unit step saves the profile without the register's settings
    storage.upsert_profile(profile)
    assert storage.load_profiles()[0].series == "kind"
    assert "mỗi loại văn bản một dãy số" not in run("settings", "--series", "default").stdout
    assert storage.load_profiles()[0].series == ""


def test_take_reads_the_apps_docx_and_writes_the_numbered_docx(tmp_path):
    from kehoach_desktop.io import load_plan, save_plan
    from kehoach_desktop.plan.model import Plan

    plan = Plan.from_dict(complete_plan("party"))
    plan.header.number, plan.header.date = "", ""
    source = save_plan(plan, tmp_path / "ke-hoach.docx")
    taken = run("take", str(source), "--date", "2026-04-10", "-o", str(tmp_path / "da-cap-so.docx"))
    assert taken.returncode == 0, taken.stderr
    assert taken.stdout.strip() == "01-KH/ĐU" and "chưa ghi ngày bắt đầu nhiệm kỳ" in taken.stderr
    numbered = load_plan(tmp_path / "da-cap-so.docx")
    assert (numbered.source, numbered.plan.header.number, numbered.plan.header.date) == ("app-docx", "01", "2026-04-10")
    rows = json.loads(run("list", "--json").stdout)
    assert rows[0]["file"] == str((tmp_path / "da-cap-so.docx").resolve())
