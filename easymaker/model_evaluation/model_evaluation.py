"""2.1.x path of `easymaker.ModelEvaluation`."""

from easymaker.items import ModelEvaluationBatchInference
from easymaker.resources.model_evaluation import ModelEvaluation

__all__ = ["ModelEvaluation", "ModelEvaluationBatchInference"]
