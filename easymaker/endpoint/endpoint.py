"""2.1.x path of the endpoint classes and functions."""

from easymaker.resources.endpoint import (
    Endpoint,
    EndpointModel,
    EndpointStage,
    get_default_endpoint_stage,
    get_endpoint_list,
    get_endpoint_model_list,
    get_endpoint_stage_list,
)

__all__ = [
    "Endpoint",
    "EndpointModel",
    "EndpointStage",
    "get_default_endpoint_stage",
    "get_endpoint_list",
    "get_endpoint_model_list",
    "get_endpoint_stage_list",
]
