"""The network's answer in large type — marked when the model doubts it (the input is unlike
anything it was trained on, or it is unsure between classes) —, a test sample's true label
beside it, what to draw when there is nothing to read, the notes on how the input was read (why
to doubt the answer, what the picture shows, what the cleaning removed), and the last thing that
went wrong (until the next input)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from lenet_desktop.analysis.doubt import DOUBT_KINDS
from lenet_desktop.session import Result, Session
from lenet_desktop.ui.follow import follow
from lenet_desktop.ui.translation import (
    Retranslating,
    class_name,
    dataset_prompt,
    error_text,
    note_text,
)
from lenet_desktop.ui.widgets.emphasis import ERROR, emphasise

NOTE_LINES = 3
DOUBT_COLOUR = "#c0392b"
LIVE_COLOUR = "#1f6fb2"


class AnswerView(Retranslating, QWidget):
    """Follows the session's predictions and reports."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.error = QLabel()
        self.error.setWordWrap(True)
        emphasise(self.error, ERROR, bold=True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        self.answer = QLabel()
        self.answer.setTextFormat(Qt.TextFormat.RichText)
        self.answer.setWordWrap(True)
        # A fixed height: a new answer must not re-lay out (and repaint) the whole column. It
        # grows (and shrinks back) only when a line is added below the answer — the live view's
        # or the epoch slider's label, a test sample's true class — and it would not fit.
        self.answer.setFixedHeight(self._least_height())
        self._below = ""
        self.answer.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.answer.linkActivated.connect(self._link)  # a number's digit, clicked
        # The notes: always NOTE_LINES lines high, empty or not, so a note that comes and goes
        # while the learner draws never re-lays out the column.
        self.notes = QLabel()
        self.notes.setObjectName("ReadingNotes")
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        self.notes.setWordWrap(True)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.notes.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * NOTE_LINES + 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.error)
        layout.addWidget(self.answer)
        layout.addWidget(self.notes)
        follow(self, session.predicted, self._predicted)
        follow(self, session.reported, self._reported)
        self.retranslate()

    def retranslate(self) -> None:
        self._show(self.session.result)
        if self.session.error is not None:
            self._reported(self.session.error)

    def _predicted(self, result: Result) -> None:
        self._show(result)

    def _reported(self, error) -> None:
        """The session's complaint (None: the next thing worked, it no longer applies)."""
        if error is None:
            self.error.clear()
            self.error.hide()
            return
        self.error.setText(error_text(error) if isinstance(error, BaseException) else str(error))
        self.error.show()

    def _show(self, result: Result) -> None:
        model = self.session.model
        if model is None:
            self.answer.setText(self.tr("Loading the model…"))
            return
        prediction = result.prediction
        self._show_notes(result if prediction is not None else None)
        if prediction is None:
            self.answer.setText(dataset_prompt(model.dataset))
            return
        if result.number is not None:
            text = self._number(result)
        else:
            text = self.tr(
                "<span style='font-size:28pt; font-weight:bold'>{0}</span> {1:.1f} %"
            ).format(class_name(prediction.label), 100 * prediction.confidence)
        doubt = result.doubt
        if doubt is not None and doubt.unsure and result.number is None:  # a number: per digit
            verdict = self.tr("unlike its training") if doubt.unlike_training else self.tr("unsure")
            style = f"color:{DOUBT_COLOUR}; font-weight:bold"
            text += f" <span style='{style}'>⚠ {escape(verdict)}</span>"
        notebook = model.training.get("notebook") if isinstance(model.training, dict) else None
        if isinstance(notebook, dict):  # a notebook's network, followed as it trains
            line = self.tr("Live from your notebook: {0} · step {1}").format(
                notebook.get("name", "?"), f"{notebook.get('step', 0):,}"
            )
            text += f"<br><span style='color:{LIVE_COLOUR}'>{escape(line)}</span>"
        live = model.training.get("live") if isinstance(model.training, dict) else None
        if isinstance(live, dict):  # an epoch of a run in progress: not the model that stays
            recipes = {
                "quick": self.tr("Quick"),
                "book": self.tr("Book"),
                "custom": self.tr("your own settings"),
            }
            style = f"color:{LIVE_COLOUR}"
            recipe = recipes.get(str(live.get("recipe")), str(live.get("recipe", "")))
            if "run" in live:  # a kept run's epoch, stepped to on the epoch slider
                line = self.tr("Epoch {0} of {1} of the run “{2}” (stepping through it)").format(
                    live.get("epoch", "?"), live.get("epochs", "?"), live["run"]
                )
            else:
                line = self.tr("Live view: epoch {0} of {1} · {2} · {3} — not kept").format(
                    live.get("epoch", "?"), live.get("epochs", "?"), model.architecture, recipe
                )
            text += f"<br><span style='{style}'>{escape(line)}</span>"
        truth = result.true_label
        if truth is not None and result.input is not None:
            verdict = "✓" if truth == prediction.index else "✗"
            text += "<br>" + self.tr("Test sample #{0} · true label: {1} {2}").format(
                result.input.index, class_name(model.dataset.classes[truth]), verdict
            )
        self.answer.setText(text)
        below = text.partition("<br>")[2]  # the lines under the answer: not every stroke's
        if below != self._below:
            self._below = below
            self._fit()

    def _number(self, result: Result) -> str:
        """A whole number: its digits, each a link that shows it in the views (the one shown
        underlined), each one's confidence, and which digit the views show."""
        number = result.number
        assert number is not None
        digits = []
        for index, digit in enumerate(number.digits):
            style = "text-decoration:none; color:palette(text)"
            if index == result.digit:
                style = f"text-decoration:underline; color:{LIVE_COLOUR}"
            digits.append(f"<a href='digit:{index}' style='{style}'>{escape(digit.label)}</a>")
        shares = " ".join(
            self.tr("{0} {1:.0f} %").format(d.label, 100 * d.confidence) for d in number.digits
        )
        text = f"<span style='font-size:28pt; font-weight:bold'>{''.join(digits)}</span> {shares}"
        line = self.tr(
            "Digit {0} of {1} in the views — click a digit, or its number on the canvas, or ←/→"
        ).format(result.digit + 1, len(number.digits))
        text += f"<br><span style='color:{LIVE_COLOUR}'>{escape(line)}</span>"
        doubted = [str(i + 1) for i, d in enumerate(number.digits) if d.doubt.unsure]
        if doubted:  # the doubt of every digit, not only of the one in the views
            unsure = self.tr("unsure about digit {0}").format(", ".join(doubted))
            text += f"<br><span style='color:{DOUBT_COLOUR}'>⚠ {escape(unsure)}</span>"
        if number.unsure_cut:
            unsure = self.tr("A cut between touching digits is unsure")
            text += f"<br><span style='color:{DOUBT_COLOUR}'>⚠ {escape(unsure)}</span>"
        return text

    def _link(self, target: str) -> None:
        kind, _, index = target.partition(":")
        if kind == "digit" and index.isdigit():
            self.session.show_digit(int(index))

    def _least_height(self) -> int:
        return self.fontMetrics().height() * 4 + 8

    def _fit(self) -> None:
        """As tall as the answer's lines need at this width, and never less than four lines."""
        width = self.answer.width()
        if width <= 0:
            return
        needed = max(self._least_height(), self.answer.heightForWidth(width))
        if needed != self.answer.height():
            self.answer.setFixedHeight(needed)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def _show_notes(self, result: Result | None) -> None:
        found = () if result is None else result.notes
        lines = []
        for note in found:
            if note.kind in DOUBT_KINDS:
                colour, mark = DOUBT_COLOUR, "⚠"
            else:
                colour, mark = ("#b9770e", "⚠") if note.warning else ("#5d6d7e", "ℹ")
            lines.append(f"<span style='color:{colour}'>{mark} {escape(note_text(note))}</span>")
        text = "<br>".join(lines)
        height = self.notes.fontMetrics().lineSpacing() * NOTE_LINES + 4
        if self.notes.maximumHeight() != height:  # the type grew (presentation mode)
            self.notes.setFixedHeight(height)
        if text != self.notes.text():  # painting a label costs; most strokes change nothing
            self.notes.setText(text)
            self.notes.setToolTip("\n".join(note_text(note) for note in found))

    @property
    def shown_notes(self) -> str:
        """The notes as the learner reads them (plain text), for tests."""
        return self.notes.toolTip()
