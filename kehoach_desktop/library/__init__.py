"""Reusable paragraphs: store, search, share. No Qt here.

``catalog.Library`` (and ``catalog.shared_library()``) is the entry point: the bundled
paragraphs of ``resources/library`` plus the user's own ``library.json``;
``search.SearchIndex`` ranks matches; ``placeholders.fill_placeholders`` fills
``{nam}``, ``{co_quan}``… from the plan; ``share`` and ``excel`` read and write
the files communes exchange. Heavy modules (openpyxl) load only when used.
"""
