"""``python -m kehoach_desktop``: no arguments or a file → the app; a command → the CLI."""
import sys


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from .cli import is_command

    if argv and is_command(argv[0]):
        from .cli import main as cli_main

        return cli_main(argv)
    from .ui.app import main as gui_main  # Qt is imported only here

    return gui_main(argv)


if __name__ == "__main__":
    sys.exit(main())
