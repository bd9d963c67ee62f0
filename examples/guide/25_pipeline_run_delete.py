"""Delete a pipeline run (``PIPELINE_RUN_ID``).

Guide: 파이프라인 > 파이프라인 실행 삭제.
"""

from scenario import given

import easymaker

pipeline_run_id = given("pipeline_run_id")
easymaker.PipelineRun(pipeline_run_id).delete()
print("deleted pipeline run", pipeline_run_id)
