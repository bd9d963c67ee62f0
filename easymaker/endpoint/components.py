"""2.1.x path of the value objects and items of endpoints."""

from easymaker.items import ApigwStage, AutoScaler
from easymaker.values import EndpointModelResource, ResourceOptionDetail

__all__ = ["ApigwStage", "AutoScaler", "EndpointModelResource", "ResourceOptionDetail"]
