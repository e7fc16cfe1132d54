"""The installed package's version (``summarizer --version``, result fingerprints)."""

from __future__ import annotations

from importlib import metadata


def package_version() -> str:
    """The version pip installed, or ``unknown`` when run from a bare source tree."""
    try:
        return metadata.version("summarizer")
    except metadata.PackageNotFoundError:
        return "unknown"
