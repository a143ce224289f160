"""The Qt user interface: a thin layer of views over the engine (the only package that imports
Qt)."""
