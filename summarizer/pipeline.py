"""The Summarizer: one article in, a validated (and grounded) model out.

Pipelines:
- ``default``: the staged hybrid pipeline of :mod:`summarizer.stages` (deterministic
  libraries for language, dates, places, people, figures, agreements; one model
  conversation for names, labels and the summary; faithfulness check; assembly).
- ``single_call``: the previous default: fixed instructions + article (last) -> one
  schema-constrained call through instructor (``ArticleDraft``), validation errors re-asked
  in the same conversation; then deterministic language id, date guard and grounding.
- ``baseline``: one plain prompt asking for the JSON; no constrained decoding, no re-ask,
  no dropping (grounding only annotates, so its rate can be measured).
- a custom ``response_model`` (+ prompt set): instructor call, that type returned as is.
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

import openai
from instructor.core.exceptions import InstructorError, InstructorRetryException
from pydantic import BaseModel, ValidationError

from summarizer import client as client_module
from summarizer import embedded
from summarizer.errors import (
    BackendError,
    ExtractionError,
    InputError,
    SummarizerError,
)
from summarizer.postprocess import draft_to_summary, ground_items, lenient_summary
from summarizer.prompting import PromptSet, load_prompt_set
from summarizer.quality import language_caveat
from summarizer.schemas.article import ArticleDraft, ArticleSummary
from summarizer.settings import PIPELINES, Settings, redact_url
from summarizer.stages.conversation import Conversation, Usage, raw_text
from summarizer.stages.record import ArticleRecord
from summarizer.text_input import check_length, prepare_text
from summarizer.textfold import MatchText
from summarizer.version import package_version

T = TypeVar("T", bound=BaseModel)
MAX_LAST_ERROR = 2_000  # characters of an error message kept in an extraction
PROMPT_SETS = {"default": "stages", "single_call": "default", "baseline": "baseline"}
# Tokens the default instructions and example take, plus headroom; measured ~1,050.
PROMPT_OVERHEAD_TOKENS = 1300
# Conservative characters per token for the article (ru/kk/vi measured 4-5.5).
CHARS_PER_TOKEN = 3.0


@dataclass
class Extraction(Generic[T]):
    """One article's run: the output or the error, and what it cost. JSON-serializable
    via :meth:`to_record` (used for eval logs)."""

    output: T | None
    pipeline: str
    model: str
    prompt_version: str
    seconds: float = 0.0
    attempts: int = 0
    transport_retries: int = 0
    usage: Usage = field(default_factory=Usage)
    raw_responses: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    validation_errors: list[str] = field(default_factory=list)
    error: str | None = None
    error_type: str | None = None
    retryable: bool = False  # the failure was the endpoint's (5xx, 429, timeout, unreachable)
    # default pipeline: what each stage found, how long it took, and any failed model
    # turn as data (stage, error type, attempts, validation errors, last answer)
    stages: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        return self.output is not None

    def as_error(self) -> BackendError | ExtractionError:
        """The failure as the typed error :meth:`Summarizer.summarize` raises."""
        if self.error_type == "BackendError":
            return BackendError(self.error or "the model endpoint failed")
        return ExtractionError(
            self.error or "no valid output",
            attempts=self.attempts,
            raw_responses=self.raw_responses,
        )

    def to_record(self) -> dict[str, Any]:
        record = asdict(self)
        record["output"] = self.output.model_dump(mode="json") if self.output is not None else None
        return record


def parse_json_object(text: str) -> dict[str, Any]:
    """The first JSON object in a free-form answer (code fences and chatter tolerated)."""
    fenced = re.search(r"```(?:json)?\s*(.*?)```", text, re.S)
    candidate = fenced.group(1) if fenced else text
    start = candidate.find("{")
    if start < 0:
        raise ValueError("no JSON object in the answer")
    obj, _end = json.JSONDecoder().raw_decode(candidate[start:])
    if not isinstance(obj, dict):
        raise ValueError("the answer's JSON is not an object")
    return obj


class Summarizer(Generic[T]):
    """Holds a backend (client + model), a prompt set and settings; reuse it for many
    articles. ``Summarizer()`` with nothing configured uses the embedded local model."""

    def __init__(
        self,
        model: str | None = None,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        mode: str | None = None,
        pipeline: str = "default",
        prompt: str | PromptSet | None = None,
        prompt_dir: str | None = None,
        response_model: type[T] | None = None,
        settings: Settings | None = None,
        **overrides: Any,
    ) -> None:
        if pipeline not in PIPELINES:
            raise SummarizerError(f"unknown pipeline {pipeline!r}; choose one of {PIPELINES}")
        explicit = {"model": model, "base_url": base_url, "api_key": api_key, "mode": mode}
        explicit.update(overrides)
        self.settings = settings.with_(**explicit) if settings else Settings.from_env(**explicit)
        self.pipeline = pipeline
        if isinstance(prompt, PromptSet):
            self.prompt = prompt
        else:
            # A caller's own response model is one call: the single-call prompt set.
            default_set = PROMPT_SETS["single_call" if response_model else pipeline]
            self.prompt = load_prompt_set(prompt or default_set, prompt_dir)
        self.response_model = response_model
        self._backend: client_module.Backend | None = None
        self._backend_future: Future[client_module.Backend] | None = None
        self._backend_lock = threading.Lock()

    # -- backend ---------------------------------------------------------------------

    @property
    def backend(self) -> client_module.Backend:
        """The model endpoint, started/connected on first use (or by :meth:`start_backend`);
        a start that failed raises its error to every caller."""
        if self._backend is None:
            self._backend = self.start_backend().result()
        return self._backend

    def start_backend(self) -> Future[client_module.Backend]:
        """Start (or connect to) the model endpoint in the background, once: the embedded
        server loads its weights and the client stack imports while the first article's
        library stages run."""
        with self._backend_lock:
            if self._backend_future is None:
                if self._backend is not None:
                    self._backend_future = Future()
                    self._backend_future.set_result(self._backend)
                else:
                    starter = ThreadPoolExecutor(1, thread_name_prefix="summarizer-backend")
                    self._backend_future = starter.submit(
                        client_module.build_backend, self.settings
                    )
                    starter.shutdown(wait=False)
            return self._backend_future

    @property
    def model_name(self) -> str:
        """The model's id, known without starting or contacting it."""
        if self._backend is not None:
            return self._backend.model
        if self.settings.embedded:
            path = self.settings.model_path
            return Path(path).stem if path else embedded.EMBEDDED_MODEL_ID
        return self.settings.model or ""

    @property
    def mode_name(self) -> str:
        """The instructor mode this endpoint gets (see :func:`client.choose_mode`)."""
        return client_module.choose_mode(
            self.settings, self.settings.base_url or "", embedded_backend=self.settings.embedded
        )

    def fingerprint(self) -> str:
        """A stable text of everything besides the article that decides a result (library
        version, pipeline, model, mode, prompts, stage and grounding settings), without
        secrets: ``--output`` re-runs redo an article when it changes."""
        s = self.settings
        return json.dumps(
            {
                "version": package_version(),
                "pipeline": self.pipeline,
                "model": self.model_name,
                "endpoint": redact_url(s.base_url),
                "mode": self.mode_name,
                "prompt": self.prompt.version,
                "keep_ungrounded": s.keep_ungrounded,
                "stages_off": sorted(s.stages_off),
                "facts_summary_languages": sorted(s.facts_summary_languages),
                "n_ctx": s.n_ctx,
                "max_tokens": s.max_tokens,
                "temperature": s.temperature,
            },
            sort_keys=True,
        )

    def max_article_chars(self) -> int:
        """The longest article sent: what the embedded context fits, or for a hosted
        endpoint the configured ``max_chars`` (``SUMMARIZER_MAX_CHARS``)."""
        if not self.settings.embedded:
            return self.settings.max_chars
        room = self.settings.n_ctx - PROMPT_OVERHEAD_TOKENS - self.settings.max_tokens
        return int(room * CHARS_PER_TOKEN)

    def warm_up(self) -> float:
        """Start the endpoint and load what the pipeline's stages load on first use (NLP
        models, gazetteers), so no article is charged for it; returns the seconds taken."""
        started = time.monotonic()
        _ = self.backend
        if self.pipeline == "default":
            from summarizer.stages.run import warm_up

            warm_up()
        return time.monotonic() - started

    # -- one article -----------------------------------------------------------------

    def extract(self, text: str) -> Extraction[Any]:
        """Run the pipeline on one article and return everything about the run.

        Never raises for a model or transport failure: those are recorded in ``error``.
        Raises :class:`InputError` for unusable input (nothing was sent).
        """
        clean, warnings = prepare_text(text)
        check_length(
            clean,
            max_chars=self.max_article_chars(),
            context_tokens=self.settings.n_ctx if self.settings.embedded else None,
        )
        backend = self.backend
        result: Extraction[Any] = Extraction(
            output=None,
            pipeline=self.pipeline,
            model=backend.model,
            prompt_version=self.prompt.version,
            warnings=warnings,
        )
        # Every model call of this article, in order: each records its raw answers, usage,
        # validation errors and transport retries (see client.ModelCall).
        calls: list[client_module.ModelCall] = []

        def call() -> client_module.ModelCall:
            calls.append(backend.call(clean))
            return calls[-1]

        started = time.monotonic()
        try:
            if self.pipeline == "default" and self.response_model is None:
                result.output = self._run_stages(clean, result, calls)
            elif self.response_model is not None:
                messages = self.prompt.render(clean)
                result.output = self._call_structured(call(), self.response_model, messages, result)
                self._ground_custom(result.output, clean)
            elif self.pipeline == "baseline":
                messages = self.prompt.render(clean)
                result.output = self._run_baseline(call(), messages, clean, result)
            else:
                messages = self.prompt.render(clean)
                draft = self._call_structured(call(), ArticleDraft, messages, result)
                result.output = draft_to_summary(
                    draft,
                    clean,
                    keep_ungrounded=self.settings.keep_ungrounded,
                    warnings=result.warnings,
                )
        except ExtractionError as exc:
            result.error, result.error_type = str(exc), type(exc).__name__
        except (openai.APIError, BackendError) as exc:
            retries = sum(c.transport.retries for c in calls)
            result.error = _describe_api_error(exc, retries, self.settings.base_url)
            result.error_type = "BackendError"
            result.retryable = _is_transient(exc)
        finally:
            result.seconds = round(time.monotonic() - started, 3)
            for made in calls:
                result.transport_retries += made.transport.retries
                result.raw_responses += made.raw_answers()
                result.validation_errors += made.parse_errors
                for response in made.completions:
                    result.usage.add(response)
            result.attempts = max(result.attempts, sum(len(c.completions) for c in calls))
        if isinstance(result.output, ArticleSummary):
            if clean != text and result.output.grounding is not None:
                result.output.grounding.text = clean  # offsets index the stripped text
            # One list on both: post-processing notes (date guard, ...) plus the run's own.
            merged = list(result.output.warnings)
            merged += [w for w in result.warnings if w not in merged]
            if self.settings.embedded and self.settings.model_path is None:
                caveat = language_caveat(result.output.language)
                if caveat:
                    merged.append(caveat)
            result.output.warnings = result.warnings = merged
        return result

    def _run_stages(
        self, clean: str, result: Extraction[Any], calls: list[client_module.ModelCall]
    ) -> ArticleSummary:
        # Imported here: the stages load their NLP libraries, which a caller of the other
        # pipelines (or of the service's config) never needs.
        from summarizer.stages.run import run_default

        backend = self.backend
        record = ArticleRecord(source=clean)

        def conversation_for(facts: str, with_article: bool) -> Conversation:
            if with_article:
                messages = self.prompt.render(clean, facts=facts)
            else:
                facts_only = self.prompt.render_turn("facts", facts=facts)
                messages = [self.prompt.render_system(), {"role": "user", "content": facts_only}]
            return Conversation(
                backend=backend,
                messages=messages,
                source=clean,
                temperature=self.settings.temperature,
                max_reasks=self.settings.max_reasks,
                calls=calls,
            )

        # Failed model turns stay in the record (run_default goes on without them); usage,
        # raw answers and validation errors of every attempt are on the turns' ``calls``.
        try:
            output = run_default(record, conversation_for, self.prompt, self.settings)
        finally:
            result.stages = record.to_log()
        result.warnings.extend(w for w in output.warnings if w not in result.warnings)
        return output

    def _call_structured(
        self,
        call: client_module.ModelCall,
        model: type[BaseModel],
        messages: list[dict[str, str]],
        result: Extraction[Any],
    ) -> Any:
        try:
            parsed = call.client.chat.completions.create(
                model=call.model,
                response_model=model,
                messages=messages,
                max_retries=self.settings.max_reasks,  # re-asks after the first attempt
                max_tokens=self.settings.max_tokens,
                temperature=self.settings.temperature,
            )
        except InstructorRetryException as exc:
            cause = exc.__cause__ or exc
            if isinstance(cause, openai.APIError):
                raise cause from exc
            fallback = self._salvage(model, exc)
            if fallback is not None:
                result.warnings.append(
                    "the model kept writing the summary in the source language; returned as written"
                )
                return fallback
            last = str(exc.__cause__ or exc).splitlines()
            raise ExtractionError(
                f"the model's answer did not validate after {exc.n_attempts} attempt(s): "
                + (" ".join(last[:3]) if last else "unknown error")[:300],
                attempts=exc.n_attempts,
                last_error=str(exc.__cause__ or exc)[:MAX_LAST_ERROR],
            ) from exc
        except openai.APIError:
            raise
        except InstructorError as exc:  # e.g. IncompleteOutputException (token cap reached)
            cause = exc.__cause__
            if isinstance(cause, openai.APIError):
                raise cause from exc
            raise ExtractionError(
                f"the model's answer was unusable: {type(exc).__name__}: {str(exc)[:200]}",
                last_error=str(exc)[:MAX_LAST_ERROR],
            ) from exc
        except ValidationError as exc:  # instructor versions that re-raise the pydantic error
            raise ExtractionError(
                f"the model's answer did not validate: {exc.error_count()} error(s)",
                last_error=str(exc)[:MAX_LAST_ERROR],
            ) from exc
        return parsed

    def _salvage(self, model: type[BaseModel], exc: InstructorRetryException) -> Any:
        """Accept the last answer when its only fault is a non-English summary."""
        if not issubclass(model, ArticleDraft):
            return None
        completion = getattr(exc, "last_completion", None)
        text = raw_text(completion) if completion is not None else ""
        try:
            return model.model_validate_json(text, context={"skip_english_check": True})
        except ValidationError:
            return None

    def _run_baseline(
        self,
        call: client_module.ModelCall,
        messages: list[dict[str, str]],
        source: str,
        result: Extraction[Any],
    ) -> ArticleSummary:
        response = call.raw.chat.completions.create(
            model=call.model,
            messages=messages,  # type: ignore[arg-type]
            max_tokens=self.settings.max_tokens,
            temperature=self.settings.temperature,
        )
        call.record_completion(response)
        text = raw_text(response)
        try:
            data = parse_json_object(text)
        except ValueError as exc:
            raise ExtractionError(f"baseline answer is not JSON: {exc}", attempts=1) from exc
        clean, problems = lenient_summary(data)
        result.warnings.extend(problems)
        summary = draft_to_summary(
            {k: v for k, v in clean.items()},
            source,
            keep_ungrounded=True,
            language=clean.get("language"),
            warnings=result.warnings,
        )
        return summary

    def _ground_custom(self, output: BaseModel, source: str) -> None:
        """Flag (never drop) evidence in a caller's own model, where it has the fields."""
        normalized = MatchText(source)
        for value in output.__dict__.values():
            items = value if isinstance(value, list) else [value]
            for item in items:
                if isinstance(item, BaseModel) and isinstance(getattr(item, "evidence", None), str):
                    fields = type(item).model_fields
                    grounded = ground_items([{"evidence": item.evidence}], source, normalized)[0]
                    for key in ("start", "end", "grounded", "match"):
                        if key in fields:
                            setattr(item, key, grounded[key])

    # -- public conveniences ---------------------------------------------------------

    def summarize(self, text: str) -> Any:
        """Summarize one article; raises a :class:`SummarizerError` subclass on failure."""
        result = self.extract(text)
        if result.output is None:
            raise result.as_error()
        return result.output

    async def asummarize(self, text: str) -> Any:
        """Async :meth:`summarize` (runs the blocking client in a worker thread)."""
        return await asyncio.to_thread(self.summarize, text)

    def default_concurrency(self) -> int:
        if self.settings.concurrency:
            return self.settings.concurrency
        # the embedded server decodes as many articles at once as it has slots
        return embedded.slot_count() if self.settings.embedded else 4

    def extract_many(
        self,
        texts: Iterable[str],
        *,
        concurrency: int | None = None,
        on_result: Callable[[int, Extraction[Any] | InputError], None] | None = None,
    ) -> list[Extraction[Any] | InputError]:
        """Run many articles with bounded concurrency; results keep the input order.
        Input errors are returned in place (the rest go on); ``on_result`` is called as
        each finishes (for progress bars and incremental writes)."""
        items = list(texts)
        workers = max(1, concurrency or self.default_concurrency())
        if items:
            self.start_backend()  # once, in the background: the stages run meanwhile

        def run(index: int) -> Extraction[Any] | InputError:
            try:
                outcome: Extraction[Any] | InputError = self.extract(items[index])
            except InputError as exc:
                outcome = exc
            if on_result is not None:
                on_result(index, outcome)
            return outcome

        pool = ThreadPoolExecutor(max_workers=workers)
        try:
            results = list(pool.map(run, range(len(items))))
        except BaseException:
            # Ctrl-C / SIGTERM: queued articles are cancelled and the caller gets control
            # back at once; an in-flight request is not waited for.
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown()
        return results

    def summarize_many(self, texts: Iterable[str], *, concurrency: int | None = None) -> list[Any]:
        """Summaries in input order; a failed article yields its exception object."""
        out: list[Any] = []
        for outcome in self.extract_many(texts, concurrency=concurrency):
            if isinstance(outcome, InputError):
                out.append(outcome)
            elif outcome.output is None:
                out.append(outcome.as_error())
            else:
                out.append(outcome.output)
        return out


