"""Each command imports only what it uses: run in a child process, the modules it loaded are read
at exit (as tests/ui/test_startup.py does for the app). A văn thư scripting a hundred files pays
every needless import a hundred times."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kehoach_desktop.plan.model import Plan

ROOT = Path(__file__).resolve().parents[1]

# Runs the command line in-process, then reports what was imported (before importing json itself).
PROBE = textwrap.dedent("""
    import sys
    from kehoach_desktop.cli import main
    try:
        code = main(sys.argv[1:])
    except SystemExit as exc:
        code = exc.code
    modules = sorted(sys.modules)
    units = sys.modules.get("kehoach_desktop.units.data")
    loaded = bool(units and units.is_loaded())
    import json
    sys.__stdout__.write("\\nRESULT " + json.dumps({"code": code, "modules": modules, "units": loaded}) + "\\n")
""")

NEVER = ("PySide6", "shiboken6")  # Qt: only ``pdf`` draws with it
SAVING = ("docx", "lxml")  # python-docx and lxml: only for a .docx
EXCEL_AND_SQL = ("openpyxl", "sqlite3", "_sqlite3")
WEB = ("xml.sax", "http.client", "email", "ssl")  # xml.sax.saxutils pulled these in for an escape


def run(data_home: Path, *args: str) -> dict:
    env = dict(os.environ, XDG_DATA_HOME=str(data_home))
    done = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, f"no result (exit {done.returncode}): {done.stderr[-2000:]}"
    result = json.loads(lines[-1][len("RESULT "):])
    result["top"] = {m.split(".")[0] for m in result["modules"]}
    return result


def absent(result: dict, names) -> list:
    """The names (packages, or dotted modules) that the command imported."""
    return [n for n in names if (n in result["modules"]) or ("." not in n and n in result["top"])]


def plan_dict(number: str = "") -> dict:
    return {"format": "kehoach", "version": 1, "regime": "state", "header": {
        "superior": "", "issuer": "ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH MỚI", "number": number, "symbol": "KH-UBND",
        "place": "Hòa Bình Mới", "date": "2026-03-05"},
        "summary": "Tuyên truyền pháp luật năm 2026", "preamble": ["Căn cứ tình hình thực tế của xã."],
        "sections": [{"title": "MỤC ĐÍCH, YÊU CẦU", "content": ["Nâng cao nhận thức pháp luật."]},
                     {"title": "TỔ CHỨC THỰC HIỆN", "content": ["Các thôn triển khai thực hiện./."]}],
        "recipients": ["Các thôn", "Lưu: VT"],
        "signature": {"authority": "TM.", "collective": "ỦY BAN NHÂN DÂN", "position": "CHỦ TỊCH", "name": "Trần Văn Bình"}}


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("commands")
    out = {}
    for name, number in (("plain", ""), ("numbered", "7")):
        path = folder / f"{name}.json"
        path.write_text(Plan.from_dict(plan_dict(number)).to_json(), "utf-8")
        out[name] = path
    out["docx"] = folder / "plain.docx"
    done = subprocess.run([sys.executable, "-m", "kehoach_desktop", "render", str(out["plain"]), "-o", str(out["docx"])],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    import docx  # a DOCX typed by hand: paragraphs only, no plan inside

    typed = docx.Document()
    for line in ("ỦY BAN NHÂN DÂN", "XÃ HÒA BÌNH MỚI", "Số: 7/KH-UBND", "KẾ HOẠCH", "Tuyên truyền pháp luật",
                 "I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao nhận thức pháp luật./.", "Nơi nhận:", "- Lưu: VT.",
                 "CHỦ TỊCH", "Trần Văn Bình"):
        typed.add_paragraph(line)
    out["typed"] = folder / "typed.docx"
    typed.save(out["typed"])
    out["folder"] = folder
    return out


def test_validate_of_a_json_plan_loads_no_docx_excel_sql_or_qt(files, tmp_path):
    result = run(tmp_path, "validate", str(files["plain"]))
    assert result["code"] == 1  # the plan has no number yet: an error, reported
    assert absent(result, NEVER + SAVING + EXCEL_AND_SQL + WEB) == []
    assert result["units"]  # the two-tier check ran
    assert "kehoach_desktop.register.units" not in result["modules"]  # no number: no register looked for
    assert "kehoach_desktop.plan.edits" not in result["modules"]  # the check reads the plan, never edits it


def test_a_numbered_plan_looks_for_its_register_without_opening_sqlite_when_there_is_none(files, tmp_path):
    result = run(tmp_path, "validate", str(files["numbered"]))
    assert "kehoach_desktop.register.number_check" in result["modules"]
    # no register on this machine: the profiles are not read, the register code not imported
    assert "kehoach_desktop.register.units" not in result["modules"]
    assert "kehoach_desktop.storage" not in result["modules"]  # the data folder comes from userdata
    assert absent(result, EXCEL_AND_SQL + SAVING + NEVER) == []
    assert "kehoach_desktop.register.book" not in result["modules"]


def test_a_numbered_plan_whose_unit_has_a_register_is_checked_against_it(files, tmp_path):
    """The other side: the check must really open the register when there is one."""
    taken = run(tmp_path, "register", "take", str(files["numbered"]), "--date", "2026-03-05")
    assert taken["code"] == 0 and "sqlite3" in taken["top"]
    result = run(tmp_path, "validate", str(files["numbered"]))
    assert "sqlite3" in result["top"] and "kehoach_desktop.register.book" in result["modules"]
    assert absent(result, ("openpyxl",) + NEVER + SAVING) == []


def test_import_of_a_json_plan_is_the_plan_and_nothing_else(files, tmp_path):
    result = run(tmp_path, "import", str(files["plain"]))
    assert result["code"] == 0
    assert absent(result, NEVER + SAVING + EXCEL_AND_SQL + WEB) == []
    assert not result["units"] and "kehoach_desktop.units.index" not in result["modules"]
    assert "kehoach_desktop.plan.validate" not in result["modules"]


@pytest.mark.parametrize("command", ["validate", "import"])
@pytest.mark.parametrize("which", ["docx", "typed"])
def test_a_docx_is_read_without_python_docx_excel_sql_or_qt(files, tmp_path, command, which):
    """The app's own DOCX and one typed in a word processor: read by the light reader (lxml)."""
    result = run(tmp_path, command, str(files[which]))
    assert result["code"] in (0, 1)  # read (validate: exit 1 for the missing number)
    assert absent(result, NEVER + ("docx",) + EXCEL_AND_SQL + WEB) == []


