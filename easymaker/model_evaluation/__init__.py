"""The 2.1.x package ``easymaker.model_evaluation``."""

from easymaker.model_evaluation import model_evaluation, model_evaluation_metrics
from easymaker.resources.model_evaluation import ModelEvaluation

__all__ = ["ModelEvaluation", "model_evaluation", "model_evaluation_metrics"]
