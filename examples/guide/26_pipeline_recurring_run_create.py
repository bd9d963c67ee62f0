"""Schedule a pipeline (``PIPELINE_ID``) to run every hour, at most one run at a time.

Guide: 파이프라인 > 파이프라인 일정 생성. The cron expression has six fields (seconds first).
"""

from scenario import given

import easymaker

pipeline = given("pipeline")
experiment = given("experiment")
pipeline_recurring_run = easymaker.PipelineRecurringRun().create(
    pipeline_recurring_run_name="pipeline_recurring_run",
    description="test",
    pipeline_id=pipeline.pipeline_id,
    experiment_id=experiment.experiment_id,  # optional when init() named the experiment
    instance_type_name="m2.c4m8",
    boot_storage_size=50,
    schedule_cron_expression="0 0 * * * ?",
    max_concurrency_count=1,
    schedule_start_datetime="2025-01-01T00:00:00+09:00",
    # wait=False returns as soon as the schedule is accepted
)
print("pipeline recurring run", pipeline_recurring_run.pipeline_recurring_run_id)
