"""Send two log records to Log & Crash Search: a plain INFO message, then an ERROR with custom fields.

Guide: 기타 기능 > NHN Cloud - Log & Crash Search 로그 전송. Each record is also printed to stdout.
"""

import easymaker

easymaker_logger = easymaker.logger(logncrash_appkey="log&crash_product_app_key")
easymaker_logger.send("test log meassage")
easymaker_logger.send(
    log_message="log meassage",
    log_level="ERROR",  # default INFO
    project_version="2.0.0",  # default 1.0.0
    parameters={"serviceType": "EasyMakerSample"},  # custom fields
)
