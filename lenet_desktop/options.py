"""The names of the choices the engine offers, importable without torch (the command line and
the app's first paint must not wait for it)."""

from .messages import QT_TRANSLATE_NOOP

ARCHITECTURES = ("modern", "d2l", "lenet5")
ARCHITECTURE_TITLES = {
    "modern": QT_TRANSLATE_NOOP("architectures", "Modern LeNet (batch norm, ReLU, max pooling)"),
    "d2l": QT_TRANSLATE_NOOP("architectures", "D2L LeNet (sigmoid, average pooling)"),
    "lenet5": QT_TRANSLATE_NOOP("architectures", "LeNet-5 (LeCun et al. 1998)"),
}
DATASET_NAMES = ("mnist", "fashion-mnist")
OPTIMIZERS = ("adamw", "adam", "sgd")
SCHEDULES = ("onecycle", "cosine", "constant")
# The peak learning rate of the one-cycle schedule when none is given.
DEFAULT_LR = {"adamw": 0.01, "adam": 0.003, "sgd": 0.1}
DEVICE_ENV_VAR = "LENET_DEVICE"
