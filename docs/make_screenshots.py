"""Every screenshot in README and docs/, taken from the real window. Part of the routine: run it
after any change a screenshot shows (README says so), and commit the pictures.

Run under a virtual screen from the repository root (Chinese needs a CJK font such as Debian's
fonts-noto-cjk; the datasets are found through $LENET_DATA or ../shared/datasets):

    xvfb-run -a -s "-screen 0 2560x1600x24" python docs/make_screenshots.py          # all
    xvfb-run -a -s "-screen 0 2560x1600x24" python docs/make_screenshots.py main-en  # one
    xvfb-run -a -s "-screen 0 2560x1600x24" python docs/make_screenshots.py --layouts

``--layouts`` runs tests/ui/test_layout.py with its screenshots saved in docs/layout/.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from lenet_desktop.ui.app import create_app, install_translator
from lenet_desktop.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent
REPO = OUT.parent
SEVEN = ([(0.28, 0.22), (0.72, 0.22), (0.46, 0.8)], [(0.38, 0.52), (0.62, 0.52)])
SHOTS: dict[str, Callable] = {}


def shot(name: str):
    def register(function: Callable) -> Callable:
        SHOTS[name] = function
        return function

    return register


def run_window(
    language: str,
    size: tuple[int, int],
    steps: Callable[[MainWindow, Callable[[QWidget, str], None]], None],
    model: str = "mnist",
) -> None:
    """Open the window, call ``steps(window, save)`` once the model is in use; ``save(widget,
    file)`` grabs a widget and, the last time, closes the window."""
    app = QApplication.instance()
    install_translator(language)
    store = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(model=model, settings=store)
    window.resize(*size)
    window.show()

    def save(widget: QWidget, name: str, last: bool = True) -> None:
        app.processEvents()
        widget.grab().save(str(OUT / name))
        print(f"wrote docs/{name}", flush=True)
        if last:
            window.training.stop_and_wait()
            window.close()
            app.quit()

    window.ready.connect(lambda: QTimer.singleShot(300, lambda: steps(window, save)))
    QTimer.singleShot(0, window.finish_startup)
    app.exec()


def draw_seven(window: MainWindow) -> None:
    for points in SEVEN:
        window.canvas.draw_polyline(list(points))


@shot("main-en")
def main_en() -> None:
    def steps(window, save):
        draw_seven(window)
        QTimer.singleShot(300, lambda: save(window, "screenshot-en.png"))

    run_window("en", (1400, 860), steps)


@shot("main-zh")
def main_zh() -> None:
    def steps(window, save):
        draw_seven(window)
        QTimer.singleShot(300, lambda: save(window, "screenshot-zh_CN.png"))

    run_window("zh_CN", (1400, 860), steps)


# A letter A as a learner draws it on the canvas (issue 35: flagged beside the answer).
LETTER_A = ([(0.25, 0.82), (0.5, 0.18), (0.75, 0.82)], [(0.35, 0.6), (0.65, 0.6)])


def doubt_steps(language: str, name: str):
    """A letter A drawn on the canvas: the answer marked "unlike anything it was trained on",
    and why, in the notes."""

    def steps(window, save):
        window.canvas_panel.brush_slider.setValue(24)
        for points in LETTER_A:
            window.canvas.draw_polyline(list(points))
        QTimer.singleShot(300, lambda: save(window, name))

    return steps


@shot("doubt-en")
def doubt_en() -> None:
    run_window("en", (1366, 768), doubt_steps("en", "doubt-en.png"))


@shot("doubt-zh")
def doubt_zh() -> None:
    run_window("zh_CN", (1366, 768), doubt_steps("zh_CN", "doubt-zh_CN.png"))


@shot("training")
def training() -> None:
    """The Training panel in the middle of its second epoch, live view on."""

    def steps(window, save):
        panel = window.training
        window.toggle_training()
        panel.form.widgets["epochs"].setValue(3)
        panel.start()
        draw_seven(window)

        def wait() -> None:
            progress = panel.training.progress
            if (
                progress is not None and progress.epoch == 2 and progress.step > 12
            ) or not panel.busy:
                save(window, "training-en.png")
            else:
                QTimer.singleShot(250, wait)

        QTimer.singleShot(250, wait)

    run_window("en", (1400, 1000), steps)


@shot("results")
def results() -> None:
    """A finished Fashion-MNIST run's Results tab: the confusion matrix, full class names, and
    the misclassified images."""

    def steps(window, save):
        panel = window.training
        window.toggle_training()
        panel.form.widgets["dataset"].setCurrentIndex(
            panel.form.widgets["dataset"].findData("fashion-mnist")
        )
        panel.form.widgets["epochs"].setValue(1)
        panel.ended.connect(
            lambda how: QTimer.singleShot(300, lambda: save(panel, "results-en.png"))
        )
        panel.start()

    run_window("en", (1400, 1000), steps, model="fashion-mnist")


def stepping_steps(language: str):
    """Issue 38: a 6-epoch run finished, a 7 drawn, the Results tab's slider moved back to epoch
    2 (the main view showing that epoch's network, the curves marking it); then the history of
    one C1 kernel at every epoch."""
    os.environ["LENET_RUNS"] = tempfile.mkdtemp(prefix="lenet-runs-")

    def steps(window, save):
        panel = window.training
        window.toggle_training()
        window.resizeDocks([panel], [330], Qt.Orientation.Vertical)
        panel.form.widgets["epochs"].setValue(6)
        panel.form.live_box.setChecked(False)
        draw_seven(window)

        def finished(_how: str) -> None:
            panel.results.epochs.show_epoch(2)
            QTimer.singleShot(700, lambda: save(window, f"steps-{language}.png", last=False))
            QTimer.singleShot(1100, history)

        def history() -> None:
            dialog = window.kernels.enlarge(("C1", 0, 3, 0, 0))
            dialog.resize(1000, 300)
            QTimer.singleShot(600, lambda: save(dialog, f"kernel-history-{language}.png"))

        panel.ended.connect(lambda how: QTimer.singleShot(400, lambda: finished(how)))
        panel.start()

    return steps


def live_steps(language: str):
    """Issue 39: the book's LeNet trained in another process with live.watch(net) (the loss and
    accuracy logged), the window following it on a drawn 7; the last copy shown."""
    os.environ["LENET_DESKTOP_LIVE_DIR"] = tempfile.mkdtemp(prefix="lenet-live-")

    def steps(window, save):
        draw_seven(window)
        command = [sys.executable, "-m", "benchmarks.live_notebook", "--images", "16384"]
        command += ["--epochs", "4", "--watch", "--every", "0.3", "--log"]
        process = subprocess.Popen(command, cwd=Path(__file__).resolve().parents[1])

        def wait() -> None:
            if process.poll() is None:
                QTimer.singleShot(200, wait)
                return
            window.resizeDocks([window.notebook.dock], [330], Qt.Orientation.Vertical)
            QTimer.singleShot(1200, lambda: save(window, f"live-{language}.png"))

        wait()

    return steps


@shot("live-en")
def live_en() -> None:
    run_window("en", (1400, 1000), live_steps("en"))


@shot("live-zh")
def live_zh() -> None:
    run_window("zh_CN", (1400, 1000), live_steps("zh_CN"))


def number_steps(language: str):
    """Issue 40: 2026 written on the canvas, read digit by digit; the 0 chosen, so the views
    show the 0's 28×28 input and maps."""

    def steps(window, save):
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
        from helpers.number_strokes import number_strokes

        for stroke in number_strokes("2026"):
            window.canvas.draw_polyline(stroke)
        window.session.show_digit(1)
        QTimer.singleShot(600, lambda: save(window, f"number-{language}.png"))

    return steps


