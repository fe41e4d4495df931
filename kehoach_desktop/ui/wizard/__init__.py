"""The wizard: one module per step, built from the form definition."""
