"""Honest probabilities: temperature scaling (Guo et al. 2017) and how to measure calibration.

A network's softmax can be over- or under-confident: a model right 99 % of the time may say
"88 %" on average. Temperature scaling divides the logits by one scalar T, fitted on held-out
images (never the test split) by minimising the negative log-likelihood; the predicted class,
and so the accuracy, do not change. The expected calibration error (ECE) is the gap between
confidence and accuracy, averaged over confidence bins weighted by how many images fall in each;
a reliability diagram draws each bin's accuracy against its confidence.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn

from lenet_desktop.data.datasets import Split

BINS = 15
# A temperature outside this range means the held-out images say nothing useful.
T_RANGE = (0.05, 20.0)


@dataclass(frozen=True)
class Bin:
    low: float
    high: float
    count: int
    accuracy: float
    confidence: float


@dataclass(frozen=True)
class Calibration:
    """How well a model's probabilities match how often it is right, at ``temperature``."""

    accuracy: float
    ece: float
    nll: float
    mean_confidence: float
    temperature: float
    count: int
    bins: list[Bin] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "accuracy": self.accuracy,
            "ece": self.ece,
            "nll": self.nll,
            "mean_confidence": self.mean_confidence,
            "temperature": self.temperature,
            "count": self.count,
            "bins": [b.__dict__ for b in self.bins],
        }


def logits_of(
    network: nn.Module,
    split: Split,
    mean: float,
    std: float,
    device: torch.device | str = "cpu",
    batch_size: int = 4096,
) -> torch.Tensor:
    """``(N, C)`` float64 logits of every image of ``split`` (on the CPU)."""
    device = torch.device(device)
    network = network.to(device)
    was_training = network.training
    network.eval()
    parts = []
    try:
        with torch.inference_mode():
            for start in range(0, len(split), batch_size):
                chunk = split.images[start : start + batch_size].to(device)
                batch = (chunk.unsqueeze(1).float().div_(255.0) - mean) / std
                parts.append(network(batch).double().cpu())
    finally:
        network.train(was_training)
    return torch.cat(parts) if parts else torch.zeros(0, 0, dtype=torch.float64)


def fit_temperature(logits: torch.Tensor, labels: torch.Tensor) -> float:
    """The temperature that minimises the NLL of ``labels`` under softmax(logits / T)."""
    logits = logits.detach().double()
    labels = labels.detach().long()
    if logits.numel() == 0:
        return 1.0
    log_t = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.LBFGS([log_t], lr=0.5, max_iter=100, line_search_fn="strong_wolfe")

    def closure() -> torch.Tensor:
        optimizer.zero_grad()
        loss = F.cross_entropy(logits / log_t.exp(), labels)
        loss.backward()
        return loss

    with torch.enable_grad():
        optimizer.step(closure)
    temperature = float(log_t.detach().exp())
    if not math.isfinite(temperature):
        return 1.0
    return min(max(temperature, T_RANGE[0]), T_RANGE[1])


def calibration(
    logits: torch.Tensor, labels: torch.Tensor, temperature: float = 1.0, bins: int = BINS
) -> Calibration:
    """Accuracy, ECE over ``bins`` equal-width confidence bins, NLL and mean confidence."""
    logits = logits.detach().double()
    labels = labels.detach().long()
    count = int(labels.shape[0])
    if count == 0:
        return Calibration(0.0, 0.0, 0.0, 0.0, temperature, 0, [])
    probabilities = torch.softmax(logits / temperature, dim=1)
    confidence, predicted = probabilities.max(1)
    correct = (predicted == labels).double()
    nll = float(F.cross_entropy(logits / temperature, labels))
    edges = torch.linspace(0, 1, bins + 1, dtype=torch.float64)
    table, ece = [], 0.0
    for i in range(bins):
        low, high = float(edges[i]), float(edges[i + 1])
        inside = (confidence > low) & (confidence <= high) if i else (confidence <= high)
        n = int(inside.sum())
        if n:
            accuracy = float(correct[inside].mean())
            mean_confidence = float(confidence[inside].mean())
            ece += n / count * abs(accuracy - mean_confidence)
        else:
            accuracy = mean_confidence = 0.0
        table.append(Bin(low, high, n, accuracy, mean_confidence))
    return Calibration(
        accuracy=float(correct.mean()),
        ece=ece,
        nll=nll,
        mean_confidence=float(confidence.mean()),
        temperature=temperature,
        count=count,
        bins=table,
    )


