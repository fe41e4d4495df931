"""Qt only: presents and edits the plan model."""
