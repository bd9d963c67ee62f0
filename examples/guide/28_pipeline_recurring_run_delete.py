"""Delete a pipeline schedule (``PIPELINE_RECURRING_RUN_ID``).

Guide: 파이프라인 > 파이프라인 일정 삭제.
"""

from scenario import given

import easymaker

pipeline_recurring_run_id = given("pipeline_recurring_run_id")
easymaker.PipelineRecurringRun(pipeline_recurring_run_id).delete()
print("deleted pipeline recurring run", pipeline_recurring_run_id)
