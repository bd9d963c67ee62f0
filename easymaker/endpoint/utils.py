"""2.1.x helpers choosing the inference protocol and path."""

from typing import Any

from easymaker.resources.endpoint import ApiSpec, detect_api_spec, inference_path


def get_api_spec(data: Any) -> ApiSpec:
    """The inference protocol a request body is written for (KServe v1 when nothing else fits)."""
    return detect_api_spec(data)


def get_inference_url(api_spec: ApiSpec, model_name: str) -> str:
    """The path of the inference call for a protocol and a model name."""
    return inference_path(api_spec, model_name)


__all__ = ["get_api_spec", "get_inference_url"]
