"""The summarizer as an HTTP service (``summarizer serve``; the ``[service]`` extra)."""

from summarizer.service.app import create_app
from summarizer.service.config import ServiceConfig

__all__ = ["ServiceConfig", "create_app"]
