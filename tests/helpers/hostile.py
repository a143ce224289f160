"""Files a learner might really open: odd formats, damaged and malicious ones.

Each case is (file name, expected outcome): a digit label the picture shows, ``"empty"`` for a
picture with no drawing, or ``"error: <words the message must contain>"``.
"""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

import numpy as np
from PIL import Image

from helpers.drawing import redraw
from lenet_desktop.training.run_record import FORMAT, RECORD

BOMB_SIDE = 30_000


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def decompression_bomb(path: Path, side: int = BOMB_SIDE) -> None:
    """A valid PNG header announcing side × side grey pixels, with a tiny compressed body:
    900 million pixels (900 MB decoded) in a file of a few hundred bytes."""
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    body = zlib.compress(b"\x00" * (side + 1) * 8, 9)  # a few rows; decoding would go on
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", body)
        + png_chunk(b"IEND", b"")
    )


def make_cases(folder: Path, digits: dict[str, np.ndarray]) -> dict[str, str]:
    """Write every hostile file into ``folder``; ``digits`` maps a label to a ``(28, 28)``
    dataset image of it. Returns {file name: expected outcome}."""
    cases: dict[str, str] = {}

    def picture(label: str, **options) -> Image.Image:
        return redraw(digits[label], canvas=(420, 360), size=240, centre=(200, 190), **options)

    good = folder / "_good.png"
    picture("3").save(good)
    whole = good.read_bytes()
    (folder / "truncated.png").write_bytes(whole[: len(whole) // 2])
    cases["truncated.png"] = "error: truncated.png"
    jpeg = folder / "_good.jpg"
    picture("3").save(jpeg, quality=90)
    (folder / "truncated.jpg").write_bytes(jpeg.read_bytes()[:600])
    cases["truncated.jpg"] = "error: truncated.jpg"
    corrupt = bytearray(whole)
    corrupt[200:400] = np.random.default_rng(1).bytes(200)
    (folder / "corrupt.png").write_bytes(bytes(corrupt))
    cases["corrupt.png"] = "error: corrupt.png"
    (folder / "random.png").write_bytes(np.random.default_rng(2).bytes(4096))
    cases["random.png"] = "error: random.png"
    (folder / "notes.jpg").write_text("这不是图片 — this is not a picture\n", encoding="utf-8")
    cases["notes.jpg"] = "error: notes.jpg"
    (folder / "empty.png").write_bytes(b"")
    cases["empty.png"] = "error: empty.png"
    (folder / "folder.png").mkdir()
    cases["folder.png"] = "error: folder.png"

    grey = np.asarray(picture("5").convert("L"), dtype=np.uint16) * 257
    Image.fromarray(grey).save(folder / "sixteen-bit.png")  # uint16 → mode I;16
    cases["sixteen-bit.png"] = "5"
    picture("7").convert("P", palette=Image.Palette.ADAPTIVE, colors=16).save(
        folder / "palette.png"
    )
    cases["palette.png"] = "7"
    picture("2").convert("CMYK").save(folder / "cmyk.jpg", quality=92)
    cases["cmyk.jpg"] = "2"
    # Stored lying on its side, with EXIF orientation 6 (rotate 90° clockwise to view).
    exif = Image.Exif()
    exif[0x0112] = 6
    picture("4").rotate(90, expand=True).save(folder / "exif-rotated.jpg", exif=exif, quality=92)
    cases["exif-rotated.jpg"] = "4"
    frames = [picture("0").convert("P"), picture("1").convert("P")]
    frames[0].save(folder / "animated.gif", save_all=True, append_images=frames[1:], duration=200)
    cases["animated.gif"] = "0"  # the first frame
    Image.new("RGB", (1, 1), (255, 255, 255)).save(folder / "one-pixel.png")
    cases["one-pixel.png"] = "empty"
    Image.new("L", (1, 1), 0).save(folder / "one-dark-pixel.bmp")
    cases["one-dark-pixel.bmp"] = "empty"
    Image.new("RGBA", (300, 200), (0, 0, 0, 0)).save(folder / "transparent.png")
    cases["transparent.png"] = "empty"
    picture("9", mode="RGBA").save(folder / "ink-on-transparent.png")
    cases["ink-on-transparent.png"] = "9"
    decompression_bomb(folder / "bomb.png")
    cases["bomb.png"] = "error: too large"
    good.unlink()
    jpeg.unlink()
    return cases


def one_of_each(split) -> dict[str, np.ndarray]:
    """One clear example of each needed digit from a test split (the first of each label)."""
    found: dict[str, np.ndarray] = {}
    for image, label in zip(split.images, split.labels, strict=True):
        found.setdefault(str(int(label)), image.numpy())
        if len(found) == 10:
            break
    return found


def run_record(**changes) -> dict:
    """A run record as `train` keeps it, with ``changes``."""
    record = {
        "format": FORMAT, "id": "a-run", "name": "a run", "created": "2026-12-01T10:00:00.000000",
        "dataset": "mnist", "architecture": "modern", "parameters": 44426,
        "classes": [str(d) for d in range(10)], "config": {"epochs": 1},
        "history": [{"epoch": 1, "loss": 0.5, "train_accuracy": 0.8, "test_accuracy": 0.9,
                     "seconds": 2.0, "samples_per_s": 4000.0}],
        "accuracy": 0.9, "confusion": [[1] * 10 for _ in range(10)], "seconds": 2.0,
        "samples_per_s": 4000.0,
    }  # fmt: skip
    return record | changes


def write_run(root: Path, folder_name: str, text: str | None = None, **changes) -> Path:
    """A run folder ``root/folder_name`` holding ``text`` as its record, or :func:`run_record`."""
    folder = root / folder_name
    folder.mkdir(parents=True)
    (folder / RECORD).write_text(text if text is not None else json.dumps(run_record(**changes)))
    return folder
