"""The command line (``shared/spec/plan-format.md``). No Qt.

Exit codes: 0 success, 1 the plan has errors (``validate``), 2 the input cannot
be read or the command is wrong. Every failure is one Vietnamese line on
standard error, never a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from .errors import KehoachError

# Command name → module in kehoach_desktop.commands.
COMMANDS = {
    "render": "render",
    "validate": "validate",
    "import": "import_plan",
    "rollover": "rollover",
    "library": "library",
}


def is_command(word: str) -> bool:
    return word in COMMANDS or word in ("-h", "--help")


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in Vietnamese with exit code 2."""

    def error(self, message):  # noqa: D102 - argparse API
        self.exit(2, f"Lỗi: câu lệnh không đúng ({message}). Xem: python -m kehoach_desktop --help\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m kehoach_desktop",
                     description="Soạn, kiểm tra và xuất Kế hoạch (DOCX) theo thể thức chính thức.")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name, module in COMMANDS.items():
        try:
            mod = importlib.import_module(f".commands.{module}", __package__)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.endswith(f"commands.{module}"):
                continue  # a command not built yet
            raise
        mod.register(sub)
    return parser


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):  # Vietnamese on a Windows console
        if hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(encoding="utf-8")
            except (ValueError, OSError):
                pass
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except KehoachError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return 130
    except MemoryError:
        print("Lỗi: tệp quá lớn, không đủ bộ nhớ để đọc.", file=sys.stderr)
        return 2
    except Exception as exc:  # the boundary: no traceback ever reaches the user
        print(f"Lỗi: không xử lý được tệp ({exc.__class__.__name__}). Tệp có thể bị hỏng.",
              file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
