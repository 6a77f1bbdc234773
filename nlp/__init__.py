"""Natural-language extraction: entities, figures, agreements and quotes as spaCy components
(`pipeline.Extractor`), the MiniLM encoder as a component that runs beside the rules, and `pool.ExtractorPool`,
which runs the extractor in one process per core."""
