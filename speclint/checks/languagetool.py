"""G590: grammar from a LanguageTool server the user runs — optional, never required.

Configured by ``languagetool:`` in the config file or ``$SPECLINT_LANGUAGETOOL_URL``
(see Config.languagetool_settings). Without a server this rule does nothing and
imports nothing. With one, each section's text (the cleaned view, so positions
map straight back) goes to the server's ``/v2/check`` through
``language-tool-python``, only ever in its remote-server mode: speclint never lets
the library download or start LanguageTool. Answers are cached by a hash of the
server, language, disabled rules and text — in memory and in
``.speclint_cache/languagetool/`` under the config root when that is writable.

A server that cannot be reached or does not answer in time is remembered for the
rest of the process (one ``speclint check`` run), so it costs one timeout, not one
per section; cached answers are still used. No exception leaves the rule: a file
that could not be fully checked gets no G590 findings. What happened is logged at INFO on the "speclint" logger, which
``speclint check -v`` prints on stderr, once per distinct message.
"""

from __future__ import annotations

import functools
import itertools
import os
import sys
from pathlib import Path

from speclint.engine.context import RuleContext
from speclint.engine.rule import PythonRule, register

NOT_CONFIGURED = (
    "LanguageTool not configured (set languagetool: URL in config or SPECLINT_LANGUAGETOOL_URL); grammar checks use built-in rules only."
)
# speclint owns spelling (its own dictionary and vocabulary), so LanguageTool's is switched off.
SPELLING_CATEGORIES = {"TYPOS"}
DISABLED_RULES = (
    "MORFOLOGIK_RULE_EN_US",
    "MORFOLOGIK_RULE_EN_GB",
    # The view blanks markup and suppression comments to spaces so columns hold; runs of
    # spaces are speclint's to judge, not LanguageTool's.
    "WHITESPACE_RULE",
)
# LanguageTool categories that are advice rather than errors: reported as "info".
ADVICE_CATEGORIES = {"STYLE", "REDUNDANCY", "PLAIN_ENGLISH", "CREATIVE_WRITING", "TEXT_ANALYSIS", "WIKIPEDIA"}


def _say(message: str, *args) -> None:
    """A note for `speclint check -v`: INFO on the "speclint" logger.

    Until something imports logging nobody can be listening, so a plain run does not pay to import it.
    """
    logging = sys.modules.get("logging")
    if logging is not None:
        logging.getLogger(__name__).info(message, *args)


class _Unavailable(Exception):
    """The file cannot be checked; the reason has been logged."""


class _Run:
    """What one process remembers: answers, clients, servers that failed, cache folders that are read-only."""

    def __init__(self) -> None:
        self.answers: dict[str, list[dict]] = {}
        self.clients: dict[tuple, object] = {}
        self.failed: dict[str, str] = {}  # server url -> why
        self.read_only: set[str] = set()


_RUN = _Run()


def reset() -> None:
    """Forget cached answers and failed servers (a new run in the same process: tests, editors)."""
    global _RUN
    _RUN = _Run()


