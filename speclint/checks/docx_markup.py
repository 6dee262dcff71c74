"""M620-M629: what only the Word file shows — unaccepted tracked changes, comments, highlights,
struck-through and hidden text, leftover fields, Track Changes still on.

The .docx reader (speclint/read/docx.py) finds these and hands them over as signals; each rule
here reports the signals of one kind at their place in the text view. A .txt file has no
signals, so these rules never fire on one: their "fire" examples are Word documents built in
tests/test_docx.py, and ``needs_source = "docx"`` tells tests/test_rule_examples.py so.
"""

from __future__ import annotations

from speclint.checks.signals import SignalRule
from speclint.engine.rule import register

_PASSING = ("DEFINITION\nUnder general direction, plans and supervises the billing work of the District.\n",)
_FIRE_NOTE = " (Fires only on a Word .docx file: tests/test_docx.py builds one.)"


class _SignalRule(SignalRule):
    needs_source = "docx"  # fires only on a .docx: its fire examples are Word documents built in tests/test_docx.py
    fire = (_FIRE_NOTE,)
    passing = _PASSING


@register
class TrackedInsertion(_SignalRule):
    code = "M620"
    fire = ('In Word, with Track Changes on: "Under general direction" where "direction" was typed in and never accepted.' + _FIRE_NOTE,)
    name = "tracked-insertion"
    signal_kinds = ("insertion",)
    message = "Tracked insertion never accepted: {detail}. In Word, Review > Accept (or Reject) the change, then save."
    description = """
    Why: text inserted with Track Changes on stays a proposal until someone
    accepts it. Word shows it underlined in colour; a PDF made from the file may
    print it that way, and a board approves a spec whose wording is still open.
    speclint lints the text as if the change were accepted. Fix: on the Review
    tab, Accept or Reject each change (or Accept All Changes), then save.
    """


@register
class TrackedDeletion(_SignalRule):
    code = "M621"
    fire = (
        'In Word, with Track Changes on: "Under general ~~supervision~~ direction" where "supervision" was deleted and never accepted.'
        + _FIRE_NOTE,
    )
    name = "tracked-deletion"
    signal_kinds = ("deletion",)
    message = "Tracked deletion never accepted: {detail}. In Word, Review > Accept the deletion (or Reject it to keep the text), then save."
    description = """
    Why: deleted text stays in a Word file, struck through in colour, until
    the deletion is accepted; a printed or PDF copy can still show it. speclint
    lints the text without it and reports it at the place it was. Fix: on the
    Review tab, Accept or Reject the deletion, then save.
    """


@register
class TrackedMove(_SignalRule):
    code = "M622"
    fire = ("In Word, with Track Changes on: a duty dragged to the top of Essential Functions, the move never accepted." + _FIRE_NOTE,)
    name = "tracked-move"
    signal_kinds = ("move",)
    message = "Tracked move never accepted: {detail}. In Word, Review > Accept the move (or Reject it), then save."
    description = """
    Why: text moved with Track Changes on is kept twice, once struck out where
    it was and once underlined where it went, until the move is accepted.
    speclint lints it at its new place. Fix: on the Review tab, Accept or
    Reject the move, then save.
    """


@register
class TrackedFormatChange(_SignalRule):
    code = "M623"
    fire = ("In Word, with Track Changes on: a heading made bold, the formatting change never accepted." + _FIRE_NOTE,)
    name = "tracked-format-change"
    severity = "warning"
    signal_kinds = ("format-change",)
    message = "Tracked formatting change never accepted: {detail}. In Word, Review > Accept (or Reject) the change, then save."
    description = """
    Why: a formatting change (bold, a style, indentation) made with Track
    Changes on shows in the margin as a balloon and stays open until accepted;
    it keeps the document from being final. Fix: on the Review tab, Accept or
    Reject the change, then save.
    """