def _is_transient(exc: Exception) -> bool:
    """Whether the endpoint, not the request, failed (worth trying again later)."""
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code == 429 or exc.status_code >= 500
    return isinstance(exc, openai.APITimeoutError | openai.APIConnectionError | BackendError)


def _describe_api_error(exc: Exception, retries: int, base_url: str | None) -> str:
    retried = f" after {retries} retr{'y' if retries == 1 else 'ies'}"
    where = f" {redact_url(base_url)}" if base_url else " (embedded server)"
    if isinstance(exc, openai.APIStatusError):
        return f"endpoint{where} answered HTTP {exc.status_code}{retried}: {str(exc.message)[:200]}"
    if isinstance(exc, openai.APITimeoutError):
        return f"endpoint{where} timed out{retried}"
    if isinstance(exc, openai.APIConnectionError):
        return f"cannot reach the endpoint{where}{retried}: {exc.__cause__ or exc}"
    return f"endpoint{where} error{retried}: {str(exc)[:200]}"


_default: Summarizer[Any] | None = None


def summarize(text: str, *, model: str | None = None, **options: Any) -> ArticleSummary:
    """Summarize one article with a shared default Summarizer (embedded model unless an
    endpoint is configured in the environment or ``model``/``base_url`` are given)."""
    global _default
    if model or options:
        return Summarizer(model, **options).summarize(text)
    if _default is None:
        _default = Summarizer()
    return _default.summarize(text)


def summarize_many(texts: Iterable[str], **options: Any) -> list[Any]:
    """Summaries of many articles (bounded concurrency), failures returned in place."""
    concurrency = options.pop("concurrency", None)
    return Summarizer(**options).summarize_many(texts, concurrency=concurrency)
