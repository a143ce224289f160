"""What a notebook sends of its network, made with torch and the standard library only: the
chain of layers its forward pass runs (traced with ``torch.fx``: modules, functions such as
``F.relu`` and methods such as ``x.view``, each with its arguments) and its weights in the
safetensors format, written without the safetensors package."""

from __future__ import annotations

import ctypes
import json
from typing import Any

import torch
import torch.fx
from torch import nn

# safetensors' names for torch's dtypes
_DTYPES = {
    torch.float32: "F32",
    torch.float64: "F64",
    torch.float16: "F16",
    torch.bfloat16: "BF16",
    torch.int64: "I64",
    torch.int32: "I32",
    torch.int16: "I16",
    torch.int8: "I8",
    torch.uint8: "U8",
    torch.bool: "BOOL",
}


def safetensors_bytes(tensors: dict[str, torch.Tensor]) -> bytes:
    """``tensors`` (on the CPU) in the safetensors format, written without the safetensors
    package: an 8-byte header size, a JSON header of dtypes, shapes and offsets, the bytes."""
    header: dict[str, Any] = {}
    blobs = []
    offset = 0
    for name, tensor in tensors.items():
        dtype = _DTYPES.get(tensor.dtype)
        if dtype is None:
            continue
        tensor = tensor.contiguous()
        size = tensor.numel() * tensor.element_size()
        blobs.append(ctypes.string_at(tensor.data_ptr(), size) if size else b"")
        header[name] = {
            "dtype": dtype,
            "shape": list(tensor.shape),
            "data_offsets": [offset, offset + size],
        }
        offset += size
    head = json.dumps(header, separators=(",", ":")).encode()
    head += b" " * (-len(head) % 8)
    return len(head).to_bytes(8, "little") + head + b"".join(blobs)


# -- what the network is -------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """``value`` as JSON can say it: numbers, text, lists; the tensors and proxies a forward
    pass passes along become "x"."""
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    if isinstance(value, tuple | list | torch.Size):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, torch.dtype):
        return str(value)
    if isinstance(value, torch.fx.Node):
        return value.name  # a value the forward pass computed (x.size(0) → "size")
    return "x"


def _shown(value: Any) -> str:
    """An argument as the forward pass wrote it: a computed value by its name (``size``)."""
    return value.name if isinstance(value, torch.fx.Node) else repr(value)


def _module_entry(path: str, module: nn.Module) -> dict[str, Any]:
    args = {
        k: _plain(v)
        for k, v in vars(module).items()
        if not k.startswith("_") and k != "training" and not callable(v)
    }
    return {
        "kind": "module",
        "class": type(module).__name__,
        "path": path,
        "args": args,
        "bias": getattr(module, "bias", None) is not None,
        "text": repr(module).replace("\n", " "),
    }


def _target_name(node: Any) -> str:
    target = node.target
    return target if isinstance(target, str) else getattr(target, "__name__", str(target))


def describe(net: nn.Module) -> tuple[list[dict[str, Any]], str]:
    """The chain of layers ``net``'s forward pass runs, in order, and how that was found:
    ``"traced"`` (torch.fx followed ``forward``: modules, functions such as ``F.relu`` and
    methods such as ``x.view``) or ``"modules: …"`` (it could not be traced; the leaf modules
    in the order they were defined, which misses functions called in ``forward``)."""
    try:
        graph = torch.fx.Tracer().trace(net)
    except Exception as exc:  # noqa: BLE001 - any forward fx cannot follow
        leaves = [
            _module_entry(path, module)
            for path, module in net.named_modules()
            if path and not list(module.children())
        ]
        return leaves, f"modules: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
    layers: list[dict[str, Any]] = []
    current = None  # the node whose value is the running activation
    for node in graph.nodes:
        if node.op == "placeholder":
            if current is None:
                current = node
            continue
        if node.op == "get_attr":
            layers.append({"kind": "other", "text": f"self.{node.target}", "name": node.target})
            continue
        name = _target_name(node)
        uses_current = current in node.all_input_nodes
        if node.op == "output":
            result = node.args[0]
            if result is not current:
                layers.append({"kind": "other", "text": "a forward that returns more than x",
                               "name": "output"})  # fmt: skip
            break
        if not uses_current or name in ("size", "dim", "shape"):
            if node.op == "call_module":  # a module fed by something else than the chain
                layers.append({"kind": "other", "text": str(node.target), "name": node.target})
            continue
        first = node.args[0] if node.args else None
        if first is not current or any(
            n is current for n in [*node.args[1:], *node.kwargs.values()]
        ):
            layers.append({"kind": "other", "name": name, "text": f"{name}(…)"})
            current = node
            continue
        if node.op == "call_module":
            layers.append(_module_entry(str(node.target), net.get_submodule(node.target)))
        else:
            args = [_plain(a) for a in node.args[1:]]
            kwargs = {k: _plain(v) for k, v in node.kwargs.items()}
            shown = ", ".join(
                ["x", *map(_shown, node.args[1:])]
                + [f"{k}={_shown(v)}" for k, v in node.kwargs.items()]
            )
            kind = "method" if node.op == "call_method" else "function"
            text = f"x.{name}({shown[3:]})" if kind == "method" else f"{name}({shown})"
            layers.append(
                {"kind": kind, "name": name, "args": args, "kwargs": kwargs, "text": text}
            )
        current = node
    return layers, "traced"