@shot("number-en")
def number_en() -> None:
    run_window("en", (1400, 860), number_steps("en"))


@shot("number-zh")
def number_zh() -> None:
    run_window("zh_CN", (1400, 860), number_steps("zh_CN"))


@shot("steps-en")
def steps_en() -> None:
    run_window("en", (1400, 1000), stepping_steps("en"))


@shot("steps-zh")
def steps_zh() -> None:
    run_window("zh_CN", (1400, 1000), stepping_steps("zh_CN"))


def exercise_steps(language: str):
    """The pooling exercise trained from the Exercises tab (Quick recipe), then: the tab with
    its results filled in, the Runs tab docked, and the two runs compared, at 1280×800."""
    os.environ["LENET_RUNS"] = tempfile.mkdtemp(prefix="lenet-runs-")

    def steps(window, save):
        panel = window.training
        window.toggle_training()
        window.resizeDocks([panel], [380], Qt.Orientation.Vertical)
        view = panel.exercises
        panel.tabs.setCurrentWidget(view)
        view.select("pooling")
        view.recipe_box.setCurrentIndex(view.recipe_box.findData("quick"))
        panel.form.live_box.setChecked(False)

        def finished(how: str) -> None:
            if panel.training.queue or panel.busy:
                return
            panel.tabs.setCurrentWidget(view)
            QTimer.singleShot(500, lambda: save(window, f"exercises-{language}.png", last=False))
            QTimer.singleShot(900, show_runs)

        def show_runs() -> None:
            panel.tabs.setCurrentWidget(panel.runs_view)
            QTimer.singleShot(400, lambda: save(window, f"runs-{language}.png", last=False))
            QTimer.singleShot(800, compare)

        def compare() -> None:
            comparison = panel.runs_view.open_comparison()
            comparison.resize(1200, 780)
            QTimer.singleShot(800, lambda: save(comparison, f"compare-{language}.png"))

        panel.ended.connect(lambda how: QTimer.singleShot(300, lambda: finished(how)))
        view.train_button.click()

    return steps


