"""What the architecture editor does with code and notebooks: the edited network as PyTorch
code, and a notebook's weights described as a spec (do they fit, and which layer does not)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from lenet_desktop.specs import Spec
from lenet_desktop.ui.widgets.emphasis import ERROR, emphasise


class NotebookEditing:
    """Mixed into :class:`~lenet_desktop.ui.tools.spec_editor.SpecEditor` (it needs its
    ``spec()``, ``num_classes()``, ``set_spec()``, ``error``, ``message``, ``layers``,
    ``weights``, ``weights_button`` and ``weights_requested``)."""

    if TYPE_CHECKING:  # what SpecEditor provides
        error: Any
        message: Any
        layers: list
        weights: tuple[str, dict] | None
        weights_button: Any
        weights_requested: Any

        def spec(self) -> Spec: ...
        def num_classes(self) -> int: ...
        def set_spec(self, spec: Spec) -> None: ...

    def describe_weights(self, path: str, state: dict, spec: Spec) -> None:
        """A notebook's weights to describe as a spec: starts from ``spec``, says after every
        edit whether the weights fit and, if not, which layer."""
        self.weights = (path, state)
        self.weights_button.show()
        self.set_spec(spec)

    def _check_weights(self) -> None:
        # deferred: off the first paint
        from lenet_desktop.files.notebook_specs import describe_misfit, fits

        if self.weights is None:
            return
        path, state = self.weights
        name = Path(path).name
        if fits(self.spec(), state, self.num_classes()):
            self.message.setText(
                QCoreApplication.translate(
                    "SpecEditor", "The weights of {0} fit this network."
                ).format(name)
            )
            self.weights_button.setEnabled(True)
        else:
            emphasise(self.message, ERROR, bold=True)
            why = describe_misfit(self.spec(), state, self.num_classes())
            self.message.setText(
                QCoreApplication.translate(
                    "SpecEditor", "The weights of {0} do not fit: {1}"
                ).format(name, why)
            )
            self.weights_button.setEnabled(False)

    def _use_weights(self) -> None:
        from lenet_desktop.files.notebook_specs import Candidate  # deferred: off the first paint

        if self.weights is not None and self.error is None:
            spec = self.spec()
            self.weights_requested.emit(self.weights[0], Candidate(spec.name or "custom", spec))

    def show_code(self):
        """The edited network as the PyTorch code that builds it (None while it is broken)."""
        from lenet_desktop.specs.code import pytorch_code  # deferred: off the first paint
        from lenet_desktop.ui.tools.code_view import show_code  # deferred: off the first paint

        if self.error is not None or not self.layers:
            return None
        spec = self.spec()
        return show_code(
            self,  # type: ignore[arg-type]  # (a QWidget: SpecEditor)
            spec.name or "custom",
            pytorch_code(spec, self.num_classes()),
        )
