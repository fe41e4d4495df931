"""The core (plan/, docx/, library/, cli and commands) must never import Qt."""
import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "kehoach_desktop"
CORE = [p for p in PKG.rglob("*.py") if "ui" not in p.relative_to(PKG).parts]


def qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6")]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6"):
                found.append(node.module)
    return found


def test_core_modules_exist():
    assert len(CORE) >= 5


def test_no_core_module_imports_qt():
    offenders = {str(p.relative_to(PKG)): qt_imports(p) for p in CORE if qt_imports(p)}
    assert offenders == {}


def test_detector_catches_a_qt_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from PySide6.QtWidgets import QWidget\n")
    assert qt_imports(bad) == ["PySide6.QtWidgets"]
