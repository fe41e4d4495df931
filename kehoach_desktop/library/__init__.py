"""Reusable paragraphs: store, search, share. No Qt here."""
