"""The notebook's side: follow a network as it trains and send copies of it to the app.

``watch(net)`` adds a hook after the network's forward pass. At most every ``every`` seconds
the hook takes a copy of the weights (on the training thread, between two steps: a copy is
never half of one step and half of the next) and hands it to a background thread, which signs
it and sends it to every receiver listening (the window, ``lenet-desktop watch``). The newest
copy wins: the training loop never waits for the app. When the loop goes quiet (training is
over, or the notebook waits for its next cell), the background thread takes the last weights
itself, once nothing has changed them for a moment; a script's last weights are sent when it
exits.

The network says what it is: its forward pass is traced (``torch.fx``) into the chain of
layers it runs — ``Conv2d(1, 6, kernel_size=(5, 5), padding=(2, 2))``, ``F.relu``,
``x.view(-1, 400)`` … — with each layer's arguments, so the app builds exactly that network,
never a guess from the weights' shapes.

torch and the standard library only (no Qt, no numpy): cheap to import in a notebook.
"""

from __future__ import annotations

import atexit
import itertools
import os
import sys
import threading
import time
import weakref
from typing import Any

import torch
import torch.fx
from torch import nn

from lenet_desktop.live import channel
from lenet_desktop.live.structure import describe, safetensors_bytes

HINT = (
    "lenet-desktop: the app is not running, so your network is not shown; training goes on. "
    "Start it with `lenet-desktop` (the next copy then appears in its window) "
    "or `lenet-desktop watch`."
)
STATS_BATCHES = 20  # the first training batches whose pixel range tells the input's scaling
QUIET = 0.3  # seconds without a forward pass after which the loop is taken to be idle
_ids = itertools.count(1)
_hinted = False


def _caller_name(net: nn.Module, depth: int = 2) -> str:
    """The name the caller gave ``net`` (``net``, ``model``…), or its class's name."""
    try:
        frame = sys._getframe(depth)
        for scope in (frame.f_locals, frame.f_globals):
            for key, value in scope.items():
                if value is net and not key.startswith("_"):
                    return key
    except (ValueError, AttributeError):  # pragma: no cover - no frames on this Python
        pass
    return type(net).__name__


# -- following a network -------------------------------------------------------------------------


