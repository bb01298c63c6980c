"""Datasets from recorded LLM calls, fine-tuning runs tracked in MLflow, model comparison."""
