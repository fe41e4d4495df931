"""Editing widgets bound to a PlanDocument (bound fields, outline, recipients, preview)."""
