"""Delete a pipeline (``PIPELINE_ID``).

Guide: 파이프라인 > 파이프라인 삭제.
"""

from scenario import given

import easymaker

pipeline_id = given("pipeline_id")
easymaker.Pipeline(pipeline_id).delete()
print("deleted pipeline", pipeline_id)