def test_render_writes_the_docx_and_does_nothing_else(files, tmp_path):
    result = run(tmp_path, "render", str(files["plain"]), "-o", str(tmp_path / "out.docx"))
    assert result["code"] == 0 and (tmp_path / "out.docx").is_file()
    assert absent(result, NEVER + EXCEL_AND_SQL + WEB) == []
    assert not result["units"] and not any(m.startswith("kehoach_desktop.units") for m in result["modules"])
    assert not any(m.startswith(("kehoach_desktop.register", "kehoach_desktop.library")) for m in result["modules"])
    assert "kehoach_desktop.plan.validate" not in result["modules"]


def test_render_to_json_needs_no_docx(files, tmp_path):
    result = run(tmp_path, "render", str(files["plain"]), "-o", str(tmp_path / "out.json"))
    assert result["code"] == 0
    assert absent(result, NEVER + SAVING + EXCEL_AND_SQL + WEB) == []


def test_library_search_needs_no_docx(tmp_path):
    result = run(tmp_path, "library", "search", "kinh", "phí")
    assert result["code"] == 0
    assert absent(result, NEVER + SAVING + EXCEL_AND_SQL) == []


@pytest.mark.parametrize("args", [["--help"], ["units", "info"], ["register", "list"], ["rollover", "PLAN"]])
def test_no_command_but_pdf_imports_qt(files, tmp_path, args):
    args = [str(files["plain"]) if a == "PLAN" else a for a in args]
    result = run(tmp_path, *args)
    assert absent(result, NEVER + ("openpyxl",)) == []


def test_a_command_imports_only_its_own_module(files, tmp_path):
    result = run(tmp_path, "validate", str(files["plain"]))
    commands = {m for m in result["modules"] if m.startswith("kehoach_desktop.commands.")}
    assert commands == {"kehoach_desktop.commands.validate"}
