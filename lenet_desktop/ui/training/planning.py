"""What the Training panel does on behalf of a recipe, a diagnosis and the Exercises tab: log
what a recipe set, take a diagnosis's fix, set one run's options up, and train a queue of runs
one after another (a failed or cancelled run ends the queue)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lenet_desktop.ui.translation import translate

if TYPE_CHECKING:
    from collections.abc import Callable

    from lenet_desktop.ui.training.options_form import OptionsForm
    from lenet_desktop.ui.training.status import RunStatus


class RunPlanning:
    """Mixed into :class:`~lenet_desktop.ui.training.panel.TrainingPanel` (its ``form``,
    ``status``, ``queue``, ``busy``, ``start``, ``_say`` and ``_log``; ``tr`` is the panel's, so
    these strings are translated in its context)."""

    if TYPE_CHECKING:
        form: OptionsForm
        status: RunStatus
        queue: list[dict]

        @property
        def busy(self) -> bool: ...

        def start(self) -> bool: ...

        _say: Callable[..., None]
        _log: Callable[[str], None]

        def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str: ...

    def _recipe_applied(self, recipe: str) -> None:
        if recipe == "custom":
            return
        from lenet_desktop.training.recipes import FAMILIES, family

        config = self.form.values()
        kind = translate("recipes", FAMILIES[family(str(config["architecture"]))])
        self._log(
            self.tr("{0} recipe for {1} ({2}): {3} lr {4:g}, {5} epochs, batch {6}.").format(
                self.form.widgets["recipe"].currentText(),
                config["architecture"],
                kind,
                config["optimizer"],
                config["lr"],
                config["epochs"],
                config["batch_size"],
            )
        )

    def apply_fix(self, options: dict) -> None:
        """Take a diagnosis's fix: its options set in the form (a recipe applied), ready to
        train again."""
        if "recipe" in options:
            self.form.apply_recipe(options["recipe"])
        for name, value in options.items():
            if name != "recipe" and name in self.form.specs:
                self.form.set_value(name, value)
        self.status.show_diagnosis(None)
        self._say(lambda: self.tr("Options changed as suggested: press Train to try again."))

    def set_up(self, options: dict) -> None:
        """Put one run's options in the form (an exercise's *Set Up*): its network and
        dataset, then its recipe, then any other option."""
        for name in ("architecture", "dataset"):
            if name in options:
                self.form.set_value(name, options[name])
        self.form.dataset_changed()
        self.form.apply_recipe(options.get("recipe", self.form.recipe), options.get("train_images"))
        for name, value in options.items():
            if name not in ("architecture", "dataset", "recipe") and name in self.form.specs:
                self.form.set_value(name, value)
        architecture, dataset = self.form.value("architecture"), self.form.value("dataset")
        recipe = self.form.widgets["recipe"]
        self._say(
            lambda: self.tr("Set up: {0} on {1} with the {2} recipe. Press Train.").format(
                architecture, dataset, recipe.currentText()
            )
        )

    def train_queue(self, runs: list[dict]) -> bool:
        """Train one run after another, each with its options (``runs``: TrainConfig option
        dicts, set in the form in turn); a failed or cancelled run ends the queue."""
        if self.busy or not runs:
            return False
        self.queue = [dict(options) for options in runs]
        return self._next_in_queue()

    def _next_in_queue(self) -> bool:
        if not self.queue or self.busy:
            return False
        self.set_up(self.queue.pop(0))
        started = self.start()
        if not started:
            self.queue = []
        return started
