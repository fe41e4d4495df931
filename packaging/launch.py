"""The bundle's entry point: ``kehoach_desktop/__main__.py`` uses relative imports, so the
executable starts here and calls it as a package module."""
import sys

from kehoach_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
