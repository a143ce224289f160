"""The window's words: engine texts translated where they are shown, and widgets that redo their
strings when the language changes.

The engine writes class names, architecture titles, prompts and error messages in English,
marked with ``QT_TRANSLATE_NOOP`` (see :mod:`lenet_desktop.messages`); these functions look them
up in the installed translation.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from lenet_desktop.messages import ERRORS, SOURCE_LANGUAGE, TRANSLATED, LocalizedError


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def model_architecture_title(bundle) -> str:
    """The title of a model's network: a preset's, or its own spec's."""
    spec = getattr(bundle, "spec", None)
    return architecture_title(bundle.architecture, getattr(spec, "title", None))


def class_name(name: str) -> str:
    """A class name as the window shows it (Fashion-MNIST's are translated; digits stay)."""
    return QCoreApplication.translate("classes", name)


def class_names(classes: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(class_name(c) for c in classes)


def architecture_title(name: str, fallback: str | None = None) -> str:
    """A preset's title in the window's language; for a learner's own network, ``fallback``
    (its spec's title) or its name."""
    from lenet_desktop.options import ARCHITECTURE_TITLES  # deferred: off the first paint

    title = ARCHITECTURE_TITLES.get(name)
    return QCoreApplication.translate("architectures", title) if title else (fallback or name)


def network_words(spec) -> str:
    """``sigmoid + average pooling`` (+ batch norm) in the window's language: what shapes
    cannot tell of a notebook's network."""
    from lenet_desktop.specs.layer_types import SPEC_TYPES  # deferred: off the first paint

    kinds = [layer.type for layer in spec.layers]
    words = [
        QCoreApplication.translate("layer types", SPEC_TYPES[k].word)
        for k in (
            next((k for k in kinds if SPEC_TYPES[k].kind == "activation"), None),
            next((k for k in kinds if SPEC_TYPES[k].kind == "pool"), None),
            "batchnorm" if "batchnorm" in kinds else None,
        )
        if k is not None
    ]
    return " + ".join(words)


def trial_text(trial) -> str:
    """One network tried on the test images, with its score (files.trying.Trial)."""
    from lenet_desktop.data.datasets import dataset_info  # deferred: off the first paint

    scale = (
        QCoreApplication.translate("notebook", "[0, 1] input (ToTensor)")
        if trial.scale == "unit"
        else QCoreApplication.translate("notebook", "standardised input")
    )
    return QCoreApplication.translate(
        "notebook", "{0}, {1}, {2}: {3:.0f} % of {4} test images"
    ).format(
        network_words(trial.candidate.spec),
        dataset_info(trial.dataset).title,
        scale,
        100 * trial.accuracy,
        trial.images,
    )


def found_text(finding) -> str:
    """What trying a notebook's weights found, in one line."""
    text = QCoreApplication.translate("notebook", "Found by trying it: {0}.").format(
        trial_text(finding.best)
    )
    if finding.verdict == "likeliest":
        text += " " + QCoreApplication.translate(
            "notebook",
            "Others read the test images about as well; the book's own network was kept.",
        )
    return text


def dataset_prompt(info) -> str:
    """What to draw for a model trained on ``info`` (a DatasetInfo)."""
    names = ", ".join(class_names(info.classes))
    return QCoreApplication.translate("prompts", info.prompt).format(classes=names)


def error_text(error: BaseException) -> str:
    """An engine error in the window's language: its sentence translated, its values kept (a
    run that diverged: what its figures say)."""
    diagnosis = getattr(error, "diagnosis", None)
    if diagnosis is not None:
        return diagnosis_text(diagnosis)
    if isinstance(error, LocalizedError):
        template = QCoreApplication.translate(ERRORS, error.template)
        values = {
            key: error_text(value) if isinstance(value, LocalizedError) else value
            for key, value in error.values.items()
        }  # an error that carries the error behind it: both translated
        prefix = getattr(error, "path", None)  # a spec error read from a file names it
        prefix = f"{prefix}: " if prefix is not None and "{path}" not in error.template else ""
        try:
            return prefix + template.format(**values)
        except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
            return str(error)
    return str(error)


def diagnosis_text(diagnosis) -> str:
    """What a run's figures say went wrong (:class:`training.diagnosis.Diagnosis`), in the
    window's language."""
    return diagnosis.translated(QCoreApplication.translate) or diagnosis.text


def diagnosis_fix_text(diagnosis) -> str:
    """The words of a diagnosis's fix button, in the window's language."""
    return diagnosis.translated_fix(QCoreApplication.translate) or diagnosis.fix_text


def duration(seconds: float) -> str:
    """A duration as a person says it ("about 3 min"), in the window's language."""
    from lenet_desktop.training.estimate import duration_text  # deferred: off the first paint

    template, values = duration_text(seconds)
    return QCoreApplication.translate("durations", template).format(**values)


def note_text(note) -> str:
    """A note on how the input was read (:class:`analysis.reading.Note`) in the window's
    language, its class names too."""
    return note.translated(QCoreApplication.translate) or note.text


class Retranslating:
    """Mixin for a QWidget whose ``retranslate()`` sets every string it shows: called again
    whenever the application's language changes."""

    def retranslate(self) -> None:  # pragma: no cover - each widget has its own
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]


_translators: list[QTranslator] = []


def resources_dir() -> Path:
    """Translations and icons (:func:`lenet_desktop.paths.places.resources_folder`)."""
    from lenet_desktop.paths.places import resources_folder  # deferred: off the first paint

    return resources_folder()


def install_translator(code: str = "system") -> str:
    """Install the translation for ``code`` (``system`` or a code of
    :data:`lenet_desktop.messages.LANGUAGES`); returns the language in use. Qt then sends every
    window a LanguageChange event."""
    app = QApplication.instance()
    assert app is not None, "create the QApplication first"
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    locale = QLocale.system() if code == "system" else QLocale(code)
    for language in TRANSLATED:
        if QLocale(language).language() != locale.language():
            continue
        ours = QTranslator(app)
        if ours.load(str(resources_dir() / "i18n" / f"lenet_desktop_{language}.qm")):
            app.installTranslator(ours)
            _translators.append(ours)
        qt = QTranslator(app)
        if qt.load(
            locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            app.installTranslator(qt)
            _translators.append(qt)
        return language
    return SOURCE_LANGUAGE
