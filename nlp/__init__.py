"""Natural-language extraction: entities, figures, agreements and quotes, as spaCy components."""
