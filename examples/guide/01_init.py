"""Connect the SDK to an EasyMaker project.

Guide: SDK 설정 > AI EasyMaker SDK 초기화. The appkey and the access token come from ``EM_APPKEY`` and
``EM_ACCESS_TOKEN``; ``EM_EXPERIMENT_ID`` (optional) becomes the default experiment of the calls that take one.
With ``EM_PROFILE=local`` the same call targets EasyMaker Local.
"""

import os

import easymaker

easymaker.init(
    appkey=os.environ["EM_APPKEY"],
    region="kr1",
    access_token=os.environ["EM_ACCESS_TOKEN"],
    experiment_id=os.environ.get("EM_EXPERIMENT_ID"),  # optional
)
print("connected to", easymaker.easymaker_config.api_url)
