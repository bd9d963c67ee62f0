"""The 2.1.x package ``easymaker.endpoint``."""

from easymaker.endpoint import api_spec, components, endpoint, utils
from easymaker.resources.endpoint import (
    ApiSpec,
    Endpoint,
    EndpointModel,
    EndpointStage,
    detect_api_spec,
    get_default_endpoint_stage,
    get_endpoint_list,
    get_endpoint_model_list,
    get_endpoint_stage_list,
    inference_path,
)

__all__ = [
    "ApiSpec",
    "Endpoint",
    "EndpointModel",
    "EndpointStage",
    "api_spec",
    "components",
    "detect_api_spec",
    "endpoint",
    "get_default_endpoint_stage",
    "get_endpoint_list",
    "get_endpoint_model_list",
    "get_endpoint_stage_list",
    "inference_path",
    "utils",
]
