"""Delete an endpoint (``ENDPOINT_ID``) with all its stages.

Guide: 엔드포인트 > 엔드포인트 삭제.
"""

from scenario import given

import easymaker

endpoint_id = given("endpoint_id")
easymaker.Endpoint(endpoint_id).delete()
print("deleted endpoint", endpoint_id)
