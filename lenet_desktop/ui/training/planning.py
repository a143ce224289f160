"""What the Training panel does to its options on behalf of a recipe, a diagnosis and the
Exercises tab: log what a recipe set, take a diagnosis's fix, and set one run's options up (the
queue of runs itself is the training session's)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from lenet_desktop.ui.training.options_form import OptionsForm
from lenet_desktop.ui.training.status import RunStatus
from lenet_desktop.ui.translation import translate


class RunPlanner(QObject):
    """Sets ``form``'s options; says so with ``say(text or function)`` (the message under the
    progress bar) and ``status``' log."""

    def __init__(
        self,
        form: OptionsForm,
        status: RunStatus,
        say: Callable[..., None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.form, self.status, self.say = form, status, say
        form.recipe_applied.connect(self.recipe_applied)

    def recipe_applied(self, recipe: str) -> None:
        if recipe == "custom":
            return
        from lenet_desktop.training.recipes import FAMILIES, family  # deferred: off the first paint

        config = self.form.values()
        kind = translate("recipes", FAMILIES[family(str(config["architecture"]))])
        self.status.log(
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
        self.say(lambda: self.tr("Options changed as suggested: press Train to try again."))

    def set_up(self, options: dict) -> None:
        """Put one run's options in the form (an exercise's *Set Up*): its network and
        dataset, then its recipe, then any other option."""
        form = self.form
        for name in ("architecture", "dataset"):
            if name in options:
                form.set_value(name, options[name])
        form.dataset_changed()
        form.apply_recipe(options.get("recipe", form.recipe), options.get("train_images"))
        for name, value in options.items():
            if name not in ("architecture", "dataset", "recipe") and name in form.specs:
                form.set_value(name, value)
        architecture, dataset = form.value("architecture"), form.value("dataset")
        recipe = form.widgets["recipe"]
        self.say(
            lambda: self.tr("Set up: {0} on {1} with the {2} recipe. Press Train.").format(
                architecture, dataset, recipe.currentText()
            )
        )
