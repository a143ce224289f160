"""How good a model is on a test split: accuracy, per-class accuracy, confusion matrix, and
which images it gets wrong."""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn

from lenet_desktop.data.datasets import Split


@dataclass(frozen=True)
class Evaluation:
    """``confusion[t][p]`` counts images of true class ``t`` predicted as ``p``;
    ``misclassified`` lists test-split indices of wrong predictions, ``predictions`` every
    predicted class index."""

    accuracy: float
    count: int
    per_class: list[float]
    confusion: list[list[int]]
    misclassified: list[int]
    predictions: list[int]

    def as_json(self, classes: tuple[str, ...] | None = None) -> dict:
        names = classes or tuple(str(i) for i in range(len(self.per_class)))
        return {
            "accuracy": self.accuracy,
            "count": self.count,
            "per_class": dict(zip(names, self.per_class)),
            "confusion": self.confusion,
        }


def predict_classes(
    network: nn.Module,
    images: torch.Tensor,
    mean: float,
    std: float,
    device: torch.device,
    batch_size: int = 4096,
) -> torch.Tensor:
    """``(N, 28, 28) uint8`` images → ``(N,)`` predicted class indices (on the CPU)."""
    was_training = network.training
    network.eval()
    parts = []
    try:
        with torch.inference_mode():
            for start in range(0, images.shape[0], batch_size):
                chunk = images[start : start + batch_size].to(device)
                batch = (chunk.unsqueeze(1).float().div_(255.0) - mean) / std
                parts.append(network(batch).argmax(1).cpu())
    finally:
        network.train(was_training)
    return torch.cat(parts) if parts else torch.zeros(0, dtype=torch.long)


def evaluate(
    network: nn.Module, split: Split, mean: float, std: float, device: torch.device | str = "cpu"
) -> Evaluation:
    """Evaluate ``network`` on every image of ``split``."""
    device = torch.device(device)
    predicted = predict_classes(network.to(device), split.images, mean, std, device)
    truth = split.labels.cpu()
    num_classes = _num_classes(network)
    confusion = torch.bincount(
        truth * num_classes + predicted, minlength=num_classes * num_classes
    ).view(num_classes, num_classes)
    totals = confusion.sum(1)
    per_class = (confusion.diag().float() / totals.clamp(min=1)).tolist()
    count = int(truth.shape[0])
    accuracy = float(confusion.diag().sum()) / count if count else 0.0
    return Evaluation(
        accuracy=accuracy,
        count=count,
        per_class=per_class,
        confusion=confusion.tolist(),
        misclassified=torch.nonzero(predicted != truth).flatten().tolist(),
        predictions=predicted.tolist(),
    )


def _num_classes(network: nn.Module) -> int:
    """The class count: the last layer that has ``out_features`` (a linear or RBF output)."""
    sizes = [getattr(m, "out_features", None) for m in network.modules()]
    return int([n for n in sizes if isinstance(n, int)][-1])
