"""``python -m kehoach_desktop``: no arguments or a file → the app; a command → the CLI."""
import os
import sys
from pathlib import Path

OPENABLE = (".docx", ".doc", ".json", ".txt")


def _no_screen() -> bool:
    """Linux with no X or Wayland display and no Qt platform chosen: the app cannot open a window."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


SMOKE_FLAG = "--smoke-test"


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if SMOKE_FLAG in argv:
        # CI's check of the README's start command: the real app, offscreen, then exit.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from .ui.app import smoke_test

        return smoke_test([a for a in argv if a != SMOKE_FLAG])
    if argv:  # (the CLI module, with argparse, is not imported to start the app: start-up time)
        from .cli import is_command
    if argv and (is_command(argv[0]) or argv[0].startswith("-")):
        from .cli import main as cli_main

        return cli_main(argv)
    if argv and not Path(argv[0]).exists() and Path(argv[0]).suffix.lower() not in OPENABLE:
        from .locations import command_name

        print(f"Lỗi: không có lệnh hay tệp “{argv[0]}”. Xem: {command_name()} --help",
              file=sys.stderr)
        return 2
    if _no_screen():
        print("Lỗi: không tìm thấy màn hình để mở cửa sổ phần mềm. Hãy chạy trên máy có màn hình, "
              "hoặc dùng các lệnh render / validate / import (xem --help).", file=sys.stderr)
        return 2
    from .ui.app import main as gui_main  # Qt is imported only here

    return gui_main(argv)


if __name__ == "__main__":
    sys.exit(main())
