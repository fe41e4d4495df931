"""The plan domain: model, layout rules, numbering, validation. No Qt here."""
