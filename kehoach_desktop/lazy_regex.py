"""Regular expressions compiled on their first use, not when their module is imported.

Python compiles a pattern in pure Python (``re._parser``, ``re._compiler``): the ~130
module-level patterns of the recognisers, checks and units cost every command ~13 ms, and a
run uses fewer than half of them (a ``validate`` of a state plan never reads a TCVN3 text, a
party appendix or a flattened signature). ``lazy_compile`` has ``re.compile``'s arguments and
the pattern's methods; the first method looked up compiles it and keeps the compiled methods on
the object, so later calls cost what a compiled pattern's cost.
"""
from __future__ import annotations

import re

_METHODS = ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
            "flags", "groups", "groupindex")


class LazyPattern:
    """A ``re.Pattern`` made on first use. Not accepted by ``re.sub(pattern, …)``: call its methods."""

    def __init__(self, pattern, flags: int = 0):
        self.pattern = pattern
        self._flags = flags

    def compiled(self) -> re.Pattern:
        return re.compile(self.pattern, self._flags)  # re's own cache: one compile per process

    def __getattr__(self, name):
        if name not in _METHODS:
            raise AttributeError(name)
        compiled = self.compiled()
        for method in _METHODS:  # found on the instance from now on, without __getattr__
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self._flags!r})"


def lazy_compile(pattern, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)