@register
class LanguageToolGrammar(PythonRule):
    code = "G590"
    name = "languagetool"
    category = "grammar"
    severity = "warning"
    needs_service = True  # fires only with a LanguageTool server; tests/test_languagetool.py runs its examples against one
    message = 'LanguageTool: {lt_message} Write "{replacement}" instead (rule {rule_id}).'
    message_without_replacement = "LanguageTool: {lt_message} (rule {rule_id})."
    description = """
    Why: LanguageTool (languagetool.org) knows thousands of English grammar,
    punctuation and word-confusion patterns ("their"/"there", "a" before a
    vowel, agreement) that go far beyond speclint's own grammar rules.
    It is optional: give speclint the URL of a LanguageTool server you run
    (`languagetool: http://localhost:8081` in .speclint.yaml, or
    SPECLINT_LANGUAGETOOL_URL) and each section is checked there; without a
    server this rule does nothing. LanguageTool's spelling rules are off
    (speclint checks spelling with its own word lists); its style advice
    is reported as info. Fix: apply the suggested wording, or silence one
    LanguageTool rule with `disabled-rules` in the languagetool settings.
    """
    fire = ("The analyst prepares a annual report for the board.\n",)
    passing = ("The analyst prepares an annual report for the board.\n",)

    def check(self, ctx: RuleContext):
        settings = ctx.options.get("languagetool")
        if not settings:
            _say(NOT_CONFIGURED)
            return
        try:
            found = [(start, len(text), match) for start, text in _chunks(ctx) for match in _matches(settings, text, ctx.path)]
        except _Unavailable:
            return  # nothing for this file rather than part of it
        for start, size, match in found:
            violation = self._violation(ctx, start, size, match)
            if violation is not None:
                yield violation

    def _violation(self, ctx: RuleContext, start: int, size: int, match: dict):
        """The finding for one answer about the chunk of ``size`` characters at ``start`` in the view text."""
        try:
            offset = min(max(0, int(match["offset"])), size - 1)
            end = min(offset + max(1, int(match["length"])), size)
            lt_message = " ".join(str(match.get("message") or match.get("rule") or "").split())
            rule_id = str(match.get("rule") or "?")
        except (KeyError, TypeError, ValueError):
            return None  # an answer in a shape we do not know
        if lt_message and lt_message[-1] not in ".!?":
            lt_message += "."
        replacement = match.get("replacement")
        replacement = replacement if isinstance(replacement, str) else None
        template = self.message if replacement else self.message_without_replacement
        message = template.format(lt_message=lt_message, replacement=replacement, rule_id=rule_id)
        violation = ctx.span_violation(self, start + offset, start + end, message, replacement)
        if match.get("category") in ADVICE_CATEGORIES or match.get("issue") == "style":
            violation.severity = "info"
        return violation


# -- what is sent ------------------------------------------------------------
def _chunks(ctx: RuleContext) -> list[tuple[int, str]]:
    """(offset in the view text, text) for the title block and each section, split where sections start."""
    source = ctx.source
    count = len(source.view)
    starts = {1}
    for section in ctx.spec.sections:
        starts.update(line for line in (section.line, section.group_line) if 1 <= line <= count)
    bounds = sorted(starts) + [count + 1]
    chunks = []
    for first, after in itertools.pairwise(bounds):
        begin = source.line_offset(first)
        end = source.line_offset(after - 1) + len(source.view[after - 2])
        text = source.text[begin:end]
        if text.strip():
            chunks.append((begin, text))
    return chunks


# -- asking the server (or the cache) ----------------------------------------
def _matches(settings: dict, text: str, path: str) -> list[dict]:
    import hashlib
    import json

    key = hashlib.sha256(
        json.dumps([settings["url"], settings["language"], sorted(settings["disabled_rules"]), text]).encode("utf-8")
    ).hexdigest()
    if key in _RUN.answers:
        return _RUN.answers[key]
    answer = _read_cache(settings["cache"], key)
    if answer is None:
        answer = _ask(settings, text, path)
        _write_cache(settings["cache"], key, answer)
    _RUN.answers[key] = answer
    return answer


def _ask(settings: dict, text: str, path: str) -> list[dict]:
    url = settings["url"]
    if url in _RUN.failed:
        _give_up(url, _RUN.failed[url])  # said again for whoever listens now (`-v` prints each note once per run)
        raise _Unavailable
    client = _client(settings)
    try:
        found = client.check(text)
    except Exception as error:  # the library raises LanguageToolError, requests errors, KeyError on odd JSON, ...
        reason, unreachable = _reason(error, settings["timeout"])
        if unreachable:
            _give_up(url, reason)
        else:
            _say("LanguageTool at %s: %s; %s was not checked for grammar.", url, reason, path)
        raise _Unavailable from None
    return [
        {
            "offset": match.offset,
            "length": match.error_length,
            "message": match.message,
            "rule": match.rule_id,
            "category": match.category,
            "issue": match.rule_issue_type,
            "replacement": match.replacements[0] if match.replacements else None,
        }
        for match in found
        if match.category not in SPELLING_CATEGORIES
    ]


