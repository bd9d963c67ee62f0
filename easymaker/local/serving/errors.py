"""Errors raised while loading or serving models."""

from __future__ import annotations


class ServingError(Exception):
    """Base class for serving errors."""


class ModelLoadError(ServingError):
    """A model cannot be loaded here. The message says why, in words meant for the user."""


class BadRequestError(ServingError):
    """The request body is not what the protocol expects (answered with HTTP 400)."""


class ModelNotFoundError(ServingError):
    """No model of that name is served (answered with HTTP 404)."""
