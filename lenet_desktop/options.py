"""The names of the choices the engine offers, importable without torch (the command line and
the app's first paint must not wait for it)."""

ARCHITECTURES = ("modern", "d2l", "lenet5")
ARCHITECTURE_TITLES = {
    "modern": "Modern LeNet (batch norm, ReLU, max pooling)",
    "d2l": "D2L LeNet (sigmoid, average pooling)",
    "lenet5": "LeNet-5 (LeCun et al. 1998)",
}
DATASET_NAMES = ("mnist", "fashion-mnist")
OPTIMIZERS = ("adamw", "adam", "sgd")
SCHEDULES = ("onecycle", "cosine", "constant")
# The peak learning rate of the one-cycle schedule when none is given.
DEFAULT_LR = {"adamw": 0.01, "adam": 0.003, "sgd": 0.1}
DEVICE_ENV_VAR = "LENET_DEVICE"
