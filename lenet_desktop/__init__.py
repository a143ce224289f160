"""LeNet Desktop: draw a digit or a garment and see what LeNet sees.

The engine (models, preprocessing, inference, datasets, training, model files) is plain Python
and PyTorch; the Qt user interface lives in :mod:`lenet_desktop.ui` alone.
"""

__version__ = "0.1.0"
