"""The Windows installer recipe cannot be compiled here (Inno Setup runs on Windows): check what
would make ISCC fail or the installer misbehave: messages it uses, names shared with the
PyInstaller recipe, per-user install, "Open with" without taking over Word's files."""
from __future__ import annotations

import re
from pathlib import Path

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def sections(text: str) -> dict:
    out, name = {}, ""
    for line in text.splitlines():
        line = line.strip()
        if re.fullmatch(r"\[\w+\]", line):
            name = line[1:-1]
            out.setdefault(name, [])
        elif line and not line.startswith(";") and name:
            out[name].append(line)
    return out


ISS = (PACKAGING / "kehoach.iss").read_text("utf-8-sig")
ISL = (PACKAGING / "Vietnamese.isl").read_text("utf-8-sig")


def test_files_are_utf8_with_a_bom_for_inno():
    for name in ("kehoach.iss", "Vietnamese.isl"):
        assert (PACKAGING / name).read_bytes().startswith(b"\xef\xbb\xbf"), name


def test_every_custom_message_used_is_defined_in_vietnamese():
    used = set(re.findall(r"\{cm:(\w+)", ISS)) | set(re.findall(r"CustomMessage\('(\w+)'\)", ISS))
    defined = {line.split("=", 1)[0] for line in sections(ISL)["CustomMessages"]}
    assert used and used <= defined, used - defined


def test_messages_are_vietnamese_and_well_formed():
    isl = sections(ISL)
    assert "LanguageName=Tiếng Việt" in isl["LangOptions"] and "LanguageID=$042A" in isl["LangOptions"]
    for line in isl["Messages"] + isl["CustomMessages"]:
        key, sep, value = line.partition("=")
        assert sep and re.fullmatch(r"\w+", key) and value.strip(), line
    assert 'MessagesFile: "compiler:Default.isl,Vietnamese.isl"' in ISS  # English only for what is missing


def test_per_user_install_and_the_bundle_it_packs():
    setup = sections(ISS)["Setup"]
    assert "PrivilegesRequired=lowest" in setup and r"DefaultDirName={userpf}\SoanKeHoach" in setup
    spec = (PACKAGING / "kehoach.spec").read_text("utf-8")
    name = re.search(r'^name = "(\w+)"', spec, re.M).group(1)
    assert f'#define AppExe "{name}.exe"' in ISS
    assert rf'Source: "..\dist\{name}\*"' in ISS


def test_open_with_never_takes_over_word_files():
    registry = sections(ISS)["Registry"]
    for ext in (".docx", ".doc", ".json"):
        lines = [r for r in registry if re.search(rf'\\Classes\\{re.escape(ext)}[\\"]', r)]
        assert lines and all(f"\\{ext}\\OpenWithProgids" in r for r in lines), ext
    assert all("uninsdelete" in r for r in registry if "OpenWithProgids" in r)  # a clean uninstall
    assert not any("{localappdata}" in r or "kehoach\\" in r.lower() for r in sections(ISS).get("UninstallDelete", []))
