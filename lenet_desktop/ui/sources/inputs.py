"""Where inputs come from besides the canvas: an opened, dropped or pasted picture and a random
test sample (of any class, or of one the learner picks). Each becomes one session input and goes
through the one preprocessing path the command line uses, so a file gives the same input image
however it arrives."""

from __future__ import annotations

import io
import random
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMimeData, QObject, QSettings
from PySide6.QtGui import QAction, QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from lenet_desktop.files.model_files import MODEL_SUFFIXES
from lenet_desktop.session import Input, Session
from lenet_desktop.ui.follow import follow
from lenet_desktop.ui.tasks import Runner
from lenet_desktop.ui.translation import class_name, error_text

IMAGE_FILTER = "*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp *.ppm *.pgm"


def qimage_to_picture(image: QImage):
    """A QImage as the Pillow image its PNG encoding decodes to: the pixels a file of the same
    picture would give (lossless), read by the same decoder as files."""
    from PIL import Image  # deferred: Pillow

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # (the stubs say bytes; Qt takes str)
    picture = Image.open(io.BytesIO(buffer.data().data()))
    picture.load()
    return picture


class InputSources(QObject):
    """Puts pictures and test samples in the session; problems are reported to the session."""

    def __init__(
        self, session: Session, settings: QSettings, window: QMainWindow, load_model
    ) -> None:
        super().__init__(window)
        self.session = session
        self.settings = settings
        self.window = window
        self.load_model = load_model
        self.runner: Runner | None = None
        self.class_menu: QMenu | None = None
        self._splits: dict = {}
        follow(self, session.model_changed, lambda _: self._rebuild_class_menu())
        follow(self, session.previewed, lambda _: self._rebuild_class_menu())

    # -- pictures --------------------------------------------------------------------------------
    def show_picture(self, picture, name: str = "") -> bool:
        """Put a picture (Pillow image or array) in use; a blank one is reported, not used."""
        try:
            result = self.session.offer(Input("picture", picture, name=name))
        except (ValueError, OSError) as exc:
            self.session.report(error_text(exc))
            return False
        except MemoryError:
            self.session.report(self.tr("The picture is too large for the memory left."))
            return False
        if result.prepared is not None and result.prepared.empty:
            self.session.report(self.tr("The picture is blank: no drawing found."))
            return False
        return True

    def open_image(self, path: str) -> bool:
        from lenet_desktop.data.pictures import ImageReadError, load_image  # deferred: Pillow

        try:
            picture = load_image(path)
        except ImageReadError as exc:
            self.session.report(error_text(exc))
            return False
        return self.show_picture(picture, name=path)

    def open_image_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open Image"),
            str(Path.home()),
            self.tr("Images ({0});;All files (*)").format(IMAGE_FILTER),
        )
        if path:
            self.open_image(path)

    def open_path(self, path: str) -> bool:
        """A dropped or pasted file: a model file opens as the model, anything else as an
        image."""
        if path.lower().endswith(MODEL_SUFFIXES):
            self.load_model(path)
            return True
        return self.open_image(path)

    def open_mime(self, mime: QMimeData | None) -> bool:
        """A drop or the clipboard: the first local file, else the image it carries."""
        if mime is None:
            return False
        if mime.hasUrls():
            for url in mime.urls():
                if url.isLocalFile():
                    return self.open_path(url.toLocalFile())
        if mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                return self._show_qimage(image)
        return False

    def paste(self) -> bool:
        clipboard = QGuiApplication.clipboard()
        mime = clipboard.mimeData()
        if mime is not None and (mime.hasUrls() or mime.hasImage()):
            return self.open_mime(mime)  # it says what went wrong, if anything did
        image = clipboard.image()
        if image.isNull():
            self.session.report(self.tr("The clipboard holds no image."))
            return False
        return self._show_qimage(image)

    def _show_qimage(self, image: QImage) -> bool:
        """A pasted or dropped image, refused (and said) when larger than a file may be."""
        from lenet_desktop.data.pictures import MAX_PIXELS  # deferred: Pillow

        if image.width() * image.height() > MAX_PIXELS:
            self.session.report(
                self.tr(
                    "The image is too large ({0}×{1} pixels; the limit is {2} megapixels)."
                ).format(image.width(), image.height(), MAX_PIXELS // 1_000_000)
            )
            return False
        return self.show_picture(qimage_to_picture(image))

    # -- test samples ----------------------------------------------------------------------------
    def random_sample(self, class_index: int | None = None) -> bool:
        """Show a random test image of the model's dataset (of one class if given), exactly as
        the network saw it in training, with its true label."""
        model = self.session.model
        if model is None:
            return False
        from lenet_desktop.data.datasets import DatasetError  # deferred: off the first paint

        info = model.dataset
        split = self._splits.get(info.name)
        if split is None:
            try:
                split = self._find_split(info)
            except DatasetError as exc:
                return self._offer_data(info, exc, class_index)
            self._splits[info.name] = split
        labels = split.labels.numpy()
        choices = range(len(split)) if class_index is None else (labels == class_index).nonzero()[0]
        if len(choices) == 0:
            self.session.report(self.tr("The test split has no image of that class."))
            return False
        index = int(random.choice(list(choices)))
        self.session.show(
            Input(
                "sample",
                split.images[index].numpy(),
                dataset=info.name,
                label=int(labels[index]),
                index=index,
            )
        )
        return True

    def _find_split(self, info):
        from lenet_desktop.data.datasets import find_test_split  # deferred: off the first paint

        preferred = self.settings.value(f"data/{info.name}", "")
        return find_test_split(
            info, preferred if isinstance(preferred, str) and preferred else None
        )

    def _offer_data(self, info, error, class_index) -> bool:
        """No test files found: say where it looked, offer to download them or to choose their
        folder, and remember the answer. True when a sample is shown now."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Test images not found"))
        box.setText(self.tr("The {0} test images are not on this computer yet.").format(info.title))
        box.setInformativeText(error_text(error))
        download = box.addButton(self.tr("Download"), QMessageBox.ButtonRole.AcceptRole)
        choose = box.addButton(self.tr("Choose Folder…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is choose:
            return self.choose_data_folder(info, class_index)
        if box.clickedButton() is download:
            self.download(info, class_index)  # a sample is shown when the download is done
        return False

    def choose_data_folder(self, info, class_index: int | None = None) -> bool:
        from lenet_desktop.data.datasets import holds  # deferred: off the first paint

        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Folder of the {0} files").format(info.title), str(Path.home())
        )
        if not folder:
            return False
        if not holds(folder, info):
            self.session.report(
                self.tr(
                    "{0}: no {1} test files there (t10k-images-idx3-ubyte[.gz] and "
                    "t10k-labels-idx1-ubyte[.gz])"
                ).format(folder, info.title)
            )
            return False
        self.settings.setValue(f"data/{info.name}", folder)
        self._splits.pop(info.name, None)
        return self.random_sample(class_index)

    def download(self, info, class_index: int | None = None) -> None:
        from lenet_desktop.data.download import download  # deferred: off the first paint

        if self.runner is None:
            self.runner = Runner(self)
        self.window.statusBar().showMessage(self.tr("Downloading {0}…").format(info.title))

        def done(root) -> None:
            self.window.statusBar().clearMessage()
            self.settings.setValue(f"data/{info.name}", str(root))
            self._splits.pop(info.name, None)
            self.random_sample(class_index)

        def failed(error) -> None:
            self.window.statusBar().clearMessage()
            self.session.report(error_text(error))

        self.runner.run(lambda: download(info), done, failed)

    def build_class_menu(self, file_menu: QMenu, before: QAction) -> None:
        """File ▸ Random Test Sample of ▸ each class of the model's dataset."""
        self.class_menu = QMenu(file_menu)
        file_menu.insertMenu(before, self.class_menu)
        self._rebuild_class_menu()

    def retranslate(self) -> None:
        if self.class_menu is not None:
            self.class_menu.setTitle(self.tr("Random Test Sample &of"))
        self._rebuild_class_menu()

    def _rebuild_class_menu(self) -> None:
        menu = self.class_menu
        if menu is None:
            return
        menu.clear()
        model = self.session.model
        if model is None:
            menu.setEnabled(False)
            return
        menu.setEnabled(True)
        for index, name in enumerate(model.dataset.classes):
            action = menu.addAction(class_name(name))
            action.triggered.connect(lambda checked=False, i=index: self.random_sample(i))

    def stop(self) -> None:
        if self.runner is not None:
            self.runner.stop()
