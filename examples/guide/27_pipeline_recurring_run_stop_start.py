"""Pause a pipeline schedule (``PIPELINE_RECURRING_RUN_ID``), then resume it.

Guide: 파이프라인 > 파이프라인 일정 중지/재시작.
"""

from scenario import given

import easymaker

pipeline_recurring_run_id = given("pipeline_recurring_run_id")
easymaker.PipelineRecurringRun(pipeline_recurring_run_id).stop()
easymaker.PipelineRecurringRun(pipeline_recurring_run_id).start()
print("stopped and restarted", pipeline_recurring_run_id)