def draw_reliability(reports: dict[str, Calibration], path: str | Path, size: int = 480) -> Path:
    """A reliability diagram as a PNG (Pillow, no plotting library). Top: for each report, each
    bin's accuracy (bars side by side within the bin) against the diagonal of perfect
    calibration; the legend above gives each report's ECE. Below: how many images fall in each
    bin (log scale, the count written on the bar), so that a tall bar made of one image reads as
    such. ``reports``: label → Calibration (e.g. "T = 1", "T = 1.62")."""
    from PIL import Image, ImageDraw  # deferred: Pillow

    path = Path(path)
    left, right, top = 48, 16, 24 + 14 * len(reports)
    inner = size - left - right
    strip_top = top + inner + 54
    strip = 60
    height = strip_top + strip + 40
    image = Image.new("RGB", (size, height), "white")
    draw = ImageDraw.Draw(image)

    def to_xy(x: float, y: float) -> tuple[float, float]:
        return left + x * inner, top + (1 - y) * inner

    colours = [(31, 119, 180), (255, 127, 14), (44, 160, 44)]
    series = list(reports.items())
    slot = 1 / max(len(series), 1)
    for n, (label, report) in enumerate(series):
        colour = colours[n % len(colours)]
        for b in report.bins:
            if not b.count:
                continue
            width = b.high - b.low
            x0 = b.low + width * (0.1 + 0.8 * slot * n)
            x1 = x0 + width * 0.8 * slot
            x0y, x1y = to_xy(x0, b.accuracy), to_xy(x1, 0)
            draw.rectangle([x0y, x1y], fill=tuple(c + (255 - c) // 2 for c in colour))
            draw.rectangle([x0y, x1y], outline=colour)
        draw.rectangle([left, 6 + 14 * n + 2, left + 10, 6 + 14 * n + 12], fill=colour)
        draw.text((left + 16, 6 + 14 * n), f"{label}: ECE {100 * report.ece:.2f} %", fill="black")
    draw.rectangle([to_xy(0, 1), to_xy(1, 0)], outline="black")
    draw.line([to_xy(0, 0), to_xy(1, 1)], fill=(120, 120, 120), width=1)
    for tick in (0.0, 0.5, 1.0):
        x, y = to_xy(tick, 0)
        draw.text((x - 8, y + 6), f"{tick:.1f}", fill="black")
        x, y = to_xy(0, tick)
        draw.text((x - 30, y - 6), f"{tick:.1f}", fill="black")
    draw.text((left + inner / 2 - 30, top + inner + 18), "confidence", fill="black")
    rotated = Image.new("RGB", (60, 12), "white")
    ImageDraw.Draw(rotated).text((4, 0), "accuracy", fill="black")
    image.paste(rotated.rotate(90, expand=True), (2, int(top + inner / 2 - 30)))

    # images per bin, of the last report (log scale: the top bin holds most images)
    if series:
        report = series[-1][1]
        most = max((b.count for b in report.bins), default=0)
        draw.text(
            (left, strip_top - 14), f"images per bin ({series[-1][0]}, log scale)", fill="black"
        )
        bottom = strip_top + strip
        draw.line([(left, bottom), (left + inner, bottom)], fill="black")
        for b in report.bins:
            if not b.count:
                continue
            share = math.log10(1 + b.count) / math.log10(1 + most)
            x0, x1 = (
                left + (b.low + 0.1 * (b.high - b.low)) * inner,
                left + (b.high - 0.1 * (b.high - b.low)) * inner,
            )
            draw.rectangle([x0, bottom - share * strip, x1, bottom], fill=(170, 170, 170))
            text = str(b.count)
            draw.text(((x0 + x1) / 2 - 3 * len(text), bottom + 4), text, fill="black")
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)
    return path