class Watch:
    """A network followed by the app: returned by :func:`watch`. ``log(**metrics)`` sends
    values to the app's curves (``loss=…, acc=…``); ``stop()`` ends the following (the last
    weights are sent first)."""

    def __init__(
        self,
        net: nn.Module,
        name: str,
        every: float = 0.5,
        dataset: str | None = None,
        quiet: bool = False,
        follow: bool = True,
    ) -> None:
        if not isinstance(net, nn.Module):
            raise TypeError(f"watch() follows a torch.nn.Module, not a {type(net).__name__}")
        self.name = str(name)[:80]
        self.every = max(0.05, float(every))
        self.dataset = dataset
        self.quiet = quiet
        self.id = f"{os.getpid()}-{next(_ids)}"
        self.step = 0  # forward passes in training mode
        self.forwards = 0
        self.sent = 0  # copies delivered to at least one receiver
        self._net = weakref.ref(net)
        self._input: dict[str, Any] = {}
        self._classes: int | None = None
        self._structure: tuple[list[dict[str, Any]], str] | None = None
        self._shapes: tuple | None = None
        self._versions: tuple[int, ...] | None = None  # the weights' versions at the last copy
        self._last_copy = -1e9
        self._last_forward = time.monotonic()
        self._pending: dict[str, Any] | None = None
        self._metrics: list[list[Any]] = []
        self._lock = threading.Condition()
        self._stopped = False
        if not follow:  # show(): one copy, sent by the caller
            self._stopped = True
            return
        old = getattr(net, "_lenet_desktop_watch", None)
        if isinstance(old, Watch):  # the cell ran again: one hook per network
            old.stop(send_last=False)
        self._hook = net.register_forward_hook(self._after_forward)
        net._lenet_desktop_watch = self  # type: ignore[assignment]
        self._thread = threading.Thread(target=self._run, name="lenet-desktop watch", daemon=True)
        self._thread.start()
        atexit.register(self._at_exit)

    def __repr__(self) -> str:
        state = "stopped" if self._stopped else "watching"
        return f"<lenet_desktop.live.Watch {self.name!r}: {state}, step {self.step}>"

    # -- on the training thread ------------------------------------------------------------------
    def _after_forward(self, module: nn.Module, args: tuple, output: Any) -> None:
        self.forwards += 1
        self._last_forward = time.monotonic()
        if module.training:
            self.step += 1
            if len(self._input.get("batches", [])) < STATS_BATCHES:
                self._note_input(args)
        if self._classes is None and isinstance(output, torch.Tensor) and output.ndim == 2:
            self._classes = int(output.shape[1])
        if self._last_forward - self._last_copy >= self.every:
            self._copy(module)

    def _note_input(self, args: tuple) -> None:
        x = args[0] if args else None
        if not isinstance(x, torch.Tensor) or x.ndim != 4 or not x.is_floating_point():
            return
        with torch.no_grad():
            low, high = float(x.min()), float(x.max())
            mean = float(x.mean())
        self._input.setdefault("batches", []).append([low, high, mean])
        self._input["shape"] = list(x.shape[1:])

    def _versions_now(self, net: nn.Module) -> tuple[int, ...]:
        return tuple(t._version for t in net.state_dict(keep_vars=True).values())

    def _copy(self, net: nn.Module) -> None:
        """Take a copy of the weights now (the caller knows no step is under way)."""
        self._last_copy = time.monotonic()
        with torch.no_grad():
            state = {k: v.detach().to("cpu", copy=True) for k, v in net.state_dict().items()}
        self._versions = self._versions_now(net)
        shapes = tuple((k, tuple(v.shape)) for k, v in state.items())
        if self._structure is None or shapes != self._shapes:
            self._structure, self._shapes = describe(net), shapes
        layers, how = self._structure
        header = {
            "kind": "network",
            "watch": self.id,
            "name": self.name,
            "step": self.step,
            "forwards": self.forwards,
            "mode": "train" if net.training else "eval",
            "taken_at": time.time(),
            "layers": layers,
            "structure": how,
            "classes": self._classes,
            "input": self._input,
            "dataset": self.dataset,
            "torch": torch.__version__,
        }
        with self._lock:
            self._pending = {"header": header, "state": state}
            self._lock.notify()

    # -- on the background thread ----------------------------------------------------------------
    def _run(self) -> None:
        while True:
            with self._lock:
                if self._pending is None and not self._metrics and not self._stopped:
                    self._lock.wait(timeout=self.every)
                pending, self._pending = self._pending, None
                metrics, self._metrics = self._metrics, []
                stopped = self._stopped
            if pending is None and not stopped:
                self._take_if_idle()
                with self._lock:
                    pending, self._pending = self._pending, None
            if pending is not None or metrics:
                self._deliver(pending, metrics)
            if stopped:
                return

    def _take_if_idle(self) -> None:
        """The loop has gone quiet: if the weights changed since the last copy (the last steps
        of a run), copy them — when no forward pass came during the copy."""
        net = self._net()
        if net is None or self._stopped:
            return
        if time.monotonic() - self._last_forward < max(QUIET, self.every):
            return
        if self._versions is None or self._versions_now(net) == self._versions:
            return
        before = self.forwards
        versions = self._versions_now(net)
        self._copy(net)
        if self.forwards != before or self._versions != versions:
            with self._lock:  # the loop woke up meanwhile: its own hook copies soon
                self._pending = None
            self._versions = ()  # not the weights' versions: try again when it is quiet

    def _deliver(self, pending: dict[str, Any] | None, metrics: list[list[Any]]) -> bool:
        global _hinted
        if pending is not None:
            header, payload = pending["header"], safetensors_bytes(pending["state"])
        else:
            header, payload = {"kind": "metrics", "watch": self.id, "name": self.name}, b""
        header["metrics"] = metrics
        header["sent_at"] = time.time()
        try:
            secret = channel.read_secret()
        except (OSError, channel.ChannelError):
            secret = None
        delivered = False
        if secret is not None:
            data = channel.frame(secret, header, payload)
            for endpoint in channel.endpoints():
                try:
                    channel.send(endpoint, data)
                    delivered = True
                except OSError:
                    continue
        if delivered and pending is not None:
            self.sent += 1
        if not delivered and not _hinted and not self.quiet:
            _hinted = True
            print(HINT, flush=True)
        return delivered

    # -- the learner's calls -----------------------------------------------------------------------
    def log(self, **metrics: float) -> None:
        """Values for the app's curves at this step: ``h.log(loss=l, acc=a)``."""
        values = {}
        for key, value in metrics.items():
            if isinstance(value, torch.Tensor):
                value = value.detach()
            try:
                values[str(key)[:40]] = float(value)
            except (TypeError, ValueError):
                kind = type(value).__name__
                raise TypeError(f"log({key}=…) takes a number, not a {kind}") from None
        with self._lock:
            self._metrics.append([self.step, values])
            self._lock.notify()

    def flush(self, timeout: float = 2.0) -> bool:
        """Send the weights as they are now (and the metrics logged), and wait until they are
        delivered; whether a receiver took them."""
        net = self._net()
        with self._lock:
            metrics, self._metrics = self._metrics, []
            self._pending = None
        pending = None
        if net is not None:
            self._copy(net)
            with self._lock:
                pending, self._pending = self._pending, None
        return self._deliver(pending, metrics)

    def stop(self, send_last: bool = True) -> None:
        """Stop following the network (after sending its last weights)."""
        if self._stopped:
            return
        self._hook.remove()
        with self._lock:
            self._stopped = True
            self._lock.notify()
        self._thread.join(timeout=5)
        if send_last:
            self.flush()
        atexit.unregister(self._at_exit)

    def _at_exit(self) -> None:
        """The script ends: its last weights go out, and the background thread ends before the
        interpreter does (a thread left inside torch then would abort the exit)."""
        net = self._net()
        if self._stopped:
            return
        with self._lock:
            self._stopped = True
            self._lock.notify()
        self._thread.join(timeout=5)
        if net is not None and (
            self._versions is None or self._versions_now(net) != self._versions
        ):
            self.flush()


def watch(
    net: nn.Module,
    name: str | None = None,
    *,
    every: float = 0.5,
    dataset: str | None = None,
    quiet: bool = False,
) -> Watch:
    """Follow ``net`` in the app while it trains: one line before the training loop.

    At most every ``every`` seconds a copy of the weights goes to the app (the window, or
    ``lenet-desktop watch``), with the network's layers as its forward pass runs them, the
    step and the training/eval mode. ``name``: what the app calls it (default: the variable's
    name). ``dataset``: ``"mnist"`` or ``"fashion-mnist"`` (default: told from the pixels of
    the first training batches). If the app is not running the loop goes on as if nothing
    were there, and one line says how to start it (``quiet`` silences it)."""
    return Watch(net, name or _caller_name(net), every=every, dataset=dataset, quiet=quiet)


def show(net: nn.Module, name: str | None = None, *, dataset: str | None = None) -> bool:
    """Send ``net`` to the app once (after training, or a network loaded in the notebook);
    whether a receiver took it."""
    handle = Watch(net, name or _caller_name(net), dataset=dataset, follow=False)
    return handle.flush()


__all__ = ["HINT", "Watch", "describe", "safetensors_bytes", "show", "watch"]
