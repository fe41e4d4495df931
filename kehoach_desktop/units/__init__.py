"""Administrative units since 1 July 2025 (two tiers: 34 provinces, 3,321 xã/phường/đặc khu),
and the old communes and provinces with the unit(s) they went into. Pure Python, no Qt.

- ``data``: the compact data file (bundled in ``resources/units``, replaceable by the user),
  loaded on first use only;
- ``index``: lookups by folded name, completion;
- ``forms``: a unit's header forms in each regime;
- ``mentions``: district bodies and old units in a plan, with proposals (roll-over);
- ``check``: the validator's warnings for plans dated from 1 July 2025.
"""
