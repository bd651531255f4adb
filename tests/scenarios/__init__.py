"""Named self-check scenarios, read through ``scenarios.cases.load_cases``."""
