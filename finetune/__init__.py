"""Evaluation on the gold set: per-model end-to-end runs, decision metrics, recall@k.

Fine-tuning itself is not implemented yet; only the evaluation that would judge it is.
"""
