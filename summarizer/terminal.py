"""Text from outside (file names, model answers, server messages) made safe to print.

A file name may hold escape sequences that would move the cursor, change the title or
hide text in a terminal; every such character is shown as a visible escape instead.
"""

from __future__ import annotations

import unicodedata


def printable(text: str) -> str:
    """``text`` with control and format characters (ESC, BEL, CR, bidi overrides, ...)
    written as ``\\xNN`` / ``\\uNNNN`` escapes; tabs and ordinary text unchanged."""
    out = []
    for ch in text:
        if ch != "\t" and unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co", "Cn"}:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)
