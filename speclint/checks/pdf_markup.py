"""M630-M634, X910, X911: what only the PDF shows — redline strike-through and underline, highlights,
review annotations and notes, repeated page headers and footers, pages without a text layer.

The .pdf reader (speclint/read/pdf.py) finds these and hands them over as signals; each rule here
reports the signals of one kind at their place in the text view. A .txt file has no signals, so
these rules never fire on one: their "fire" examples are PDFs drawn in tests/test_pdf.py, and
``needs_source = "pdf"`` tells tests/test_rule_examples.py so.
"""

from __future__ import annotations

from speclint.checks.signals import SignalRule
from speclint.engine.rule import register

_PASSING = ("DEFINITION\nUnder general direction, operates and maintains the water treatment plant of the District.\n",)
_FIRE_NOTE = "(fires only on a .pdf document: tests/test_pdf.py draws one)"


class _PdfSignalRule(SignalRule):
    needs_source = "pdf"  # fires only on a .pdf: its fire examples are PDFs drawn in tests/test_pdf.py
    fire = (_FIRE_NOTE,)
    passing = _PASSING


@register
class PdfStruckText(_PdfSignalRule):
    code = "M630"
    name = "pdf-struck-text"
    signal_kinds = ("pdf-strike",)
    message = (
        "Struck-through text in the PDF: {detail}. A redline's deletion is still printed; "
        "accept the changes in the Word file (or delete the words) and make the PDF again."
    )
    description = """
    Why: a redline PDF shows deleted wording with a line through it. The words
    are still in the PDF's text, so anyone who copies, searches or reads it
    aloud gets them as if they were meant, and a board may approve a spec whose
    edits were never settled. speclint finds the drawn line through the middle
    of each letter. Fix: accept or reject the changes in the source document,
    then export a clean PDF.
    """


@register
class PdfUnderlinedInsertion(_PdfSignalRule):
    code = "M631"
    name = "pdf-underlined-insertion"
    signal_kinds = ("pdf-underline",)
    message = (
        "Underlined text in a redline PDF: {detail}. In a redline, underline marks inserted wording "
        "that is not yet accepted; accept the changes in the Word file and make the PDF again."
    )
    description = """
    Why: redlines print inserted wording underlined. Reported only when the
    PDF is a redline (it also has struck-through text or review annotations),
    because plain underlined headings are common. Fix: accept or reject the
    changes in the source document, then export a clean PDF.
    """


@register
class PdfHighlightedText(_PdfSignalRule):
    code = "M632"
    name = "pdf-highlighted-text"
    severity = "warning"
    signal_kinds = ("pdf-highlight",)
    message = (
        "Highlighted text in the PDF: {detail}. A highlight marks something still to check; "
        "settle it, remove the highlight in the source document and make the PDF again."
    )
    description = """
    Why: reviewers highlight wording they question. A published spec with a
    coloured highlight looks unfinished, and the question behind it was
    probably never answered. Grey table shading is not reported. Fix: resolve
    the wording, remove the highlight in the source, export again.
    """


@register
class PdfReviewAnnotation(_PdfSignalRule):
    code = "M633"
    name = "pdf-review-annotation"
    signal_kinds = ("pdf-annotation",)
    message = (
        "Review mark left in the PDF: {detail}. Make the change it asks for in the source document, "
        "or delete the mark in your PDF reader (Comments pane), then save."
    )
    description = """
    Why: a reviewer's strike-out, underline, highlight, squiggle or insertion
    caret added in a PDF reader is a proposed change that the text does not
    yet have. Published as it is, the spec shows the markup and says what it
    said before. Fix: make the change in the source and export again, or
    delete the mark.
    """


@register
class PdfComment(_PdfSignalRule):
    code = "M634"
    name = "pdf-comment"
    signal_kinds = ("pdf-comment",)
    message = "Reviewer note left in the PDF: {detail}. Answer it, then delete the note in your PDF reader (Comments pane) and save."
    description = """
    Why: a sticky note or a typed comment on a PDF is for drafting; left in,
    it travels with the published spec and its question is likely unanswered.
    Fix: do what the note asks in the source document, then delete the note.
    """


@register
class PdfPageHeader(_PdfSignalRule):
    code = "X910"
    name = "pdf-page-header"
    category = "format"
    severity = "info"
    signal_kinds = ("page-furniture",)
    message = "Page header or footer {detail}: read once and left out of the text that is linted."
    description = """
    Why: a PDF repeats its running header and footer (the agency, the class
    title, "Page 2 of 4") on every page. speclint recognises a line that
    recurs at the same height at the top or bottom of most pages (page numbers
    aside), leaves it out of the text it lints and names it here once, so you
    can check nothing of the spec was taken for a header. Nothing to fix.
    """


@register
class PdfNoTextLayer(_PdfSignalRule):
    code = "X911"
    name = "pdf-no-text-layer"
    category = "format"
    signal_kinds = ("no-text-layer",)
    message = (
        "No text layer: {detail}, so speclint could not read or check it. "
        "Export the PDF from the source document, or run text recognition (OCR) on the scan first."
    )
    description = """
    Why: a scanned spec is a picture of text. Nothing in it can be searched,
    read aloud by a screen reader or checked, so a linter that passes it says
    nothing about it. Reported once for the file, naming the pages. Fix:
    export the PDF from Word (File > Save As > PDF), or run OCR on the scan.
    """
