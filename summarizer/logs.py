"""Logging owned by the library's commands: quiet third parties, no secrets in any line.

The library itself only logs through ``logging.getLogger("summarizer...")`` and never
configures handlers (a library must not). The ``summarizer`` and ``summarizer serve``
commands call :func:`configure` once:

- default: warnings of our own loggers and uvicorn's; instructor's, httpx's and openai's
  loggers are silenced (their lines quote model answers and tear the progress bar). A
  failed article is reported by the command as one line of its own.
- ``-v``: INFO from every logger, model text included, for debugging.

Every line, in both modes, passes :class:`RedactingFilter`: credentials inside URLs
(``scheme://user:password@host``), ``Authorization``/``api-key`` header values, bearer
tokens and the value of ``OPENAI_API_KEY`` itself are replaced by ``***``.
"""

from __future__ import annotations

import logging
import re
import sys

from summarizer.settings import env

# Silenced unless -v: their lines quote model answers and request URLs.
THIRD_PARTY = ("instructor", "httpx", "httpx2", "httpcore", "httpcore2", "openai")
# Kept at WARNING: a server that cannot bind its port must still say so.
SERVER = ("uvicorn", "uvicorn.error", "uvicorn.access")

_URL_CREDENTIALS = re.compile(r"(?P<scheme>[a-zA-Z][\w+.-]*://)[^/\s@'\"]+@")
_HEADER_SECRET = re.compile(
    r"(?i)(?P<name>authorization|api[-_]?key|x-api-key)(?P<sep>['\"]?\s*[:=]\s*['\"]?)"
    r"(?P<value>(?:bearer\s+)?[^\s'\",}]+)"
)
_BEARER = re.compile(r"(?i)\bbearer\s+[A-Za-z0-9._~+/=-]+")


def redact(text: str) -> str:
    """``text`` with every credential this module knows the shape of replaced by ``***``."""
    text = _URL_CREDENTIALS.sub(r"\g<scheme>***@", text)
    text = _HEADER_SECRET.sub(r"\g<name>\g<sep>***", text)
    text = _BEARER.sub("Bearer ***", text)
    secret = env("OPENAI_API_KEY")
    key = secret.get_secret_value() if secret is not None else ""
    if len(key) >= 4:
        text = text.replace(key, "***")
    return text


class RedactingFilter(logging.Filter):
    """Rewrites each record's final message (arguments merged) through :func:`redact`."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed third-party record: keep it as it came
            return True
        cleaned = redact(message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        record.msg, record.args = cleaned, None
        return True


def configure(verbose: bool) -> None:
    """One stderr handler with redaction; third-party loggers quiet unless ``verbose``."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(logging.INFO if verbose else logging.WARNING)
    for name in THIRD_PARTY + SERVER:
        logger = logging.getLogger(name)
        quiet = logging.CRITICAL + 1 if name in THIRD_PARTY else logging.WARNING
        logger.setLevel(logging.NOTSET if verbose else quiet)
        for own in list(logger.handlers):  # uvicorn and others bring their own handlers
            own.addFilter(RedactingFilter())
