"""Turning what a user hands in into article text, or a clear InputError.

Decisions (also in docs/decisions.md):
- empty or whitespace-only text is rejected;
- bytes must be UTF-8 (a BOM is dropped); anything else is rejected with the file named;
- HTML is stripped to text (scripts, styles and tags removed, entities decoded), and a
  warning says so: analysts paste pages, and the text inside them is still the article;
- an article longer than the model's context is refused, naming the limit; it is never
  silently truncated.
"""

from __future__ import annotations

import html
import re
import stat
from html.parser import HTMLParser
from pathlib import Path

from summarizer.errors import InputError

_HTML_HINT = re.compile(
    r"<\s*(html|body|p|div|br|span|article|head|script|style|h[1-6]|a\s|li|table)\b", re.I
)
_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "article",
    "section",
    "header",
    "footer",
    "blockquote",
    "title",
}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style", "noscript", "template"}:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "noscript", "template"}:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    """True when the text contains HTML markup (a few tags, not one stray '<p>')."""
    return len(_HTML_HINT.findall(text)) >= 2


def html_to_text(text: str) -> str:
    """Visible text of an HTML document, one paragraph per line."""
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    joined = html.unescape("".join(parser.parts))
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in joined.splitlines()]
    return "\n".join(line for line in lines if line)


def prepare_text(text: str) -> tuple[str, list[str]]:
    """Validate and clean an article; return ``(text, warnings)``."""
    if not isinstance(text, str):
        raise InputError(f"article must be a str, got {type(text).__name__}")
    warnings: list[str] = []
    if "\x00" in text:
        raise InputError("article contains NUL bytes: it looks like a binary file, not text")
    if looks_like_html(text):
        text = html_to_text(text)
        warnings.append("input was HTML; it was stripped to its visible text")
    # The text is otherwise kept as given (line endings, a BOM): evidence offsets index it.
    if not text.strip():
        raise InputError("article is empty (no text after removing whitespace and markup)")
    if not any(ch.isalpha() for ch in text):
        raise InputError("article has no letters: nothing to summarize")
    return text, warnings


# Far above any news article (the longest seed is 7 kB); a bigger file is not an article,
# and reading it whole (or a device such as /dev/zero) would only exhaust memory.
MAX_FILE_BYTES = 20_000_000


def read_article_file(path: str | Path) -> str:
    """Read a UTF-8 text file, with readable errors for the usual mistakes: missing, a
    broken symbolic link, a folder, a device or pipe, unreadable, too large, not UTF-8."""
    return read_text_file(path, max_bytes=MAX_FILE_BYTES, what="any article")


def read_text_file(path: str | Path, *, max_bytes: int, what: str) -> str:
    """:func:`read_article_file` for any UTF-8 file of at most ``max_bytes`` (``what``
    names what a bigger file is larger than, in its error)."""
    file = Path(path)
    try:
        info = file.stat()
    except FileNotFoundError:
        if file.is_symlink():
            raise InputError(f"{file}: is a broken symbolic link") from None
        raise InputError(f"{file}: no such file") from None
    except OSError as exc:
        raise InputError(f"{file}: cannot be read ({exc.strerror or exc})") from exc
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{file}: is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{file}: is not a regular file (a device, pipe or socket)")
    if info.st_size > max_bytes:
        raise InputError(
            f"{file}: is {info.st_size:,} bytes, larger than {what} (limit {max_bytes:,}); split it"
        )
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(f"{file}: cannot be read ({exc.strerror or exc})") from exc
    return decode_bytes(data, name=str(file))


def decode_bytes(data: bytes, *, name: str = "input") -> str:
    """UTF-8 (BOM allowed) or an InputError naming ``name``."""
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: is a binary file, not UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: is not UTF-8 text (byte {exc.start}); convert it first, "
            f"e.g. iconv -f cp1251 -t utf-8"
        ) from exc


def check_length(text: str, *, max_chars: int, context_tokens: int | None) -> None:
    """Refuse an article that cannot fit the model context; never truncate."""
    if len(text) > max_chars:
        if context_tokens:
            raise InputError(
                f"article is {len(text):,} characters; a {context_tokens}-token context fits "
                f"about {max_chars:,} after the instructions and the answer. Split it, or use "
                f"a larger context (SUMMARIZER_N_CTX) or a hosted model."
            )
        raise InputError(
            f"article is {len(text):,} characters; the limit for the endpoint is "
            f"{max_chars:,} (SUMMARIZER_MAX_CHARS). Split it, or raise the limit if the "
            f"model's context allows."
        )
