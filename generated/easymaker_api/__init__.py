"""A client library for accessing NHN Cloud AI EasyMaker API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