@shot("exercises-en")
def exercises_en() -> None:
    run_window("en", (1280, 800), exercise_steps("en"))


@shot("exercises-zh")
def exercises_zh() -> None:
    run_window("zh_CN", (1280, 800), exercise_steps("zh_CN"))


def presentation_steps(language: str):
    """Presentation mode (F11) with the explanation panel on a C3 value, at 1600×1000."""

    def steps(window, save):
        from lenet_desktop.session import Unit

        draw_seven(window)
        window.menu_actions["presentation"].trigger()
        window.session.select(Unit("C3", 4, 5, 5))
        QTimer.singleShot(900, lambda: save(window, f"presentation-{language}.png"))

    return steps


@shot("presentation-en")
def presentation_en() -> None:
    run_window("en", (1600, 1000), presentation_steps("en"))


@shot("presentation-zh")
def presentation_zh() -> None:
    run_window("zh_CN", (1600, 1000), presentation_steps("zh_CN"))


@shot("editor")
def editor() -> None:
    """The architecture editor, with an impossible C3 kernel marked red."""

    def steps(window, save):
        window.tabs.setCurrentWidget(window.editor)
        window.editor.load_preset("d2l")
        c3 = 3
        window.editor.table.cellWidget(c3, 5).setValue(15)  # its kernel
        QTimer.singleShot(300, lambda: save(window.tabs, "editor-en.png"))

    run_window("en", (1400, 900), steps)


@shot("rbf")
def rbf() -> None:
    """LeNet-5's output: F6 as 7×12 beside each class's ±1 code, on a drawn 7."""

    def steps(window, save):
        draw_seven(window)
        window.tabs.setCurrentWidget(window.rbf)
        QTimer.singleShot(400, lambda: save(window.rbf.picture, "rbf-en.png"))  # all ten codes

    run_window("en", (1900, 900), steps, model="lenet5")


@shot("reliability")
def reliability() -> None:
    """The shipped Fashion-MNIST model's reliability diagram, as `evaluate --plot` draws it."""
    from lenet_desktop.cli import main as cli

    cli(["evaluate", "--model", "fashion-mnist", "--plot", str(OUT / "reliability-en.png")])


@shot("maps")
def maps() -> None:
    """The feature maps, down to the batch-norm rows and the fully connected vectors."""

    def steps(window, save):
        draw_seven(window)
        window.maps.scroll_area.verticalScrollBar().setValue(10_000)
        QTimer.singleShot(300, lambda: save(window.tabs, "maps-vectors-en.png"))

    run_window("en", (1400, 1000), steps)


def explain_steps(language: str):
    def steps(window, save):
        from lenet_desktop.session import Unit

        draw_seven(window)
        window.session.select(Unit("C3", 4, 5, 4))
        window.menu_actions["attribution"].setChecked(True)

        def when_computed() -> None:  # the explanation and the attribution come off-thread
            if window.analyst.busy:
                QTimer.singleShot(100, when_computed)
            else:
                QTimer.singleShot(200, lambda: save(window, f"explain-{language}.png"))

        QTimer.singleShot(100, when_computed)

    return steps


