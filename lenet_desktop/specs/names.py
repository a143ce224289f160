"""The names and titles of the built-in networks (their layers: :mod:`.presets`), importable
without numpy or torch: the command line and the app's first paint ask for them."""

from lenet_desktop.messages import QT_TRANSLATE_NOOP

# The built-in networks, then the study notes' variants and one per D2L exercise (their layers:
# specs.PRESET_LAYERS).
ARCHITECTURES = (
    "modern",
    "d2l",
    "lenet5",
    "notes-padding",
    "notes-maxpool",
    "d2l-maxpool",
    "d2l-relu",
    "d2l-kernel3",
    "d2l-wide",
    "d2l-deeper",
    "d2l-fc1",
)
ARCHITECTURE_TITLES = {
    "modern": QT_TRANSLATE_NOOP("architectures", "Modern LeNet (batch norm, ReLU, max pooling)"),
    "d2l": QT_TRANSLATE_NOOP("architectures", "D2L LeNet (sigmoid, average pooling)"),
    "lenet5": QT_TRANSLATE_NOOP("architectures", "LeNet-5 (LeCun et al. 1998)"),
    "notes-padding": QT_TRANSLATE_NOOP(
        "architectures", "Notes variant: C3 padded by 1, one hidden fully connected layer"
    ),
    "notes-maxpool": QT_TRANSLATE_NOOP(
        "architectures", "Notes variant: max pooling, no padding (16×4×4 flattened)"
    ),
    "d2l-maxpool": QT_TRANSLATE_NOOP(
        "architectures", "D2L exercise: max pooling instead of average pooling"
    ),
    "d2l-relu": QT_TRANSLATE_NOOP("architectures", "D2L exercise: ReLU instead of sigmoid"),
    "d2l-kernel3": QT_TRANSLATE_NOOP("architectures", "D2L exercise: 3×3 convolution windows"),
    "d2l-wide": QT_TRANSLATE_NOOP(
        "architectures", "D2L exercise: more output channels (16 and 32)"
    ),
    "d2l-deeper": QT_TRANSLATE_NOOP("architectures", "D2L exercise: a third convolution layer"),
    "d2l-fc1": QT_TRANSLATE_NOOP(
        "architectures", "D2L exercise: one hidden fully connected layer fewer"
    ),
}
