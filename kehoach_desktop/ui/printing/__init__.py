"""Print preview, printing and PDF: Qt draws the pages laid out by ``kehoach_desktop.pages``."""
