"""The command line (``shared/spec/plan-format.md``). No Qt.

Exit codes: 0 success, 1 the plan has errors (``validate``), 2 the input cannot
be read or the command is wrong. Every failure is one Vietnamese line on
standard error, never a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from .errors import NESTED_TOO_DEEP, UNKNOWN_FAILURE, KehoachError
from .locations import command_name

# Command name → module in kehoach_desktop.commands.
COMMANDS = {
    "render": "render",
    "validate": "validate",
    "import": "import_plan",
    "rollover": "rollover",
    "library": "library",
    "units": "units",
    "pdf": "pdf",
    "register": "register_book",
}


def is_command(word: str) -> bool:
    return word in COMMANDS or word in ("-h", "--help")


_ARGPARSE_WORDS = (("the following arguments are required", "thiếu tham số"),
                   ("unrecognized arguments", "tham số không hiểu"), ("invalid choice", "không có lệnh"),
                   ("expected one argument", "cần một giá trị"), ("invalid int value", "không phải số"),
                   ("choose from", "chọn một trong"))


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "Cách dùng: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse in Vietnamese: headings, the help option, usage errors (exit code 2)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "các tham số"
        self._optionals.title = "tùy chọn"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="hiện hướng dẫn này rồi thoát")

    def error(self, message):  # noqa: D102 - argparse API
        for english, vietnamese in _ARGPARSE_WORDS:
            message = message.replace(english, vietnamese)
        self.exit(2, f"Lỗi: câu lệnh không đúng ({message}). Xem: {command_name()} --help\n")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of the command ``only`` (what a run needs: importing and
    describing all eight commands cost each run ~10 ms)."""
    parser = _Parser(prog=command_name(),  # "python -m kehoach_desktop", or the bundle's program
                     description="Soạn, kiểm tra và xuất Kế hoạch (DOCX) theo thể thức chính thức.")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, title="các lệnh", metavar="LỆNH")
    for name, module in COMMANDS.items():
        if only is not None and name != only:
            continue
        try:
            mod = importlib.import_module(f".commands.{module}", __package__)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.endswith(f"commands.{module}"):
                continue  # a command not built yet
            raise
        mod.register(sub)
    return parser


def _quiet_stdout() -> None:
    """Point stdout at the null device, so that Python's final flush finds no closed pipe."""
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):  # Vietnamese on a Windows console
        if hasattr(stream, "reconfigure"):
            try:  # a file name that is not valid UTF-8 is printed with "?", never a traceback
                stream.reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, OSError):
                pass
    parser = build_parser(argv[0] if argv and argv[0] in COMMANDS else None)
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
    except BrokenPipeError:  # the reader stopped reading (``… | head``): nothing wrong with the file
        _quiet_stdout()
        return 141  # as a shell reports a process ended by SIGPIPE
    except MemoryError:
        print("Lỗi: tệp quá lớn, không đủ bộ nhớ để đọc.", file=sys.stderr)
        return 2
    except RecursionError:
        print(f"Lỗi: {NESTED_TOO_DEEP}", file=sys.stderr)
        return 2
    except Exception:  # the boundary: no traceback (nor a Python name) ever reaches the user
        print(f"Lỗi: {UNKNOWN_FAILURE}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
