"""The 2.1.x module paths work both as attributes and in import statements."""

import subprocess
import sys

import pytest

ALIASES = {
    "experiment": "Experiment",
    "training": "Training",
    "hyperparameter_tuning": "HyperparameterTuning",
    "fine_tuning": "FineTuning",
    "model": "Model",
    "model_preset": "ModelPreset",
    "endpoint": "ApiSpec",
    "batch_inference": "BatchInference",
    "model_evaluation": "ModelEvaluation",
    "pipeline": "Pipeline",
    "pipeline_run": "PipelineRun",
    "pipeline_recurring_run": "PipelineRecurringRun",
    "objectstorage": "upload",
}


@pytest.mark.parametrize(("module", "name"), sorted(ALIASES.items()))
def test_import_statement_and_attribute_give_the_same_module(module: str, name: str) -> None:
    # a fresh interpreter, so the import statement is what loads the module
    code = (
        "import importlib, easymaker\n"
        f"from easymaker.{module} import {name} as by_import\n"
        f"mod = importlib.import_module('easymaker.{module}')\n"
        f"assert mod is easymaker.{module}, (mod, easymaker.{module})\n"
        f"assert getattr(easymaker.{module}, {name!r}) is by_import\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_unknown_submodules_still_fail() -> None:
    with pytest.raises(ModuleNotFoundError):
        __import__("easymaker.no_such_module")
