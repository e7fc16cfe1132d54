"""Human views of results: self-contained HTML pages that open from disk (no network)."""

from summarizer.views.article import render_article_html, render_failure_html

__all__ = ["render_article_html", "render_failure_html"]
