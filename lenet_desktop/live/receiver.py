"""The app's side of the channel: listen for a notebook's network, as the window and
``lenet-desktop watch`` both do.

A :class:`Receiver` listens on the loopback interface in a thread of its own, reads one signed
message per connection (:func:`lenet_desktop.live.channel.receive`), reads its weights as
safetensors, and hands an :class:`Update` to ``deliver`` — in its own thread: the caller moves
it where it is needed (the window: to its main thread, newest first). A message that is not
ours to read is dropped and ``note`` is told why, in words; the receiver goes on listening.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lenet_desktop.live import channel
from lenet_desktop.messages import QT_TRANSLATE_NOOP, LocalizedError

if TYPE_CHECKING:
    from pathlib import Path

    import torch

LOG = logging.getLogger(__name__)


class LiveError(LocalizedError):
    """What the app says about a notebook's message or network, in the learner's words."""


# Why a message was dropped (channel.ChannelError's English reason → a sentence to translate)
DROPPED = QT_TRANSLATE_NOOP("errors", "A message to the app was dropped: {reason}")
REASONS = {
    "not a LeNet Desktop message": QT_TRANSLATE_NOOP("errors", "it is not a LeNet Desktop message"),
    "the message ended early": QT_TRANSLATE_NOOP("errors", "it ended early"),
    "not signed with this user's secret": QT_TRANSLATE_NOOP(
        "errors", "it was not signed with your secret (not from your notebook)"
    ),
    "its header is not JSON": QT_TRANSLATE_NOOP("errors", "its header is not JSON"),
    "its header is not a JSON object": QT_TRANSLATE_NOOP("errors", "its header is not JSON"),
    "weights": QT_TRANSLATE_NOOP("errors", "its weights are not safetensors (pickle is refused)"),
    "kind": QT_TRANSLATE_NOOP("errors", "it is neither a network nor metrics"),
    "oversize": QT_TRANSLATE_NOOP("errors", "it is larger than the channel takes"),
    "timeout": QT_TRANSLATE_NOOP("errors", "it did not arrive in time"),
}


def dropped(reason: str) -> LiveError:
    template = REASONS.get("oversize" if reason.startswith("too large") else reason)
    return LiveError(DROPPED, reason=LiveError(template) if template else reason)


@dataclass(frozen=True)
class Update:
    """One message from a notebook: a network (``state``: its weights) or metrics alone.
    ``received_at`` is this machine's clock (``time.time()``) when it was read."""

    header: dict[str, Any]
    state: dict[str, torch.Tensor] | None
    received_at: float = field(default_factory=time.time)

    @property
    def name(self) -> str:
        return str(self.header.get("name") or "net")[:80]

    @property
    def step(self) -> int:
        step = self.header.get("step")
        return step if isinstance(step, int) and step >= 0 else 0

    @property
    def mode(self) -> str:
        return "eval" if self.header.get("mode") == "eval" else "train"

    @property
    def taken_at(self) -> float:
        taken = self.header.get("taken_at")
        return float(taken) if isinstance(taken, int | float) else self.received_at

    @property
    def watch(self) -> str:
        return str(self.header.get("watch") or "")[:80]

    @property
    def metrics(self) -> list[tuple[int, dict[str, float]]]:
        """``(step, {name: value})`` pairs logged with ``Watch.log``, well-formed ones only."""
        found = []
        raw = self.header.get("metrics")
        for item in raw if isinstance(raw, list) else []:
            if not (isinstance(item, list) and len(item) == 2 and isinstance(item[1], dict)):
                continue
            step, values = item
            numbers = {
                str(k)[:40]: float(v)
                for k, v in values.items()
                if isinstance(v, int | float) and not isinstance(v, bool)
            }
            if isinstance(step, int) and numbers:
                found.append((step, numbers))
        return found


def decode(header: dict[str, Any], payload: bytes) -> Update:
    """An :class:`Update` from a message's parts; LiveError when they are not one."""
    kind = header.get("kind")
    if kind == "metrics" and not payload:
        return Update(header, None)
    if kind != "network":
        raise dropped("kind")
    from safetensors import SafetensorError  # deferred: safetensors
    from safetensors.torch import load  # deferred: safetensors

    try:
        state = load(payload)
    except (SafetensorError, ValueError, OverflowError, RuntimeError):
        raise dropped("weights") from None
    if not state:
        raise dropped("weights")
    return Update(header, state)


class Receiver:
    """Listens for notebooks' messages until :meth:`close`. ``deliver(update)`` and
    ``note(error)`` are called in the receiver's thread."""

    def __init__(
        self,
        deliver: Callable[[Update], None],
        note: Callable[[LiveError], None] | None = None,
    ) -> None:
        self.deliver = deliver
        self.note = note or (lambda error: LOG.warning("%s", error))
        self.port: int | None = None
        self.dropped = 0
        self._socket: socket.socket | None = None
        self._endpoint: Path | None = None
        self._secret = b""
        self._thread: threading.Thread | None = None
        self._closing = threading.Event()

    def start(self) -> Receiver:
        """Begin listening (a port of the loopback interface, published to this user only)."""
        secret = channel.read_secret(create=True)
        assert secret is not None
        self._secret = secret
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        listener.settimeout(0.25)
        self._socket = listener
        self.port = listener.getsockname()[1]
        self._endpoint = channel.publish(self.port)
        self._thread = threading.Thread(target=self._serve, name="lenet-desktop live", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        """Stop listening, and say so (the endpoint's file is removed)."""
        self._closing.set()
        if self._endpoint is not None:
            self._endpoint.unlink(missing_ok=True)
            self._endpoint = None
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None
        if self._socket is not None:
            self._socket.close()
            self._socket = None

    def __enter__(self) -> Receiver:
        return self if self._thread is not None else self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _serve(self) -> None:
        assert self._socket is not None
        while not self._closing.is_set():
            try:
                connection, _ = self._socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with connection:
                self._read(connection)

    def _read(self, connection: socket.socket) -> None:
        connection.settimeout(channel.TIMEOUT)
        try:
            header, payload = channel.receive(connection, self._secret)
            update = decode(header, payload)
        except channel.ChannelError as exc:
            self._drop(dropped(str(exc)))
            return
        except TimeoutError:
            self._drop(dropped("timeout"))
            return
        except LiveError as exc:
            self._drop(exc)
            return
        except OSError:
            return
        with contextlib.suppress(OSError):
            connection.sendall(b"\x01")  # read: the sender may go
        try:
            self.deliver(update)
        except Exception:  # a receiver's user failing must not stop the listening
            LOG.exception("delivering a notebook's update failed")

    def _drop(self, error: LiveError) -> None:
        self.dropped += 1
        try:
            self.note(error)
        except Exception:  # pragma: no cover
            LOG.exception("noting a dropped message failed")
