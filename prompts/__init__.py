"""Versioned prompt files (``name/v1.md``) and the loader that checks their placeholders."""
