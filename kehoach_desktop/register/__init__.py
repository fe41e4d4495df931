"""The register of issued numbers (sổ đăng ký văn bản đi) and the recipients' address book. No Qt.

One SQLite register per unit profile (``units.open_for_profile``), numbered by the
rules of the unit's regime (``rules.py``, data), with backups and a damaged file
reported, never replaced silently (``backup.py``); Excel out and in (``excel_out.py``,
``excel_in.py``); recipient groups (``groups.py``). sqlite3 and openpyxl are imported
only when a register is used.
"""

REGISTERS_DIR = "registers"  # in the user data folder: one "<unit>-<hash>.sqlite3" per profile
