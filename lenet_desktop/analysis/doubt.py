"""Doubt that means something: whether an answer can be trusted, from what the model learned.

Two questions, each answered from the network's own output (plain NumPy: the window's first
answers, before torch loads, carry them too):

* **Unlike training** — does the input look like anything the model was trained on? The energy
  of the logits z at the model's temperature T, ``E = −T · log Σ_i exp(z_i / T)`` (Liu et al.
  2020): low where some class's evidence is strong, as on the training digits; high for a
  letter, a dot, a bar or a scribble, which give no class strong evidence. The threshold is the
  model file's ``unlike_threshold``: the UNLIKE_QUANTILE of the energies of the training images
  held out from training (never the test split), so about 1 in 100 digits like the training
  digits is flagged. The shipped digit model was also trained to give non-digits made from its
  own training digits (turned, mirrored, overlaid, blotted) no class
  (:mod:`lenet_desktop.training.outliers`), which is what makes the energy tell them apart.
  ``python -m benchmarks.real_digits --scores`` compares it with the largest probability and
  with the Mahalanobis distance of the penultimate layer's features; README says why energy
  was kept.
* **Unsure between classes** — is the top class's calibrated probability below
  UNSURE_BELOW? The probabilities are calibrated (the temperature is fitted on held-out
  training images), so of the answers given with less than 90 %, about one in ten or more is
  wrong.

A model file without a threshold (a notebook's, an older file) answers only the second question:
``unlike_training`` is None.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# The share of held-out training images whose energy is at or below the threshold.
UNLIKE_QUANTILE = 0.99
# An answer is unsure when its calibrated probability is below this.
UNSURE_BELOW = 0.9
# The kinds of note (analysis.reading) that say the answer itself is doubtful.
DOUBT_KINDS = ("unlike", "unsure")


def energy(logits: np.ndarray, temperature: float) -> np.ndarray:
    """``E = −T · log Σ exp(z / T)`` of logits ``(..., classes)``, computed stably."""
    z = np.asarray(logits, dtype=np.float64) / float(temperature)
    top = z.max(axis=-1, keepdims=True)
    total = np.log(np.exp(z - top).sum(axis=-1)) + top[..., 0]
    return -float(temperature) * total


def unlike_threshold(logits: np.ndarray, temperature: float) -> float | None:
    """The energy threshold from the logits of held-out training images ``(N, classes)``:
    their UNLIKE_QUANTILE. None with no images."""
    values = energy(logits, temperature)
    if values.size == 0:
        return None
    return float(np.quantile(values, UNLIKE_QUANTILE))


@dataclass(frozen=True)
class Doubt:
    """How far to trust one answer.

    ``close``: the top class's probability is below UNSURE_BELOW (``top``, ``second``: the two
    most probable classes' indices). ``unlike_training``: the energy ``score`` is above the
    model's ``threshold`` (None when the model has no threshold). ``unsure``: either.
    """

    probability: float
    top: int
    second: int
    close: bool
    score: float
    threshold: float | None
    unlike_training: bool | None

    @property
    def unsure(self) -> bool:
        return self.close or bool(self.unlike_training)

    def as_json(self) -> dict:
        return {
            "unsure": self.unsure,
            "unlike_training": self.unlike_training,
            "unlike_training_score": round(self.score, 4),
            "unlike_training_threshold": (
                None if self.threshold is None else round(self.threshold, 4)
            ),
        }


def judge(
    logits: np.ndarray, probabilities: np.ndarray, temperature: float, threshold: float | None
) -> Doubt:
    """The doubt about one answer: its logits ``(classes,)``, its probabilities (at the
    model's ``temperature``) and the model's energy ``threshold`` (None: not known)."""
    ranked = np.argsort(probabilities)[::-1]
    top = float(probabilities[ranked[0]])
    score = float(energy(logits, temperature))
    unlike = None if threshold is None else bool(score > threshold)
    return Doubt(
        probability=top,
        top=int(ranked[0]),
        second=int(ranked[1]) if len(ranked) > 1 else int(ranked[0]),
        close=top < UNSURE_BELOW,
        score=score,
        threshold=threshold,
        unlike_training=unlike,
    )


def doubt_of(prediction, header) -> Doubt:
    """The doubt about a :class:`~lenet_desktop.nn.prediction.Prediction` of the model whose
    header (a ModelHeader or ModelBundle) gives the temperature and the threshold."""
    return judge(
        prediction.logits,
        prediction.probabilities,
        header.temperature,
        getattr(header, "unlike_threshold", None),
    )
