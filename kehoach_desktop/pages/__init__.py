"""The printed pages: the layout model shared by the print preview, printing and PDF (no Qt)."""