@shot("explain-en")
def explain_en() -> None:
    """The explanation panel on a C3 cell of a drawn 7, its receptive field outlined, and which
    pixels decided."""
    run_window("en", (1800, 1000), explain_steps("en"))


@shot("explain-zh")
def explain_zh() -> None:
    run_window("zh_CN", (1800, 1000), explain_steps("zh_CN"))


def sandbox_steps(language: str):
    def steps(window, save):
        from lenet_desktop.ui.tools.sandbox import show_sandbox

        dialog = show_sandbox(window)
        dialog.lessons.setCurrentRow(0)
        dialog.hover = (0, 1, 0)
        dialog._fill()

        def finish() -> None:
            save(dialog, f"sandbox-{language}.png", last=False)
            dialog.close()
            window.training.stop_and_wait()
            window.close()
            QApplication.instance().quit()

        QTimer.singleShot(400, finish)

    return steps


@shot("sandbox-en")
def sandbox_en() -> None:
    run_window("en", (1400, 860), sandbox_steps("en"))


@shot("sandbox-zh")
def sandbox_zh() -> None:
    run_window("zh_CN", (1400, 860), sandbox_steps("zh_CN"))


def notebook_steps(language: str):
    """A tanh LeNet trained a few hundred steps, saved as lenet.params and opened: tanh with
    average or with max pooling read the test images about as well, so the app asks, showing
    each one's score; then the code of the one chosen."""

    def steps(window, save):
        import torch

        sys.path.insert(0, str(REPO / "tests"))
        from helpers.notebook_nets import tanh_lenet, train

        from lenet_desktop.data.datasets import FASHION_MNIST, find_folder, load_split

        folder = find_folder(FASHION_MNIST)
        if folder is None:
            raise SystemExit("the notebook screenshots need the Fashion-MNIST files")
        split = load_split(folder, FASHION_MNIST, "train")
        torch.manual_seed(7)
        net = train(tanh_lenet(), split.images, split.labels, 200,
                    lambda p: torch.optim.SGD(p, lr=0.1), batch=64)  # fmt: skip
        path = Path(tempfile.mkdtemp()) / "lenet.params"
        torch.save(net.state_dict(), path)
        window.loader.load(str(path))

        def when_asked() -> None:
            dialog = getattr(window.loader, "import_dialog", None)
            if dialog is None or not dialog.isVisible():
                QTimer.singleShot(100, when_asked)
                return
            save(dialog, f"import-{language}.png", last=False)
            window.loader.loaded.connect(lambda _: QTimer.singleShot(300, show_code))
            dialog.accept()

        def show_code() -> None:
            window.show_table()
            window.show_code()
            from lenet_desktop.ui.tools.code_view import CodeDialog

            QTimer.singleShot(
                300, lambda: save(window.findChild(CodeDialog), f"code-{language}.png")
            )

        QTimer.singleShot(200, when_asked)

    return steps


@shot("notebook-en")
def notebook_en() -> None:
    """Opening the book's lenet.params: the candidates dialog, then Show PyTorch Code."""
    run_window("en", (1400, 900), notebook_steps("en"))


@shot("notebook-zh")
def notebook_zh() -> None:
    run_window("zh_CN", (1400, 900), notebook_steps("zh_CN"))


def layouts() -> int:
    folder = OUT / "layout"
    folder.mkdir(exist_ok=True)
    env = dict(os.environ, LENET_SCREENSHOTS=str(folder), QT_QPA_PLATFORM="xcb")
    test = REPO / "tests" / "ui" / "test_layout.py"
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(test)]
    return subprocess.call(command, cwd=REPO, env=env)


def main(argv: list[str]) -> int:
    if "--layouts" in argv:
        return layouts()
    create_app()
    for name in argv or list(SHOTS):
        if name not in SHOTS:
            print(f"unknown screenshot {name!r} (known: {', '.join(SHOTS)})", file=sys.stderr)
            return 2
        SHOTS[name]()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
