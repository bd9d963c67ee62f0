"""Delete a batch inference (``BATCH_INFERENCE_ID``).

Guide: 배치 추론 > 배치 추론 삭제.
"""

from scenario import given

import easymaker

batch_inference_id = given("batch_inference_id")
easymaker.BatchInference(batch_inference_id).delete()
print("deleted batch inference", batch_inference_id)
