"""Logging set-up (structlog) and personal-data redaction."""
