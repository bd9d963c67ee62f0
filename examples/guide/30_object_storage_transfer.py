"""Upload a local folder to object storage, and download a folder of NHN's sample sources.

Guide: 기타 기능 > NHN Cloud - Object Storage 파일 전송. Uploads ``./local_dir`` to ``uploaded/`` under
``$GUIDE_OBS_URI``; downloads ``SDK/sample/source_dir`` of the sample account into ``./download_dir``. On
EasyMaker Local any user name and password are accepted.
"""

from scenario import obs

import easymaker

easymaker.upload(
    easymaker_obs_uri=obs("uploaded"),
    local_path="./local_dir",
    username="userId@nhn.com",
    password="nhn_object_storage_api_password",
)

easymaker.download(
    easymaker_obs_uri="obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_00000000000000000000000000000000/SDK/sample/source_dir",
    download_dir_path="./download_dir",
    username="userId@nhn.com",
    password="nhn_object_storage_api_password",
)
