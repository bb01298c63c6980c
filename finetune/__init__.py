"""Evaluation and fine-tuning: the gold set through the real graph, decision metrics,
calibration of the confidence model, datasets from recorded calls (:mod:`finetune.dataset`),
LoRA training of the critic (:mod:`finetune.lora`) and MLflow tracking
(:mod:`finetune.tracking`, :mod:`finetune.promotion`).
"""
