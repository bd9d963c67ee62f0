"""Run an uploaded pipeline (``PIPELINE_ID``) once, in an experiment (``EXPERIMENT_ID``), and wait for it.

Guide: 파이프라인 > 파이프라인 실행 생성.
"""

from scenario import given

import easymaker

pipeline = given("pipeline")
experiment = given("experiment")
pipeline_run = easymaker.PipelineRun().create(
    pipeline_run_name="pipeline_run",
    description="test",
    pipeline_id=pipeline.pipeline_id,
    experiment_id=experiment.experiment_id,  # optional when init() named the experiment
    instance_type_name="m2.c4m8",
    instance_count=1,
    boot_storage_size=50,
    # wait=False returns as soon as the run is accepted
)
print("pipeline run", pipeline_run.pipeline_run_id)
