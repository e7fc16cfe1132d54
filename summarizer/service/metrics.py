"""Prometheus metrics of one service process (its own registry, so tests can run several)."""

from __future__ import annotations

from collections.abc import Callable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest


class Metrics:
    def __init__(self, queue_depth: Callable[[], float]) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "summarizer_http_requests",
            "HTTP requests by route, method and status",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "summarizer_http_request_seconds",
            "HTTP request latency by route",
            ["route"],
            registry=self.registry,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300),
        )
        self.tokens = Counter(
            "summarizer_model_tokens",
            "Model tokens spent, by kind",
            ["kind"],
            registry=self.registry,
        )
        self.articles = Counter(
            "summarizer_articles",
            "Articles summarized, by path and outcome",
            ["path", "outcome"],
            registry=self.registry,
        )
        self.failures = Counter(
            "summarizer_failures",
            "Failed articles by error type",
            ["type"],
            registry=self.registry,
        )
        self.queue = Gauge(
            "summarizer_batch_queue_depth",
            "Batch articles waiting for a worker (whole job store)",
            registry=self.registry,
        )
        self.queue.set_function(queue_depth)

    def record_extraction(self, path: str, usage: dict[str, int], error_type: str | None) -> None:
        self.tokens.labels("prompt").inc(usage.get("prompt_tokens", 0))
        self.tokens.labels("completion").inc(usage.get("completion_tokens", 0))
        self.articles.labels(path, "failed" if error_type else "ok").inc()
        if error_type:
            self.failures.labels(error_type).inc()

    def render(self) -> bytes:
        return generate_latest(self.registry)
