"""Logging set-up (structlog), personal-data redaction, Loki shipping, metrics, dashboards."""
