"""Delete one stage of an endpoint (``STAGE_ID``).

Guide: 엔드포인트 > 엔드포인트 스테이지 삭제.
"""

from scenario import given

import easymaker

stage_id = given("stage_id")
easymaker.EndpointStage(stage_id).delete()
print("deleted endpoint stage", stage_id)
