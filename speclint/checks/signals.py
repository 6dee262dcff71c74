"""The base of the rules that report what a document reader found beyond the text (its signals).

The .docx and .pdf readers hand over tracked changes, comments, highlights, redline marks and
the like as ``SourceText.signals``; a rule built on :class:`SignalRule` reports the signals of
its ``signal_kinds`` at their place in the text view, on files its ``needs_source`` reader made.
A .txt file has no signals, so these rules never fire on one: tests/test_rule_examples.py skips
their "fire" examples, and tests/test_docx.py and tests/test_pdf.py fire them on real documents.
"""

from __future__ import annotations

from speclint.engine.context import RuleContext
from speclint.engine.rule import PythonRule


class SignalRule(PythonRule):
    category = "markup"
    severity = "error"
    signal_kinds: tuple[str, ...] = ()
    needs_source = ""  # the reader whose signals this rule reports: "docx" or "pdf"

    def check(self, ctx: RuleContext):
        if ctx.source.kind != self.needs_source:
            return
        for signal in ctx.source.signals:
            if signal.kind not in self.signal_kinds:
                continue
            message = self.message.format(detail=signal.detail)
            if signal.column == 0:
                yield ctx.file_violation(self, message)
                continue
            end_line = signal.end_line or signal.line
            yield ctx.violation(self, signal.line, signal.column, end_line, max(signal.end_column, signal.column), message)
