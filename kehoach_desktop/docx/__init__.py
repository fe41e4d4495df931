"""DOCX out and in (python-docx). No Qt here."""
