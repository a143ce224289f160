"""The names of the choices the engine offers, importable without torch or numpy (the command
line and the app's first paint must not wait for them)."""

from lenet_desktop.data.datasets import DATASETS
from lenet_desktop.specs.names import ARCHITECTURE_TITLES as ARCHITECTURE_TITLES
from lenet_desktop.specs.names import ARCHITECTURES as ARCHITECTURES  # their home: specs.names

DATASET_NAMES = tuple(info.name for info in DATASETS)  # one record each: data.datasets
OPTIMIZERS = ("adamw", "adam", "sgd")
SCHEDULES = ("onecycle", "cosine", "constant")
INITS = ("default", "xavier")
# The peak learning rate of the one-cycle schedule when none is given.
DEFAULT_LR = {"adamw": 0.01, "adam": 0.003, "sgd": 0.1}
DEVICE_ENV_VAR = "LENET_DEVICE"