@register
class ReviewerComment(_SignalRule):
    code = "M624"
    fire = ('In Word: a comment "Is this still accurate?" by a reviewer on the words "billing workflow".' + _FIRE_NOTE,)
    name = "reviewer-comment"
    signal_kinds = ("comment",)
    message = "Reviewer comment still in the document: {detail}. Answer it, then delete it in Word (Review > Delete)."
    description = """
    Why: comments are for drafting; one left in the file travels with the
    published spec and may print in the margin or show in the PDF. Fix: do what
    the comment asks, then on the Review tab delete the comment (or Delete All
    Comments in Document), then save.
    """


@register
class HighlightedText(_SignalRule):
    code = "M625"
    fire = ('In Word: "25 pounds" highlighted in yellow in Physical Demands.' + _FIRE_NOTE,)
    name = "highlighted-text"
    severity = "warning"
    signal_kinds = ("highlight",)
    message = (
        "Highlighted text: {detail}. A highlight marks something still to check; "
        "settle it, then remove the highlight (Home > Text Highlight Color > No Color)."
    )
    description = """
    Why: reviewers highlight wording they question or mean to change. A spec
    published with highlights looks unfinished, and the question behind the
    highlight was probably never answered. Fix: resolve the wording, then
    remove the highlight or shading.
    """


@register
class StruckThroughText(_SignalRule):
    code = "M626"
    fire = ('In Word: "Operates a forklift." formatted as strike-through (not a tracked deletion).' + _FIRE_NOTE,)
    name = "struck-through-text"
    signal_kinds = ("strike",)
    message = (
        "Struck-through text: {detail}. Strike-through is a manual way of deleting; "
        "delete the words or remove the strike-through (Home > Font)."
    )
    description = """
    Why: hand-made redlining (strike-through as formatting, not a tracked
    deletion) reads as deleted to a person but is still in the text, and is
    linted and published as if it were meant. Fix: delete the struck words, or
    remove the strike-through if they stay.
    """


@register
class HiddenText(_SignalRule):
    code = "M627"
    fire = ('In Word: a note "check with Finance" formatted as hidden text.' + _FIRE_NOTE,)
    name = "hidden-text"
    severity = "warning"
    signal_kinds = ("hidden",)
    message = (
        "Hidden text in the document: {detail}. It does not print but stays in the file; delete it or unhide it (Home > Font > Hidden)."
    )
    description = """
    Why: text formatted as hidden does not show or print, but stays in the
    file, where a copy, a text export or a screen reader can reveal it. speclint
    leaves it out of the text it lints. Fix: delete it, or clear Hidden in
    the Font dialog if it belongs in the spec.
    """


@register
class LeftoverField(_SignalRule):
    code = "M628"
    fire = (
        'In Word: a content control still showing "Click or tap here to enter text.", or "Error! Reference source not found."' + _FIRE_NOTE,
    )
    name = "leftover-field"
    signal_kinds = ("field",)
    message = "Unfinished field in the document: {detail}. Type the real text in its place (or fix the reference), then save."
    description = """
    Why: a template's "Click or tap here to enter text." placeholder, a
    cross-reference Word can no longer find ("Error! Reference source not
    found.") or a mail-merge field are left from the template the spec was
    made from, and print as they are. Fix: fill in or delete the placeholder,
    update or remove the cross-reference, replace the merge field with text.
    """


@register
class TrackChangesOn(_SignalRule):
    code = "M629"
    fire = ("In Word: a finished spec saved with Review > Track Changes still switched on." + _FIRE_NOTE,)
    name = "track-changes-on"
    severity = "warning"
    signal_kinds = ("track-changes",)
    message = (
        "Track Changes is still switched on in this document. Turn it off (Review > Track Changes) before publishing, "
        "so later edits are not kept as proposals."
    )
    description = """
    Why: a final spec with Track Changes on turns every later edit into an
    unaccepted change, and the next version is published with them. Fix: accept
    or reject the open changes, then click Track Changes on the Review tab to
    switch it off, and save. Reported once, for the whole file.
    """
