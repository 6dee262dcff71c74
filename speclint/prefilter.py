"""Literals a regular expression cannot match without: a cheap test that skips most searches.

Most phrase rules ("physically fit", "he/she", "DRAFT for review") find nothing in most specs,
yet a search still tries every position of the text, and a pattern that starts with ``\\b`` or
a case-insensitive word cannot use the regex engine's own literal-prefix skip. Substring tests
of a few words against the lower-cased text cost microseconds, so a rule first asks whether any
of its pattern's required literals is there at all, and only then runs the pattern.

``required_literals`` reads the pattern's parse tree (the standard library's ``re._parser``) and
returns lower-case strings such that every match contains at least one of them, or None when it
cannot tell. It only ever says "cannot match" when that is certain; anything it does not
understand makes it say None (search as usual).
"""

from __future__ import annotations

import re
from collections import namedtuple
from functools import lru_cache
from itertools import repeat

from speclint.memo import Memo

try:  # re's parser and its opcodes are internal to the standard library: re._parser from Python 3.11 on
    from re import _constants as _sre_constants
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10 has them under their old names
    try:
        import sre_constants as _sre_constants
        import sre_parse as _sre_parse
    except ImportError:  # a Python without either: every pattern is searched
        _sre_constants = _sre_parse = None

_NOT_MADE_HERE = object()  # an opcode this Python's parser never makes (atomic groups and possessive repeats before 3.11)
(
    ANY,
    ASSERT,
    ASSERT_NOT,
    AT,
    AT_BEGINNING,
    AT_BEGINNING_STRING,
    AT_BOUNDARY,
    AT_END,
    AT_NON_BOUNDARY,
    ATOMIC_GROUP,
    BRANCH,
    CATEGORY,
    CATEGORY_DIGIT,
    CATEGORY_LINEBREAK,
    CATEGORY_NOT_DIGIT,
    CATEGORY_NOT_LINEBREAK,
    CATEGORY_NOT_SPACE,
    CATEGORY_NOT_WORD,
    CATEGORY_SPACE,
    CATEGORY_WORD,
    GROUPREF,
    GROUPREF_EXISTS,
    IN,
    LITERAL,
    MAX_REPEAT,
    MIN_REPEAT,
    NEGATE,
    NOT_LITERAL,
    POSSESSIVE_REPEAT,
    RANGE,
    SRE_FLAG_DOTALL,
    SRE_FLAG_MULTILINE,
    SUBPATTERN,
) = (getattr(_sre_constants, name, _NOT_MADE_HERE) for name in """
    ANY ASSERT ASSERT_NOT AT AT_BEGINNING AT_BEGINNING_STRING AT_BOUNDARY AT_END
    AT_NON_BOUNDARY ATOMIC_GROUP BRANCH CATEGORY CATEGORY_DIGIT CATEGORY_LINEBREAK CATEGORY_NOT_DIGIT CATEGORY_NOT_LINEBREAK
    CATEGORY_NOT_SPACE CATEGORY_NOT_WORD CATEGORY_SPACE CATEGORY_WORD GROUPREF GROUPREF_EXISTS IN LITERAL
    MAX_REPEAT MIN_REPEAT NEGATE NOT_LITERAL POSSESSIVE_REPEAT RANGE SRE_FLAG_DOTALL SRE_FLAG_MULTILINE
    SUBPATTERN
""".split())

MAX_VARIANTS = 32  # strings one literal may expand to ("licen[cs]e" is two); beyond this, stop the literal there

# The letters other than A-Z that re.IGNORECASE matches to an ASCII letter, which str.lower() does not turn into
# it: the long s, the dotless i, the dotted capital I and the Kelvin sign (tests/test_parse.py checks this against
# every character). Folding them first keeps the literal test exact; speclint.search.fold does the same.
ASCII_FOLDS = {"\u017f": "s", "\u0131": "i", "\u0130": "i", "\u212a": "k"}
_FOLD = str.maketrans(ASCII_FOLDS)
_FOLDED = "".join(ASCII_FOLDS)


