"""Briefing-site generator: source documents in, a cross-linked MkDocs site out."""

__version__ = "0.1.0"
