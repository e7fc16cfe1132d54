"""One conversation with the model per article: the article is read once, later turns
extend the same message list, so a llama.cpp server reuses the cached prefix.

Each turn is an instructor call with a pydantic response model; validation errors are fed
back in the same conversation (``max_reasks``). A turn that still fails raises
:class:`StageError` carrying a :class:`StageFailure` (attempts, validation errors, last
answer); endpoint errors (``openai.APIError``) pass through for the caller to classify.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, TypeVar

import openai
from instructor.core.exceptions import InstructorError, InstructorRetryException
from pydantic import BaseModel, ValidationError

from summarizer.stages.record import StageFailure

T = TypeVar("T", bound=BaseModel)


class StageError(Exception):
    def __init__(self, failure: StageFailure) -> None:
        super().__init__(failure.message)
        self.failure = failure


MAX_ANSWER_CHARS = 20_000  # a raw answer kept for the log, at most
MAX_ERROR_CHARS = 2_000  # a validation error kept for the log, at most


@dataclass
class CallUsage:
    """One model call: its tokens, and the server's own prefill and decode milliseconds
    when it reports them (llama.cpp's ``timings``), so time outside the server shows."""

    prompt_tokens: int = 0
    cached_tokens: int = 0
    completion_tokens: int = 0
    prompt_ms: float | None = None
    predicted_ms: float | None = None


@dataclass
class Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = 0
    calls: list[CallUsage] = field(default_factory=list)

    def add(self, response: Any) -> None:
        usage = getattr(response, "usage", None)
        if usage is None:
            return
        details = getattr(usage, "prompt_tokens_details", None)
        call = CallUsage(
            prompt_tokens=usage.prompt_tokens or 0,
            cached_tokens=(getattr(details, "cached_tokens", 0) or 0) if details else 0,
            completion_tokens=usage.completion_tokens or 0,
        )
        timings = (getattr(response, "model_extra", None) or {}).get("timings")
        if isinstance(timings, dict):
            call.prompt_ms = timings.get("prompt_ms")
            call.predicted_ms = timings.get("predicted_ms")
        self.prompt_tokens += call.prompt_tokens
        self.completion_tokens += call.completion_tokens
        self.cached_tokens += call.cached_tokens
        self.calls.append(call)


def raw_text(response: Any) -> str:
    """The text of a chat completion (tool-call arguments for tool mode)."""
    try:
        message = response.choices[0].message
    except (AttributeError, IndexError):
        return str(response)[:MAX_ANSWER_CHARS]
    if getattr(message, "tool_calls", None):
        return json.dumps([c.function.arguments for c in message.tool_calls], ensure_ascii=False)
    return message.content or ""


@dataclass
class Conversation:
    """The messages so far, and the model call of every turn (``calls``: each a
    :class:`summarizer.client.ModelCall` with the raw answers, usage, validation errors and
    transport retries of its attempts; the pipeline may pass one list for all of an
    article's conversations). The stages time the turns."""

    backend: Any  # summarizer.client.Backend
    messages: list[dict[str, str]]
    source: str  # the article (quotes are tied to it on llama.cpp)
    temperature: float = 0.0
    max_reasks: int = 1
    calls: list[Any] = field(default_factory=list)  # summarizer.client.ModelCall

    def ask(self, stage: str, content: str, model: type[T], *, max_tokens: int) -> T:
        """Add a user turn, get a validated ``model``, keep the answer in the conversation."""
        messages = [*self.messages, {"role": "user", "content": content}]
        call = self.backend.call(self.source)  # its record is filled even if it fails
        self.calls.append(call)
        try:
            parsed, completion = call.client.chat.completions.create_with_completion(
                model=call.model,
                response_model=model,
                messages=[dict(m) for m in messages],
                max_retries=self.max_reasks,
                max_tokens=max_tokens,
                temperature=self.temperature,
            )
        except InstructorRetryException as exc:
            self._fail(stage, exc, getattr(exc, "n_attempts", 1), exc.last_completion)
        except InstructorError as exc:  # e.g. the token cap cut the answer
            self._fail(stage, exc, 1, None)
        except ValidationError as exc:
            self._fail(stage, exc, 1, None)
        answer = raw_text(completion)
        self.messages = [*messages, {"role": "assistant", "content": answer}]
        return parsed

    def _fail(self, stage: str, exc: Exception, attempts: int, completion: Any) -> None:
        cause = exc.__cause__
        if isinstance(cause, openai.APIError):
            raise cause from exc
        last = raw_text(completion) if completion is not None else None
        error = str(cause or exc)
        raise StageError(
            StageFailure(
                stage=stage,
                error_type=type(exc).__name__,
                message=f"{stage}: the model's answer did not validate after {attempts} "
                f"attempt(s): {' '.join(error.splitlines()[:3])[:300]}",
                attempts=attempts,
                validation_errors=[error[:MAX_ERROR_CHARS]],
                last_answer=last,
            )
        ) from exc