_OTHER = re.compile(r"[^a-z0-9]+")
_SPACE_OUT = bytes(byte if chr(byte) in "abcdefghijklmnopqrstuvwxyz0123456789" else 32 for byte in range(256))
RAW = "\x00"  # marks a literal of punctuation only, looked for in the folded text rather than the normalized one


# (collections' namedtuple, not typing's NamedTuple: importing typing costs a one-file run 2-4 ms)
class TextForms(namedtuple("TextForms", "folded normalized words")):
    """A text as the literal test sees it (see ``normalize``): ``folded`` and ``normalized`` text, and ``words``,
    the frozenset of the words of ``normalized`` (most literals are whole words, and a set answers at once)."""

    __slots__ = ()


def normalize(text: str) -> TextForms:
    """The forms of a text the literal test looks in: folded (lower case, with the letters above
    folded) and normalized (folded, each run of characters other than ASCII letters and digits one
    space, and a space at each end, so " he " stands for the word "he")."""
    if not text.isascii() and any(char in text for char in _FOLDED):
        text = text.translate(_FOLD)  # (rare, and a slow call: str.translate with a table goes character by character)
    folded = text.lower()
    # bytes.translate and split do in C what a substitution would do one run at a time (ten times faster)
    words = folded.encode("ascii", "replace").translate(_SPACE_OUT).decode("ascii").split()
    return TextForms(folded, " " + " ".join(words) + " ", frozenset(words))


# What the functions below found per (pattern, flags): they parse the pattern, which costs as much as
# half a compile, so speclint.compiled_patterns keeps these between runs too.
KNOWN_LITERALS: Memo = Memo()
KNOWN_FIRST_CHARS: Memo = Memo()
KNOWN_PREFIXES: Memo = Memo()
KNOWN_ONE_LINE: Memo = Memo()
KNOWN_LITERAL_SETS: Memo = Memo()
FINDINGS = {
    "literals": KNOWN_LITERALS,
    "literal sets": KNOWN_LITERAL_SETS,
    "first": KNOWN_FIRST_CHARS,
    "prefixes": KNOWN_PREFIXES,
    "one line": KNOWN_ONE_LINE,
}


def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case strings of which every match of ``pattern`` contains at least one, or None."""
    return KNOWN_LITERALS.answer((pattern, flags), _required_literals)


def _required_literals(key: tuple[str, int]) -> frozenset[str] | None:
    found = required_literal_sets(*key)
    return found[0] if found else None


def required_literal_sets(pattern: str, flags: int = 0) -> tuple[frozenset[str], ...]:
    """Sets of lower-case strings such that every match of ``pattern`` contains one of each set, the most
    selective first ("\\bMay\\s+XX\\b" has the month names and "xx"): a file without one of every set has no
    match. Empty when nothing is known."""
    return KNOWN_LITERAL_SETS.answer((pattern, flags), _required_literal_sets)


def _required_literal_sets(key: tuple[str, int]) -> tuple[frozenset[str], ...]:
    found = _read_tree(lambda items: _sequence(items, every=True), *key) or ()
    found = [literals for literals in found if min(map(len, literals)) >= 1]
    # Besides the best set, only those of whole words: the word set answers for them at once, where a set that
    # needs a scan of the text ("ale " in "m(?:ale|en)") would cost more than it saves.
    return tuple(found[:1] + [literals for literals in found[1:] if all(_whole_words(literal)[1] for literal in literals)])


def _read_tree(read, pattern: str, flags: int):
    """``read`` applied to the pattern's parse tree; None when the pattern or the tree cannot be read."""
    if _sre_parse is None:
        return None
    try:
        return read(list(_sre_parse.parse(pattern, flags)))
    except (re.error, RecursionError, TypeError, ValueError):
        return None


def may_match(literals: frozenset[str] | None, forms: TextForms) -> bool:
    """False only when the pattern certainly has no match in the text (given as ``normalize`` made it)."""
    if literals is None:
        return True
    single_words, others = _LITERAL_KINDS.answer(literals, _literal_kinds)
    return not forms.words.isdisjoint(single_words) or any(map(may_be_in, others, repeat(forms)))


_LITERAL_KINDS: Memo = Memo()


