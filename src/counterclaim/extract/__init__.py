"""Extractors: pure functions from a parsed, normalised text to mentions (figures, quotes, acts)."""
