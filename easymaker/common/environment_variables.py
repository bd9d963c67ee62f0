"""Names of the environment variables the SDK reads (2.1.x ``easymaker.common.environment_variables``)."""

EM_PROFILE = "EM_PROFILE"
EM_REGION = "EM_REGION"
EM_APPKEY = "EM_APPKEY"
EM_ACCESS_TOKEN = "EM_ACCESS_TOKEN"
EM_TOKEN = "EM_TOKEN"
EM_GROUP_ID = "EM_GROUP_ID"

__all__ = ["EM_ACCESS_TOKEN", "EM_APPKEY", "EM_GROUP_ID", "EM_PROFILE", "EM_REGION", "EM_TOKEN"]
