"""The channel between a learner's notebook and the app: where the app listens, the secret that
proves a message comes from this user, and how one message is framed.

Standard library only: the notebook side imports it, and a notebook must stay cheap.

Safe by construction:

- every receiver (the window, ``lenet-desktop watch``) listens on the loopback interface only,
  on a port of its own, and writes that port to a file in a folder only this user can read
  (:func:`live_dir`, mode 0700; its files 0600);
- a per-user secret (32 random bytes) in that folder signs every message: HMAC-SHA256 over the
  whole frame; a message without the right signature is dropped before its contents are read;
- a frame's sizes are read first and capped (:data:`MAX_HEADER`, :data:`MAX_PAYLOAD`): an
  oversized message is dropped without reading it;
- the header is JSON and the weights are safetensors, never pickle.

A frame: ``MAGIC`` · header length (4 bytes, big-endian) · payload length (8 bytes) · the
signature (32 bytes) · the header (UTF-8 JSON) · the payload.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import socket
import stat
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

MAGIC = b"LNDLIVE1"
PREFIX = struct.Struct(">IQ32s")  # header length, payload length, signature
MAX_HEADER = 1024 * 1024  # the structure, the step, the metrics: a few kilobytes for LeNet
MAX_PAYLOAD = 64 * 1024 * 1024  # weights: LeNet's are a quarter of a megabyte
SECRET_FILE = "secret"
ENDPOINT_SUFFIX = ".endpoint"
ENV_DIR = "LENET_DESKTOP_LIVE_DIR"  # another folder (tests; two users' sessions on one account)
TIMEOUT = 5.0  # seconds a connection may take to deliver its message


class ChannelError(Exception):
    """A message that is not ours to read: its text says why (the receiver notes it)."""


def live_dir() -> Path:
    """The folder of the channel's files: ``$LENET_DESKTOP_LIVE_DIR``, or a per-user folder
    (``$XDG_RUNTIME_DIR/lenet-desktop`` on Linux, the user's application data elsewhere)."""
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "lenet-desktop" / "live"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "lenet-desktop" / "live"
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_dir():
        return Path(runtime) / "lenet-desktop"
    return Path.home() / ".local" / "state" / "lenet-desktop" / "live"


def _private_dir(create: bool) -> Path | None:
    """The channel's folder, made private to this user (None when it does not exist and
    ``create`` is false). Refuses a folder another user owns or others can enter."""
    folder = live_dir()
    if create:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    elif not folder.is_dir():
        return None
    if os.name == "posix":
        info = folder.stat()
        if info.st_uid != os.getuid():
            raise ChannelError(f"{folder} belongs to another user")
        if stat.S_IMODE(info.st_mode) & 0o077:
            os.chmod(folder, 0o700)
    return folder


def _write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` readable by this user only, atomically."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def read_secret(create: bool = False) -> bytes | None:
    """This user's secret (made when ``create`` and there is none yet; None when there is none
    and it is not to be made)."""
    folder = _private_dir(create)
    if folder is None:
        return None
    path = folder / SECRET_FILE
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        if not create:
            return None
        with contextlib.suppress(FileExistsError):  # another receiver made it just now
            _write_private(path, secrets.token_hex(32).encode())
        data = path.read_bytes()
    if os.name == "posix" and stat.S_IMODE(path.stat().st_mode) & 0o077:
        os.chmod(path, 0o600)
    secret = data.strip()
    if len(secret) < 32:
        raise ChannelError(f"{path} does not hold a secret")
    return secret


@dataclass(frozen=True)
class Endpoint:
    """Where one receiver listens: a port on the loopback interface; ``path`` its file."""

    port: int
    pid: int
    path: Path


def publish(port: int) -> Path:
    """Say that a receiver of this process listens on ``port``; the file to remove at the end."""
    folder = _private_dir(create=True)
    assert folder is not None
    path = folder / f"{os.getpid()}-{secrets.token_hex(4)}{ENDPOINT_SUFFIX}"
    _write_private(path, json.dumps({"port": port, "pid": os.getpid()}).encode())
    return path


def endpoints() -> list[Endpoint]:
    """Every receiver that said it listens (some may have ended without saying so)."""
    try:
        folder = _private_dir(create=False)
    except (ChannelError, OSError):
        return []
    if folder is None:
        return []
    found = []
    for path in sorted(folder.glob(f"*{ENDPOINT_SUFFIX}")):
        try:
            data = json.loads(path.read_bytes()[:4096])
            port, pid = int(data["port"]), int(data["pid"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if 0 < port < 65536:
            found.append(Endpoint(port, pid, path))
    return found


def sign(secret: bytes, parts: bytes) -> bytes:
    return hmac.new(secret, parts, hashlib.sha256).digest()


def frame(secret: bytes, header: dict, payload: bytes = b"") -> bytes:
    """One message, signed with ``secret``."""
    head = json.dumps(header, separators=(",", ":")).encode()
    if len(head) > MAX_HEADER or len(payload) > MAX_PAYLOAD:
        raise ChannelError("the message is larger than the channel takes")
    lengths = struct.pack(">IQ", len(head), len(payload))
    signature = sign(secret, MAGIC + lengths + head + payload)
    return MAGIC + lengths + signature + head + payload


def send(endpoint: Endpoint, data: bytes, timeout: float = 2.0) -> None:
    """Deliver one framed message to ``endpoint`` (OSError when nobody listens there)."""
    with socket.create_connection(("127.0.0.1", endpoint.port), timeout=timeout) as connection:
        connection.sendall(data)
        connection.shutdown(socket.SHUT_WR)
        connection.recv(1)  # the receiver closes once it has read the message


def _read_exactly(connection: socket.socket, size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = connection.recv(min(left, 1 << 20))
        if not chunk:
            raise ChannelError("the message ended early")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def receive(connection: socket.socket, secret: bytes) -> tuple[dict, bytes]:
    """Read one message from ``connection``: its header and payload, once its sizes are within
    the caps and its signature is this user's. ChannelError (with the reason) otherwise."""
    start = _read_exactly(connection, len(MAGIC) + PREFIX.size)
    if start[: len(MAGIC)] != MAGIC:
        raise ChannelError("not a LeNet Desktop message")
    head_size, payload_size, signature = PREFIX.unpack(start[len(MAGIC) :])
    if head_size > MAX_HEADER or payload_size > MAX_PAYLOAD:
        raise ChannelError(
            f"too large ({head_size} + {payload_size} bytes; the channel takes "
            f"{MAX_HEADER} + {MAX_PAYLOAD})"
        )
    body = _read_exactly(connection, head_size + payload_size)
    expected = sign(secret, start[: len(MAGIC)] + start[len(MAGIC) : len(MAGIC) + 12] + body)
    if not hmac.compare_digest(expected, signature):
        raise ChannelError("not signed with this user's secret")
    try:
        header = json.loads(body[:head_size])
    except (UnicodeDecodeError, ValueError):
        raise ChannelError("its header is not JSON") from None
    if not isinstance(header, dict):
        raise ChannelError("its header is not a JSON object")
    return header, body[head_size:]
