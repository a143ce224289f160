"""Reading and writing specs: a network described by a small TOML document, checked in plain
words (every problem a :class:`SpecError` naming the layer and the numbers)."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lenet_desktop.messages import QT_TRANSLATE_NOOP, LocalizedError
from lenet_desktop.paths.places import is_slug
from lenet_desktop.specs.layer_types import SPEC_TYPES, LayerSpec

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10
    import tomli as tomllib

TOP_KEYS = ("name", "title", "layers")
MAX_LAYERS = 200
MAX_FILE_BYTES = 1024 * 1024


class SpecError(LocalizedError):
    """A spec that cannot become a network. ``index`` is the 0-based position of the layer at
    fault in ``layers`` (None for the document as a whole), so a view can mark that row; the
    message counts layers from 1, as a person reading the file does. ``path``, when the spec
    came from a file, is put before the message."""

    def __init__(
        self,
        template: str,
        index: int | None = None,
        path: str | os.PathLike[str] | None = None,
        **values: object,
    ) -> None:
        super().__init__(template, **values)
        self.index = index
        self.path = None if path is None else Path(path)
        if self.path is not None:
            self.args = (f"{self.path}: {self.args[0]}",)

    def with_path(self, path: str | os.PathLike[str]) -> SpecError:
        return SpecError(self.template, index=self.index, path=path, **self.values)


@dataclass(frozen=True)
class Spec:
    layers: tuple[LayerSpec, ...]
    name: str | None = None
    title: str | None = None

    def as_dict(self) -> dict[str, Any]:
        head = {k: v for k, v in (("name", self.name), ("title", self.title)) if v is not None}
        return head | {"layers": [layer.as_dict() for layer in self.layers]}


# -- reading -----------------------------------------------------------------------------------


def where(index: int, name: str | None, type_: str) -> dict[str, Any]:
    """The values every layer message begins with: ``layer 3 (C3, conv)``."""
    return {"number": index + 1, "name": name or "?", "type": type_}


def _layer(index: int, raw: object) -> LayerSpec:
    if not isinstance(raw, dict):
        raise SpecError(
            QT_TRANSLATE_NOOP("errors", "layer {number}: a layer is a table of keys, not {got!r}"),
            index=index,
            number=index + 1,
            got=raw,
        )
    type_ = raw.get("type")
    row = SPEC_TYPES.get(type_) if isinstance(type_, str) else None
    if row is None:
        raise SpecError(
            QT_TRANSLATE_NOOP("errors", "layer {number}: unknown type {got!r} (known: {known})"),
            index=index,
            number=index + 1,
            got=type_,
            known=", ".join(SPEC_TYPES),
        )
    allowed = row.key_names
    for key in raw:
        if key != "type" and key not in allowed:
            raise SpecError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "layer {number} ({type}): unknown key {key!r} (a {type} takes: {keys})",
                ),
                index=index,
                number=index + 1,
                type=type_,
                key=key,
                keys=", ".join(allowed) or "no keys",
            )
    for spec_key in row.keys:
        if spec_key.required and spec_key.name not in raw:
            raise SpecError(
                QT_TRANSLATE_NOOP("errors", "layer {number} ({type}): {key} is missing"),
                index=index,
                number=index + 1,
                type=type_,
                key=spec_key.name,
            )
    values: dict[str, Any] = {}
    for spec_key in row.keys:
        key = spec_key.name
        if key not in raw:
            continue
        value = raw[key]
        if not spec_key.whole:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                value = None
            if value is None or not (spec_key.smallest <= value < spec_key.largest):
                raise SpecError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "layer {number} ({type}): {key} must be a number from {smallest:g} up "
                        "to (not including) {largest:g}, not {value!r}",
                    ),
                    index=index,
                    number=index + 1,
                    type=type_,
                    key=key,
                    smallest=spec_key.smallest,
                    largest=spec_key.largest,
                    value=raw[key],
                )
            values[key] = float(value)
            continue
        smallest = int(spec_key.smallest)
        if isinstance(value, bool) or not isinstance(value, int) or value < smallest:
            raise SpecError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "layer {number} ({type}): {key} must be a whole number of at least "
                    "{smallest}, not {value!r}",
                ),
                index=index,
                number=index + 1,
                type=type_,
                key=key,
                smallest=smallest,
                value=value,
            )
        if value > spec_key.largest:
            raise SpecError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "layer {number} ({type}): {key} = {value} is too large (at most {limit})",
                ),
                index=index,
                number=index + 1,
                type=type_,
                key=key,
                value=value,
                limit=int(spec_key.largest),
            )
        values[key] = value
    for spec_key in row.keys:
        if spec_key.name in values:
            continue
        if spec_key.default_from is not None:
            values[spec_key.name] = values[spec_key.default_from]
        elif spec_key.default is not None:
            values[spec_key.name] = spec_key.default
    return LayerSpec(type=row.name, **values)


def parse_spec(document: object) -> Spec:
    """A spec from its parsed document (TOML's or JSON's tables: a dict with ``layers``).

    Checks the keys and values of each layer; the shapes are checked by :func:`plan`.
    Raises SpecError.
    """
    if not isinstance(document, dict):
        raise SpecError(
            QT_TRANSLATE_NOOP("errors", "a spec is a table with name, title and layers")
        )
    for key in document:
        if key not in TOP_KEYS:
            raise SpecError(
                QT_TRANSLATE_NOOP("errors", "unknown key {key!r} (a spec takes: {keys})"),
                key=key,
                keys=", ".join(TOP_KEYS),
            )
    for key in ("name", "title"):
        if key in document and not isinstance(document[key], str):
            raise SpecError(
                QT_TRANSLATE_NOOP("errors", "{key} must be text, not {value!r}"),
                key=key,
                value=document[key],
            )
    name = document.get("name")
    if name and not is_slug(name):  # it names the spec's file: a slug, never a path
        raise SpecError(
            QT_TRANSLATE_NOOP(
                "errors",
                "name {value!r} is not a plain name: use letters, digits, '-', '_' and '.' "
                "(at most 80; the title may be any text)",
            ),
            value=name,
        )
    if len(document.get("title") or "") > 200:
        raise SpecError(QT_TRANSLATE_NOOP("errors", "the title is longer than 200 characters"))
    layers = document.get("layers")
    if not isinstance(layers, list) or not layers:
        raise SpecError(
            QT_TRANSLATE_NOOP(
                "errors", "a spec needs its layers: one [[layers]] table per layer, in order"
            )
        )
    if len(layers) > MAX_LAYERS:
        raise SpecError(
            QT_TRANSLATE_NOOP("errors", "{count} layers are too many (at most {limit})"),
            count=len(layers),
            limit=MAX_LAYERS,
        )
    return Spec(
        layers=tuple(_layer(i, raw) for i, raw in enumerate(layers)),
        name=document.get("name") or None,
        title=document.get("title") or None,
    )


def spec_from_toml(text: str) -> Spec:
    """Parse a spec's TOML text (SpecError naming the line for a syntax error)."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SpecError(
            QT_TRANSLATE_NOOP("errors", "not valid TOML ({detail})"), detail=str(exc)
        ) from None
    return parse_spec(document)


