"""List the stages of an endpoint (``ENDPOINT_ID``).

Guide: 엔드포인트 > 스테이지 목록 조회.
"""

from scenario import given

import easymaker

endpoint_id = given("endpoint_id")
endpoint_stage_list = easymaker.Endpoint(endpoint_id).get_stage_list()
for stage in endpoint_stage_list:
    print(stage.endpoint_stage_id)