def _client(settings: dict):
    key = (settings["url"], settings["language"], settings["timeout"], tuple(settings["disabled_rules"]))
    if key in _RUN.clients:
        return _RUN.clients[key]
    try:
        client = _client_class()(settings["url"], settings["language"], settings["timeout"])
    except ImportError as error:
        _give_up(settings["url"], f"cannot import language-tool-python ({error}); pip install language-tool-python")
        raise _Unavailable from None
    except Exception as error:  # GET /v2/languages failed, or the server does not offer the language
        reason, _ = _reason(error, settings["timeout"])
        _give_up(settings["url"], reason)
        raise _Unavailable from None
    client.disabled_categories = set(SPELLING_CATEGORIES)
    client.disabled_rules = set(DISABLED_RULES) | set(settings["disabled_rules"])
    _RUN.clients[key] = client
    _say("LanguageTool at %s checks grammar (%s).", settings["url"], settings["language"])
    return client


@functools.cache
def _client_class():
    # Imported here, not at the top: it takes a quarter of a second (requests, psutil),
    # and only runs that have a server configured need it.
    import language_tool_python

    class Client(language_tool_python.LanguageTool):
        """The library's client, held to its remote-server mode and to speclint's timeout.

        ``remote_server`` is always given, so the library never downloads LanguageTool or
        starts Java. Two library internals are set (checked against 3.4): ``_TIMEOUT``, its
        only request timeout (300 s, a class constant), and one try per request instead of
        two, because speclint remembers a failed server for the whole run instead.
        """

        def __init__(self, url: str, language: str, timeout: float) -> None:
            self._TIMEOUT = timeout
            self._server = None  # read by the library's __del__ even if __init__ fails early
            super().__init__(language, remote_server=url)

        def _query_server(self, url, params=None, num_tries=2, method="get"):
            return super()._query_server(url, params, num_tries=1, method=method)

    return Client


def _reason(error: Exception, timeout: float) -> tuple[str, bool]:
    """One line saying why a request failed, and whether the server is unreachable (vs. one bad answer)."""
    try:
        import requests
    except ImportError:  # pragma: no cover - requests comes with language-tool-python
        requests = None
    seen = error
    while requests is not None and seen is not None:
        if isinstance(seen, requests.exceptions.Timeout):
            return f"no answer within {timeout:g} s", True
        if isinstance(seen, requests.exceptions.ConnectionError):
            return "cannot connect", True
        seen = seen.__cause__ or seen.__context__
    text = " ".join(str(error).split())
    return (text[:200] or type(error).__name__), False


def _give_up(url: str, reason: str) -> None:
    _RUN.failed[url] = reason
    _say("LanguageTool at %s: %s; grammar checks use built-in rules only for the rest of this run.", url, reason)


# -- the on-disk cache -------------------------------------------------------
def _read_cache(folder: str, key: str) -> list[dict] | None:
    import json

    try:
        with open(Path(folder) / f"{key}.json", encoding="utf-8") as handle:
            answer = json.load(handle)
    except (OSError, ValueError):
        return None
    if not isinstance(answer, list) or not all(isinstance(item, dict) for item in answer):
        return None
    return answer


def _write_cache(folder: str, key: str, answer: list[dict]) -> None:
    """Keep an answer on disk; a folder that cannot be written is left alone (memory only)."""
    import json

    if folder in _RUN.read_only:
        return
    target = Path(folder)
    temporary = target / f".{key}.{os.getpid()}.tmp"
    try:
        target.mkdir(parents=True, exist_ok=True)
        marker = target.parent / ".gitignore"
        if not marker.exists():
            marker.write_text("# written by speclint: nothing here belongs in version control\n*\n", encoding="utf-8")
        temporary.write_text(json.dumps(answer, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, target / f"{key}.json")
    except OSError as error:
        _RUN.read_only.add(folder)
        _say("LanguageTool cache %s cannot be written (%s); answers are kept in memory for this run.", folder, error.strerror or error)
        try:
            temporary.unlink()
        except OSError:
            pass