def read_spec(path: Path) -> Spec:
    """Read and parse a ``.toml`` spec file (its shapes unchecked: :func:`.planning.load_spec`
    checks them too). Every SpecError names the file."""
    try:
        if path.is_dir():
            raise SpecError(QT_TRANSLATE_NOOP("errors", "is a folder, not a spec file"), path=path)
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SpecError(
                QT_TRANSLATE_NOOP("errors", "too large for an architecture spec ({size} bytes)"),
                path=path,
                size=size,
            )
        data = path.read_bytes()
    except OSError as exc:
        raise SpecError(
            QT_TRANSLATE_NOOP("errors", "cannot be read ({detail})"),
            path=path,
            detail=exc.strerror or exc,
        ) from None
    try:
        if b"\0" in data:
            raise UnicodeDecodeError("utf-8", data, 0, 1, "NUL byte")
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SpecError(
            QT_TRANSLATE_NOOP(
                "errors", "not a text file; an architecture spec is TOML text ([[layers]] …)"
            ),
            path=path,
        ) from None
    try:
        return spec_from_toml(text)
    except SpecError as exc:
        raise exc.with_path(path) from None


# -- writing -----------------------------------------------------------------------------------


def _toml_value(value: object) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a valid TOML basic string
    return repr(value)


def spec_to_toml(spec: Spec) -> str:
    """The spec as TOML text that :func:`spec_from_toml` reads back to an equal spec."""
    lines = []
    for key in ("name", "title"):
        value = getattr(spec, key)
        if value is not None:
            lines.append(f"{key} = {_toml_value(value)}")
    for layer in spec.layers:
        lines += ["", "[[layers]]"]
        lines += [f"{key} = {_toml_value(value)}" for key, value in layer.as_dict().items()]
    return "\n".join(lines).lstrip("\n") + "\n"


def spec_to_json(spec: Spec) -> str:
    """The spec as one line of JSON (how a model file's header carries it)."""
    return json.dumps(spec.as_dict(), ensure_ascii=False)


def spec_from_json(text: str) -> Spec:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SpecError(
            QT_TRANSLATE_NOOP("errors", "not valid JSON ({detail})"), detail=exc
        ) from None
    return parse_spec(document)
