# Run-time hook of the bundle, in place of PyInstaller's PySide6 hook: that one imports QtCore when
# the program starts (the Qt libraries, ~60 ms) even for the command line, which needs no Qt. Here
# only the environment: where Qt finds its plugins (PySide6 itself makes Qt relocatable).
import os
import sys

_qt = os.path.join(sys._MEIPASS, "PySide6") if sys.platform == "win32" else os.path.join(sys._MEIPASS, "PySide6", "Qt")
os.environ["QT_PLUGIN_PATH"] = os.path.join(_qt, "plugins")