def _literal_kinds(literals: frozenset[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """The literals that are one whole word (" he "), as a set of words the text's word set answers for all
    at once, in C; and the others."""
    single = [literal for literal in literals if literal[:1] != RAW and _whole_words(literal)[1]]
    return frozenset(literal.strip() for literal in single), tuple(literal for literal in literals if literal not in single)


def may_be_in(literal: str, forms: TextForms) -> bool:
    """False only when the text (given as ``normalize`` made it) certainly does not have the literal."""
    if literal[:1] == RAW:
        return literal[1:] in forms.folded
    whole_words, only_words = _whole_words(literal)
    words = forms.words
    return all(word in words for word in whole_words) and (only_words or literal in forms.normalized)


_WHOLE_WORDS: Memo = Memo()


def _whole_words(literal: str) -> tuple[tuple[str, ...], bool]:
    """The words a literal has with a space on both sides (" for review " has "for" and "review", " pound"
    none), and whether the literal is just one such word, so that the word set alone answers for it."""
    return _WHOLE_WORDS.answer(literal, _find_whole_words)


def _find_whole_words(literal: str) -> tuple[tuple[str, ...], bool]:
    pieces = literal.split(" ")
    whole = tuple(piece for index, piece in enumerate(pieces) if piece and 0 < index < len(pieces) - 1)
    return whole, len(pieces) == 3 and pieces[0] == pieces[2] == "" and bool(pieces[1])  # " word " and nothing else


def _score(candidate: frozenset[str]) -> tuple[int, int]:
    """Longer literals are rarer; a word boundary counts as most of a letter."""
    return min(len(item.strip(" " + RAW)) + (item[:1] == " ") + (item[-1:] == " ") for item in candidate), -len(candidate)


def _sequence(items: list, left: bool = False, right: bool = False, every: bool = False):
    """The best literal set of a sequence of parsed items (the most selective one); with ``every``, all the
    sets found for its parts, best first (each part must match, so each set is required). ``left`` and
    ``right`` say that a word boundary (\\b) stands right before and after the sequence."""
    candidates: list[frozenset[str]] = []
    run: set[str] = {""}
    run_left = left  # the literal being read starts at a word boundary

    def close_run(at_boundary: bool) -> None:
        nonlocal run, run_left
        if run and all(run):
            candidates.append(frozenset(_literal(item, run_left, at_boundary) for item in run))
        run, run_left = {""}, False

    def inner(body: list, index: int) -> None:
        """A group's own best set, knowing whether word boundaries stand around it."""
        starts_at_boundary = run == {""} and run_left
        close_run(False)
        next_op = items[index + 1] if index + 1 < len(items) else None
        ends_at_boundary = _ends_word(next_op) if next_op is not None else right
        found = _sequence(body, starts_at_boundary, ends_at_boundary)
        if found:
            candidates.append(found)

    for index, (op, value) in enumerate(items):
        if op is LITERAL or op is IN:
            chars = [value] if op is LITERAL else _class_chars(value)
            extended = _extend(run, chars) if chars is not None and len(run) * len(chars) <= MAX_VARIANTS else set()
            if extended:
                run = extended
            else:  # a class too big to spell out, or a character the test leaves alone: the literal ends here
                spaces = _takes_spaces_only(op, value)  # "\\s": and a word ends here, and the next starts after it
                close_run(spaces)
                run_left = spaces
        elif op is AT:
            if _is_boundary((op, value)):
                if run == {""}:
                    run_left = True
                else:
                    close_run(True)
                    run_left = True
            continue  # ^, $, \b: zero-width, so the literals either side are still next to each other
        elif _takes_spaces_only(op, value):  # "\\s", "\\s+", " +": a word ends before it and the next starts after it
            close_run(True)
            run_left = True
        elif op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
            low, _high, body = value
            body = list(body)
            optional = _optional_chars(low, _high, body)
            if optional is not None and run and len(run) * (len(optional) + 1) <= MAX_VARIANTS:
                extended = _extend(run, optional)  # "man-?hours": "man-hours" or "manhours"
                if extended:
                    run = run | extended
                    continue
            if low >= 1 and len(body) == 1 and body[0][0] is LITERAL:  # "X{3,}" needs "xxx"
                for _ in range(min(low, 4)):
                    run = _extend(run, [body[0][1]]) or run
                close_run(False)
            elif low >= 1:
                close_run(False)
                found = _sequence(body)
                if found:
                    candidates.append(found)
            else:
                close_run(False)
        elif op is SUBPATTERN:
            inner(list(value[-1]), index)
        elif op is ATOMIC_GROUP:
            inner(list(value), index)
        elif op is BRANCH:
            starts_at_boundary = run == {""} and run_left
            close_run(False)
            next_op = items[index + 1] if index + 1 < len(items) else None
            ends_at_boundary = _ends_word(next_op) if next_op is not None else right
            union: set[str] = set()
            for alternative in value[1]:
                found = _sequence(list(alternative), starts_at_boundary, ends_at_boundary)
                if not found:
                    union = set()
                    break
                union |= found
            if union:
                candidates.append(frozenset(union))
        else:  # \d, \s, ., lookarounds, back-references, negated classes: the literal ends here
            close_run(False)
    close_run(right)
    if not candidates:
        return None
    if every:  # best first; sorted keeps the order of equals, so the first is the one max() picks
        return tuple(sorted(dict.fromkeys(candidates), key=_score, reverse=True))
    return max(candidates, key=_score)


# --------------------------------------------------------------------------------------------
# Literals a match starts with.
#
# When every match starts with one of a few strings, the only places a match can start are where
# those strings are: ``speclint.search`` tries the pattern there and nowhere else.

def required_prefixes(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case strings one of which the folded text of every match of ``pattern`` starts with, or None."""
    return KNOWN_PREFIXES.answer((pattern, flags), _required_prefixes)


def _required_prefixes(key: tuple[str, int]) -> frozenset[str] | None:
    found = _read_tree(_prefixes, *key)
    if found is None or not found[0] or "" in found[0]:
        return None
    return frozenset(found[0])


def _prefixes(items: list) -> tuple[set[str], bool]:
    """(strings one of which what the sequence matches starts with, whether each is all of it)."""
    run = {""}
    for op, value in items:
        if op is AT or op is ASSERT or op is ASSERT_NOT:
            continue  # zero-width: the next item's text follows the run's directly
        if op is LITERAL or op is IN:
            chars = [value] if op is LITERAL else _class_chars(value)
            extended = _extend(run, chars) if chars is not None and len(run) * len(chars) <= MAX_VARIANTS else set()
            if not extended:  # a class too big to spell out, or a character the test leaves alone
                return run, False
            run = extended
        elif op is SUBPATTERN or op is ATOMIC_GROUP or op is BRANCH:
            alternatives = value[1] if op is BRANCH else [value[-1] if op is SUBPATTERN else value]
            heads: set[str] = set()
            whole = True
            for alternative in alternatives:
                head, all_of_it = _prefixes(list(alternative))
                heads |= head
                whole = whole and all_of_it
            if len(run) * len(heads) > MAX_VARIANTS:
                return run, False
            run = {before + head for before in run for head in heads}
            if not whole:
                return run, False
        elif op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT) and value[0] >= 1:
            head, _ = _prefixes(list(value[2]))  # the first repetition at least
            if len(run) * len(head) > MAX_VARIANTS:
                return run, False
            return {before + item for before in run for item in head}, False
        else:  # optional parts, \d, \s, ., back-references, negated classes: the known start ends here
            return run, False
    return run, True


# --------------------------------------------------------------------------------------------
# Patterns whose matches stay on one line.
#
# Such a pattern can only match on a line that has one of its literals, so ``speclint.search`` searches
# those lines alone. It searches a line with ``finditer(text, start, end)``: everything before ``start`` is
# seen as usual (lookbehinds, ``\b``), and the end of the line looks like the end of the text, which is
# only the same as a newline for a pattern that cannot match a newline and asks about the end only with
# ``$`` under MULTILINE.

_NEWLINE = 10
_WITHOUT_NEWLINE = {CATEGORY_DIGIT, CATEGORY_NOT_SPACE, CATEGORY_WORD, CATEGORY_NOT_LINEBREAK}
_WITH_NEWLINE = {CATEGORY_SPACE, CATEGORY_NOT_WORD, CATEGORY_NOT_DIGIT, CATEGORY_LINEBREAK}


def stays_on_one_line(pattern: str, flags: int = 0) -> bool:
    """True when no match of ``pattern`` can take in a newline, and a line's end means the same to it as
    the text's end."""
    return KNOWN_ONE_LINE.answer((pattern, flags), _stays_on_one_line)


def _stays_on_one_line(key: tuple[str, int]) -> bool:
    if _sre_parse is None:
        return False
    try:
        tree = _sre_parse.parse(*key)
    except (re.error, RecursionError, TypeError, ValueError):
        return False
    return _one_line(list(tree), tree.state.flags)


def _one_line(items: list, flags: int) -> bool:
    for op, value in items:
        if op is LITERAL:
            ok = value != _NEWLINE
        elif op is NOT_LITERAL:
            ok = value == _NEWLINE
        elif op is IN:
            ok = _class_has_newline(value) is False
        elif op is ANY:
            ok = not flags & SRE_FLAG_DOTALL
        elif op is AT:  # "$" without MULTILINE and "\Z" tell the end of a line from the end of the text
            ok = value in (AT_BOUNDARY, AT_NON_BOUNDARY, AT_BEGINNING, AT_BEGINNING_STRING) or (
                value is AT_END and bool(flags & SRE_FLAG_MULTILINE)
            )
        elif op is ASSERT or op is ASSERT_NOT:
            ok = _one_line(list(value[1]), flags)
        elif op is SUBPATTERN:
            _group, add, remove, body = value
            ok = _one_line(list(body), (flags | add) & ~remove)
        elif op is ATOMIC_GROUP:
            ok = _one_line(list(value), flags)
        elif op is BRANCH:
            ok = all(_one_line(list(alternative), flags) for alternative in value[1])
        elif op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
            ok = _one_line(list(value[2]), flags)
        elif op is GROUPREF:
            ok = True  # repeats what a group took, which is on the line
        elif op is GROUPREF_EXISTS:
            ok = _one_line(list(value[1]), flags) and (value[2] is None or _one_line(list(value[2]), flags))
        else:
            ok = False
        if not ok:
            return False
    return True


def _class_has_newline(items) -> bool | None:
    """Whether a character class takes in a newline; None when it cannot tell."""
    negated = listed = False
    for op, value in items:
        if op is NEGATE:
            negated = True
        elif op is LITERAL:
            listed = listed or value == _NEWLINE
        elif op is RANGE:
            listed = listed or value[0] <= _NEWLINE <= value[1]
        elif op is CATEGORY and value in _WITH_NEWLINE | _WITHOUT_NEWLINE:
            listed = listed or value in _WITH_NEWLINE
        else:
            return None
    return listed != negated


def _takes_spaces_only(op, value) -> bool:
    """Whether the item takes at least one character and only white space: "\\s", "\\s+", " +", "[ \\t]{1,3}"."""
    if op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
        low, _high, body = value
        return low >= 1 and len(body) == 1 and _takes_spaces_only(*body[0])
    if op is LITERAL:
        return chr(value) in " \t"
    if op is IN:
        return all(
            (kind is CATEGORY and code is CATEGORY_SPACE) or (kind is LITERAL and chr(code) in " \t\n\r\f\v") for kind, code in value
        )
    return False


def _ends_word(item) -> bool:
    """Whether a word cannot go on into the item: a word boundary, or white space."""
    return _is_boundary(item) or _takes_spaces_only(*item)


def _is_boundary(item) -> bool:
    return item[0] is AT and item[1] is AT_BOUNDARY


def _literal(text: str, left: bool, right: bool) -> str:
    """A literal as the test looks for it in ``normalize``d text: runs of other characters as one space,
    and a space for a word boundary next to a letter or digit (the character there is none)."""
    if not any(char.isalnum() for char in text):
        return RAW + text  # "___", "<<", "???": looked for as they are, in the folded text
    literal = _OTHER.sub(" ", text)
    if left and text[:1].isalnum():
        literal = " " + literal
    if right and text[-1:].isalnum():
        literal += " "
    return literal


def _extend(run: set[str], codes: list[int]) -> set[str]:
    """Each string of the run followed by each of the characters. A non-ASCII character gives the
    empty set, which ends the literal before it: its case folding is not worth the risk (see _FOLD)."""
    chars = {chr(code).lower() for code in codes}
    if not all(char.isascii() for char in chars):
        return set()
    return {prefix + char for prefix in run for char in chars}


def _optional_chars(low: int, high: int, body: list) -> list[int] | None:
    """The characters of an optional single character or small class ("-?", "[- ]?"), else None."""
    if low != 0 or high != 1 or len(body) != 1:
        return None
    op, value = body[0]
    if op is LITERAL:
        return [value]
    return _class_chars(value) if op is IN else None


def _class_chars(items) -> list[int] | None:
    """The characters of a small class like [ae] or [- ], or None for ranges, negation, \\d and the like."""
    codes = []
    for op, value in items:
        if op is not LITERAL:
            return None
        codes.append(value)
    return codes if 0 < len(codes) <= 4 else None


def literals_of(pattern) -> frozenset[str] | None:
    """``required_literals`` of a compiled pattern (``re`` or a user pack's timed pattern)."""
    return required_literals(pattern.pattern, pattern.flags)


def text_forms(ctx) -> TextForms:
    """A rule context's text as the literal test sees it, made once per file."""
    return ctx.shared("literal test text", lambda: normalize(ctx.source.text))


def literal_sets_of(pattern) -> tuple[frozenset[str], ...]:
    """``required_literal_sets`` of a compiled pattern."""
    return required_literal_sets(pattern.pattern, pattern.flags)


def may_match_every(literal_sets: tuple[frozenset[str], ...], forms: TextForms) -> bool:
    """False only when the text misses every literal of one of the sets (the first is the likeliest to say so)."""
    return all(may_match(literals, forms) for literals in literal_sets)


def may_find(pattern, ctx) -> bool:
    """False only when ``pattern`` certainly has no match anywhere in the file's text."""
    return may_match_pattern(pattern, text_forms(ctx))


def may_match_pattern(pattern, forms: TextForms) -> bool:
    """``may_match_every(literal_sets_of(pattern), forms)``, with the sets read and sorted once per pattern:
    every pattern rule asks this of every file, and most are answered by the word sets alone."""
    entry = _LITERAL_TESTS.get(id(pattern))
    if entry is None:
        if len(_LITERAL_TESTS) >= _MAX_LITERAL_TESTS:  # patterns a rule makes from a file's text: bounded
            _LITERAL_TESTS.clear()
        kinds = tuple(_LITERAL_KINDS.answer(literals, _literal_kinds) for literals in literal_sets_of(pattern))
        entry = _LITERAL_TESTS[id(pattern)] = (pattern, kinds)  # (kept with it: no other pattern can get its id)
    words = forms.words
    for single_words, others in entry[1]:
        if words.isdisjoint(single_words) and not any(map(may_be_in, others, repeat(forms))):
            return False
    return True


_LITERAL_TESTS: dict[int, tuple] = {}
_MAX_LITERAL_TESTS = 5_000


# --------------------------------------------------------------------------------------------
# A first-character test in front of a pattern.
#
# A search tries the pattern at every position of the text. When a pattern starts with \b, a
# lookbehind or a case-insensitive word, the engine cannot skip positions by itself; put in front,
# "(?=[fhm...])" lets it test one character per position in its fast loop instead.

MAX_FIRST_CHARS = 40  # a wider set would let most positions through, and the test would only cost


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with, or None when it cannot tell (or any)."""
    return KNOWN_FIRST_CHARS.answer((pattern, flags), _first_chars)


def _first_chars(key: tuple[str, int]) -> frozenset[str] | None:
    if _engine_skips(*key):
        return None  # a test in front would only hide the prefix the engine skips to by itself
    found = _read_tree(_first, *key)
    if found is None or found[1] or not found[0] or len(found[0]) > MAX_FIRST_CHARS:
        return None
    return frozenset(found[0])


def _engine_skips(pattern: str, flags: int) -> bool:
    """Whether re's compiler gives the pattern a literal prefix or a set of first characters of its own
    (it starts with a character, a class or a choice of characters, not with \\b or a lookaround): then the
    engine finds the places to try in a tight loop, faster than any test put in front."""
    try:
        from re import _compiler

        tree = _sre_parse.parse(pattern, flags)
        flags = tree.state.flags | flags
        if tree.getwidth()[0] == 0:
            return False
        return bool(_compiler._get_literal_prefix(tree, flags)[0] or _compiler._get_charset_prefix(tree, flags))
    except Exception:  # noqa: BLE001 - internal functions: if they are not there or differ, put the test in front
        return False


@lru_cache(maxsize=4096)
def fast_form(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` with a first-character test in front (same matches, same groups), or itself."""
    if not isinstance(pattern, re.Pattern) or not isinstance(pattern.pattern, str):
        return pattern  # a user pack's timed pattern: left as it is
    chars = first_chars(pattern.pattern, pattern.flags)
    if chars is None:
        return pattern
    source = pattern.pattern
    leading = re.match(r"(?:\(\?[aiLmsux]+\))*", source).group(0)  # global flags must stay first
    body = source[len(leading) :]
    if pattern.flags & re.IGNORECASE:
        chars = frozenset(char.lower() for char in chars)  # the test runs under the same flags
    test = "".join(re.escape(char) if char not in "-]\\^" else "\\" + char for char in sorted(chars))
    newline = "\n" if pattern.flags & re.VERBOSE else ""  # a comment on the last line must not swallow the ")"
    try:
        return re.compile(f"{leading}(?=[{test}])(?:{body}{newline})", pattern.flags)
    except re.error:
        return pattern


def _first(items: list, ignore_case: bool = False) -> tuple[set[str], bool] | None:
    """(characters a match of the sequence can start with, whether it can match empty), or None.
    ``ignore_case``: inside "(?i:...)" of a case-sensitive pattern, so each letter counts in both cases."""
    chars: set[str] = set()
    for op, value in items:
        if op is AT or op is ASSERT or op is ASSERT_NOT:
            continue  # zero-width: the first character is the next item's
        if op is LITERAL or op is IN:
            found = {chr(value)} if op is LITERAL else _class_first(value)
            if found is not None and ignore_case:
                found = _both_cases(found)
            return None if found is None else (chars | found, False)
        if op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
            low, _high, body = value
            inner = _first(list(body), ignore_case)
            if inner is None:
                return None
            chars |= inner[0]
            if low >= 1 and not inner[1]:
                return chars, False
            continue  # may be skipped: what follows may start the match too
        if op is SUBPATTERN or op is ATOMIC_GROUP:
            scoped = ignore_case
            if op is SUBPATTERN:
                scoped = bool((ignore_case or value[1] & re.IGNORECASE) and not value[2] & re.IGNORECASE)
            inner = _first(list(value[-1] if op is SUBPATTERN else value), scoped)
            if inner is None:
                return None
            chars |= inner[0]
            if not inner[1]:
                return chars, False
            continue
        if op is BRANCH:
            empty = False
            for alternative in value[1]:
                inner = _first(list(alternative), ignore_case)
                if inner is None:
                    return None
                chars |= inner[0]
                empty = empty or inner[1]
            if not empty:
                return chars, False
            continue
        return None  # ., \d, \s, [^...], back-references: too many first characters
    return chars, True


# Letters that re, ignoring case, matches to an ASCII letter besides its other case.
_OTHER_CASES = {letter: "".join(other for other, to in ASCII_FOLDS.items() if to == letter) for letter in set(ASCII_FOLDS.values())}


def _both_cases(chars: set[str]) -> set[str] | None:
    if not all(char.isascii() for char in chars):
        return None  # not worth the risk: leave the pattern as it is
    found = set()
    for char in chars:
        found |= {char.lower(), char.upper(), *_OTHER_CASES.get(char.lower(), "")}
    return found


def _class_first(items) -> set[str] | None:
    chars: set[str] = set()
    for op, value in items:
        if op is LITERAL:
            chars.add(chr(value))
        elif op is RANGE and value[1] - value[0] < MAX_FIRST_CHARS:
            chars.update(chr(code) for code in range(value[0], value[1] + 1))
        else:
            return None
    return chars
