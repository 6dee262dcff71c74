"""G590 and the optional LanguageTool server, tested against a stand-in that speaks LanguageTool's HTTP API.

A real LanguageTool server needs Java and a download, neither of which the tests
may use. The stand-in below answers GET /v2/languages and POST /v2/check with
LanguageTool's JSON, and finds real problems in the text it is sent ("a" before
a vowel, a repeated word, a misspelling, a wordy phrase), with offsets counted
in UTF-16 code units as the Java server counts them — so these tests check that
speclint sends the right text and maps every answer back to the right place.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from speclint.checks import languagetool
from speclint.config import Config, ConfigError, resolve
from speclint.engine import load_rules
from speclint.lint import lint_path, lint_text

ENV = "SPECLINT_LANGUAGETOOL_URL"

# Line 13 has "a annual" and ends with "the", which line 14 repeats; line 14 also has
# a misspelling (LanguageTool's TYPOS: speclint owns spelling) and a wordy phrase (STYLE).
SPEC = """\
ACCOUNTANT
FLSA Status: Exempt
Adopted: March 4, 2024

DEFINITION
Under general supervision, performs professional accounting work.

SUPERVISION RECEIVED AND EXERCISED
Receives general supervision from the Finance Manager.

ESSENTIAL FUNCTIONS
1. Prepares journal entries and reconciles accounts.
2. Prepares a annual report for the board and reviews the
   the monthly statements in order to recieve approval.

KNOWLEDGE, SKILLS AND ABILITIES
Knowledge of governmental accounting principles.

EDUCATION AND EXPERIENCE
A bachelor's degree in accounting and two years of accounting experience.

PHYSICAL DEMANDS
Work is performed in an office. Reasonable accommodations may be made.
"""
CLEAN_SPEC = SPEC.replace("a annual", "an annual").replace("reviews the\n   the monthly", "reviews\n   the monthly")
CLEAN_SPEC = CLEAN_SPEC.replace(" in order to recieve", " to obtain")


# -- the stand-in server -----------------------------------------------------
def _problems(text: str) -> list[dict]:
    """What the stand-in finds: (offset, length, rule id, category, issue type, message, replacement) as dicts."""
    found = []
    for match in re.finditer(r"\b([Aa])\s+(?=[AEIOUaeiou]\w)", text):
        found.append(
            dict(
                start=match.start(1),
                end=match.end(1),
                rule="EN_A_VS_AN",
                category=("MISC", "Miscellaneous"),
                issue="misspelling",
                message='Use "an" instead of "a" if the following word starts with a vowel sound, e.g. "an article", "an hour".',
                replacement="an",
            )
        )
    for match in re.finditer(r"\b(\w+)\s+(\1)\b", text, re.IGNORECASE):
        found.append(
            dict(
                start=match.start(),
                end=match.end(),
                rule="ENGLISH_WORD_REPEAT_RULE",
                category=("MISC", "Miscellaneous"),
                issue="duplication",
                message="Possible typo: you repeated a word",
                replacement=match.group(1),
            )
        )
    for match in re.finditer(r"\brecieve\b", text):
        found.append(
            dict(
                start=match.start(),
                end=match.end(),
                rule="MORFOLOGIK_RULE_EN_US",
                category=("TYPOS", "Possible Typo"),
                issue="misspelling",
                message="Possible spelling mistake found.",
                replacement="receive",
            )
        )
    for match in re.finditer(r"\bin order to\b", text):
        found.append(
            dict(
                start=match.start(),
                end=match.end(),
                rule="IN_ORDER_TO_PREMIUM",
                category=("STYLE", "Style"),
                issue="style",
                message="Consider a shorter alternative to avoid wordiness.",
                replacement="to",
            )
        )
    return sorted(found, key=lambda item: item["start"])


def _utf16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def _answer(text: str, language: str, disabled_rules: set[str]) -> dict:
    matches = []
    for item in _problems(text):
        if item["rule"] in disabled_rules:  # a real server never reports a disabled rule
            continue
        offset, end = _utf16(text, item["start"]), _utf16(text, item["end"])
        sentence_start = max(0, item["start"] - 20)
        matches.append(
            {
                "message": item["message"],
                "shortMessage": "",
                "replacements": [{"value": item["replacement"]}],
                "offset": offset,
                "length": end - offset,
                "context": {
                    "text": text[sentence_start : item["end"] + 20],
                    "offset": item["start"] - sentence_start,
                    "length": end - offset,
                },
                "sentence": text[sentence_start : item["end"] + 20],
                "type": {"typeName": "Other"},
                "rule": {
                    "id": item["rule"],
                    "description": item["message"],
                    "issueType": item["issue"],
                    "category": {"id": item["category"][0], "name": item["category"][1]},
                },
                "ignoreForIncompleteSentence": False,
                "contextForSureMatch": 0,
            }
        )
    return {
        "software": {"name": "LanguageTool", "version": "6.4", "buildDate": "2024-03-28", "apiVersion": 1, "premium": False, "status": ""},
        "warnings": {"incompleteResults": False},
        "language": {
            "name": "English (US)",
            "code": language,
            "detectedLanguage": {"name": "English (US)", "code": "en-US", "confidence": 0.9},
        },
        "matches": matches,
    }


LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]


class StandIn(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}"
        self.checks: list[dict] = []  # the form fields of every POST /v2/check
        self.language_requests = 0
        self.delay = 0.0  # seconds /v2/check waits before answering
        self.fail_with: tuple[int, str] | None = None  # (status, body) for /v2/check
        self.release = threading.Event()  # cuts a delay short at teardown


class Handler(BaseHTTPRequestHandler):
    server: StandIn

    def log_message(self, *args):
        pass

    def _send(self, status: int, body: bytes, kind: str = "application/json") -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # the client gave up (a timeout test)

    def do_GET(self):
        if urllib.parse.urlsplit(self.path).path == "/v2/languages":
            self.server.language_requests += 1
            self._send(200, json.dumps(LANGUAGES).encode())
        else:
            self._send(404, b"Error: not found", "text/plain")

    def do_POST(self):
        if urllib.parse.urlsplit(self.path).path != "/v2/check":
            self._send(404, b"Error: not found", "text/plain")
            return
        length = int(self.headers.get("Content-Length", 0))
        form = {key: values[0] for key, values in urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8")).items()}
        self.server.checks.append(form)
        if self.server.delay:
            self.server.release.wait(self.server.delay)
        if self.server.fail_with:
            status, body = self.server.fail_with
            self._send(status, body.encode(), "text/plain")
            return
        disabled = set(filter(None, form.get("disabledRules", "").split(",")))
        self._send(200, json.dumps(_answer(form["text"], form.get("language", ""), disabled)).encode())


@pytest.fixture
def server():
    stand_in = StandIn()
    thread = threading.Thread(target=stand_in.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield stand_in
    stand_in.release.set()
    stand_in.shutdown()
    stand_in.server_close()


@pytest.fixture(autouse=True)
def fresh_run(monkeypatch):
    """Each test is a new run: no remembered answers or failed servers, and no server from the environment."""
    monkeypatch.delenv(ENV, raising=False)
    languagetool.reset()
    yield
    languagetool.reset()


def closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def g590(violations):
    return [v for v in violations if v.code == "G590"]


# -- what is sent and how answers map back -----------------------------------
def test_cli_maps_answers_to_lines_and_columns_in_a_later_section(tmp_path, server, run_speclint):
    spec = write(tmp_path / "accountant.txt", SPEC)
    result = run_speclint("check", "--format", "json", "--select", "G590", spec.name, cwd=tmp_path, env={ENV: server.url})
    assert result.returncode == 1, result.stderr
    found = json.loads(result.stdout)
    by_rule = {item["message"].split("(rule ")[-1].rstrip(")."): item for item in found}
    assert set(by_rule) == {"EN_A_VS_AN", "ENGLISH_WORD_REPEAT_RULE", "IN_ORDER_TO_PREMIUM"}  # MORFOLOGIK (TYPOS) dropped

    article = by_rule["EN_A_VS_AN"]
    assert (article["line"], article["column"], article["end_line"], article["end_column"]) == (13, 13, 13, 14)
    assert SPEC.splitlines()[12][12] == "a"
    assert article["suggestion"] == "an" and article["severity"] == "warning" and article["category"] == "grammar"
    assert article["message"].startswith('LanguageTool: Use "an" instead of "a"') and 'Write "an" instead' in article["message"]

    repeated = by_rule["ENGLISH_WORD_REPEAT_RULE"]  # "the" at the end of line 13, "the" on line 14
    assert (repeated["line"], repeated["column"], repeated["end_line"], repeated["end_column"]) == (13, 55, 14, 7)
    assert SPEC.splitlines()[12][54:] == "the" and SPEC.splitlines()[13][3:6] == "the"
    assert repeated["message"] == 'LanguageTool: Possible typo: you repeated a word. Write "the" instead (rule ENGLISH_WORD_REPEAT_RULE).'

    wordy = by_rule["IN_ORDER_TO_PREMIUM"]
    assert (wordy["line"], wordy["column"], wordy["end_column"]) == (14, 27, 38)
    assert wordy["severity"] == "info"

    sent = [form["text"] for form in server.checks]
    assert sent[0].startswith("ACCOUNTANT\n") and "DEFINITION" not in sent[0]  # the title block on its own
    assert any(text.startswith("ESSENTIAL FUNCTIONS\n1. Prepares") and "KNOWLEDGE" not in text for text in sent)
    assert len(sent) == 7  # title block + six sections (KNOWLEDGE, SKILLS AND ABILITIES is one heading)
    for form in server.checks:
        assert form["language"] == "en-US"
        assert "TYPOS" in form["disabledCategories"].split(",")
        assert "MORFOLOGIK_RULE_EN_US" in form["disabledRules"].split(",")


def test_python_api_gives_the_same_findings(tmp_path, server, monkeypatch):
    monkeypatch.setenv(ENV, server.url)
    monkeypatch.chdir(tmp_path)  # with no config file the cache goes in the current folder
    spec = write(tmp_path / "accountant.txt", SPEC)
    found = g590(lint_path(str(spec), resolve(spec)).violations)
    assert [(v.line, v.column, v.end_line, v.end_column, v.severity) for v in found] == [
        (13, 13, 13, 14, "warning"),
        (13, 55, 14, 7, "warning"),
        (14, 27, 14, 38, "info"),
    ]
    assert {v.category for v in found} == {"grammar"}
    assert {v.section for v in found} == {"essential_functions"}
    assert [v.fix for v in found] == ["unsafe"] * 3  # LanguageTool's first replacement is a likely fix, not a certain one


def test_offsets_after_characters_outside_the_basic_plane(tmp_path, server):
    # LanguageTool counts UTF-16 code units; an emoji is two of them and one Python character.
    text = "ACCOUNTANT\n\nDEFINITION\nPlans \U0001f4ca budgets with a annual review.\n"
    config = Config(root=tmp_path, languagetool=server.url)
    (found,) = g590(lint_text(text, config))
    assert (found.line, found.column) == (4, text.splitlines()[3].index(" a annual") + 2)


def test_rule_examples_against_the_stand_in(tmp_path, server):
    rule = load_rules().get("G590")
    config = Config(root=tmp_path, languagetool=server.url)
    assert rule.fire_examples and rule.pass_examples
    for text in rule.fire_examples:
        assert g590(lint_text(text, config)), text
    for text in rule.pass_examples:
        assert not g590(lint_text(text, config)), text


def test_clean_text_gives_nothing(tmp_path, server, run_speclint):
    spec = write(tmp_path / "accountant.txt", CLEAN_SPEC)
    result = run_speclint("check", "--select", "G590", spec.name, cwd=tmp_path, env={ENV: server.url})
    assert result.returncode == 0, result.stdout + result.stderr
    assert server.checks


# -- the cache ---------------------------------------------------------------
def test_answers_are_cached_on_disk_across_runs(tmp_path, server, run_speclint):
    spec = write(tmp_path / "accountant.txt", SPEC)
    first = run_speclint("check", "--format", "json", spec.name, cwd=tmp_path, env={ENV: server.url})
    asked = len(server.checks)
    assert asked == 7 and server.language_requests == 1
    cache = tmp_path / ".speclint_cache" / "languagetool"
    assert len(list(cache.glob("*.json"))) == 7
    assert (tmp_path / ".speclint_cache" / ".gitignore").read_text().strip().endswith("*")

    second = run_speclint("check", "--format", "json", spec.name, cwd=tmp_path, env={ENV: server.url})
    assert (len(server.checks), server.language_requests) == (asked, 1)  # not even a connection
    assert second.stdout == first.stdout and second.returncode == first.returncode

    write(spec, SPEC.replace("Receives general supervision", "Receives general direction"))
    run_speclint("check", spec.name, cwd=tmp_path, env={ENV: server.url})
    assert len(server.checks) == asked + 1  # only the changed section is sent again


def test_cache_that_cannot_be_written_keeps_answers_in_memory(tmp_path, server):
    write(tmp_path / ".speclint_cache", "not a folder")
    spec = write(tmp_path / "accountant.txt", SPEC)
    config = Config(root=tmp_path, languagetool=server.url)
    first = g590(lint_path(str(spec), config).violations)
    again = g590(lint_path(str(spec), config).violations)
    assert len(first) == 3 and first == again
    assert len(server.checks) == 7  # the second file was answered from memory


def test_the_cache_key_includes_the_language_and_disabled_rules(tmp_path, server):
    spec = write(tmp_path / "accountant.txt", SPEC)
    lint_path(str(spec), Config(root=tmp_path, languagetool=server.url))
    lint_path(str(spec), Config(root=tmp_path, languagetool={"url": server.url, "disabled-rules": ["EN_A_VS_AN"]}))
    assert len(server.checks) == 14


# -- a server that fails -----------------------------------------------------
def _two_specs(tmp_path):
    write(tmp_path / "a.txt", SPEC)
    write(tmp_path / "b.txt", SPEC.replace("ACCOUNTANT", "SENIOR ACCOUNTANT", 1))
    return ["a.txt", "b.txt"]


def test_a_server_that_does_not_answer_in_time(tmp_path, server, run_speclint):
    files = _two_specs(tmp_path)
    baseline = run_speclint("check", *files, cwd=tmp_path)
    server.delay = 30
    write(tmp_path / ".speclint.yaml", f"languagetool:\n  url: {server.url}\n  timeout: 0.5\n")
    started = time.monotonic()
    result = run_speclint("check", "-v", *files, cwd=tmp_path)
    assert time.monotonic() - started < 15
    assert result.returncode == baseline.returncode
    assert result.stdout == baseline.stdout  # no G590, nothing else changed
    assert len(server.checks) == 1  # one timeout, then the server is left alone for the run
    notes = [line for line in result.stderr.splitlines() if "LanguageTool" in line]
    assert notes == [
        f"speclint: LanguageTool at {server.url} checks grammar (en-US).",  # /v2/languages answered
        f"speclint: LanguageTool at {server.url}: no answer within 0.5 s; grammar checks use built-in rules only for the rest of this run.",
    ]
    assert "Traceback" not in result.stderr

    quiet = run_speclint("check", *files, cwd=tmp_path)
    assert quiet.stderr == "" and quiet.returncode == baseline.returncode


def test_a_server_that_cannot_be_reached(tmp_path, run_speclint):
    files = _two_specs(tmp_path)
    baseline = run_speclint("check", *files, cwd=tmp_path)
    url = closed_port_url()
    result = run_speclint("check", "-v", *files, cwd=tmp_path, env={ENV: url})
    assert (result.returncode, result.stdout) == (baseline.returncode, baseline.stdout)
    assert result.stderr.splitlines() == [
        f"speclint: LanguageTool at {url}: cannot connect; grammar checks use built-in rules only for the rest of this run."
    ]
    assert run_speclint("check", *files, cwd=tmp_path, env={ENV: url}).stderr == ""


def test_an_error_answer_skips_that_file_only(tmp_path, server, caplog):
    server.fail_with = (400, "Error: Invalid request")
    spec = write(tmp_path / "a.txt", SPEC)
    config = Config(root=tmp_path, languagetool=server.url)
    with caplog.at_level("INFO", logger="speclint"):
        assert g590(lint_path(str(spec), config).violations) == []
        server.fail_with = None
        assert len(g590(lint_path(str(spec), config).violations)) == 3  # the server was not given up on
    assert any("Invalid request" in record.getMessage() and "a.txt was not checked" in record.getMessage() for record in caplog.records)


def test_an_answer_in_an_unknown_shape(tmp_path, server):
    server.fail_with = (200, '{"software": {"name": "LanguageTool"}}')  # no "matches"
    config = Config(root=tmp_path, languagetool=server.url)
    assert g590(lint_text(SPEC, config)) == []
    assert not (tmp_path / ".speclint_cache").exists()  # nothing wrong is cached


def test_a_language_the_server_does_not_offer(tmp_path, server, caplog):
    config = Config(root=tmp_path, languagetool={"url": server.url, "language": "xx-YY"})
    with caplog.at_level("INFO", logger="speclint"):
        assert g590(lint_text(SPEC, config)) == []
    assert server.checks == []
    assert any("unsupported language" in record.getMessage() for record in caplog.records)


# -- no server ---------------------------------------------------------------
def test_without_a_server_nothing_is_asked_or_imported(tmp_path, server, run_speclint):
    files = _two_specs(tmp_path)
    quiet = run_speclint("check", *files, cwd=tmp_path)
    assert quiet.stderr == ""
    verbose = run_speclint("check", "-v", *files, cwd=tmp_path)
    assert verbose.stdout == quiet.stdout and verbose.returncode == quiet.returncode
    assert verbose.stderr.splitlines() == [f"speclint: {languagetool.NOT_CONFIGURED}"]  # once, though two files were linted
    assert verbose.stderr.startswith("speclint: LanguageTool not configured (set languagetool: URL in config or SPECLINT_LANGUAGETOOL_URL)")
    assert server.checks == [] and server.language_requests == 0
    assert not (tmp_path / ".speclint_cache").exists()

    program = "import sys; from speclint.cli import main; main(['check', '-q', 'a.txt']); print('language_tool_python' in sys.modules)"
    imported = subprocess.run([sys.executable, "-c", program], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert imported.stdout.strip().endswith("False")


def test_ignoring_g590_silences_the_notice(tmp_path, run_speclint):
    files = _two_specs(tmp_path)
    assert run_speclint("check", "-v", "--ignore", "G590", *files, cwd=tmp_path).stderr == ""


# -- configuration -----------------------------------------------------------
def test_url_in_speclint_yaml(tmp_path, server, run_speclint):
    write(tmp_path / ".speclint.yaml", f"languagetool: {server.url}\n")
    spec = write(tmp_path / "a.txt", SPEC)
    result = run_speclint("check", "--select", "G590", spec.name, cwd=tmp_path)
    assert result.stdout.count("G590") == 3 and result.returncode == 1


def test_mapping_in_speclint_yaml_with_disabled_rules(tmp_path, server, run_speclint):
    settings = f"languagetool:\n  url: {server.url}\n  language: en-GB\n  timeout: 5\n  disabled-rules: [ENGLISH_WORD_REPEAT_RULE]\n"
    write(tmp_path / ".speclint.yaml", settings)
    spec = write(tmp_path / "a.txt", SPEC)
    result = run_speclint("check", "--select", "G590", "--format", "json", spec.name, cwd=tmp_path, env={ENV: "http://127.0.0.1:1"})
    rules = sorted(item["message"].split("(rule ")[-1].rstrip(").") for item in json.loads(result.stdout))
    assert rules == ["EN_A_VS_AN", "IN_ORDER_TO_PREMIUM"]  # the config's server, not the environment's
    assert {form["language"] for form in server.checks} == {"en-GB"}
    assert "ENGLISH_WORD_REPEAT_RULE" in server.checks[0]["disabledRules"].split(",")


def test_pyproject_table(tmp_path, server):
    write(tmp_path / "pyproject.toml", f'[tool.speclint]\nlanguagetool = {{ url = "{server.url}", timeout = 3 }}\n')
    spec = write(tmp_path / "a.txt", SPEC)
    config = resolve(spec)
    assert config.languagetool_settings()["timeout"] == 3.0
    assert len(g590(lint_path(str(spec), config).violations)) == 3


def test_settings(monkeypatch, tmp_path):
    assert Config(root=tmp_path).languagetool_settings() is None
    monkeypatch.setenv(ENV, "localhost:8081")
    settings = Config(root=tmp_path).languagetool_settings()
    assert settings == {
        "url": "http://localhost:8081",
        "timeout": 10.0,
        "language": "en-US",
        "disabled_rules": [],
        "cache": str(tmp_path / ".speclint_cache" / "languagetool"),
    }
    assert Config(root=tmp_path, languagetool={"timeout": 2}).languagetool_settings()["url"] == "http://localhost:8081"
    assert Config(root=tmp_path, languagetool="https://lt.example.org/").languagetool_settings()["url"] == "https://lt.example.org/"
    monkeypatch.setenv(ENV, "  ")
    assert Config(root=tmp_path).languagetool_settings() is None


@pytest.mark.parametrize(
    "value, complaint",
    [
        ("5", "bad value 5 at 'languagetool'"),
        ("{url: http://localhost:8081, timeout: 0}", "at 'languagetool/timeout'"),
        ("{url: http://localhost:8081, wait: 3}", "unknown key 'wait' at 'languagetool'"),
        ("{disabled-rules: EN_A_VS_AN}", "at 'languagetool/disabled-rules'"),
    ],
)
def test_bad_settings_are_configuration_errors(tmp_path, run_speclint, value, complaint):
    config = write(tmp_path / ".speclint.yaml", f"languagetool: {value}\n")
    write(tmp_path / "a.txt", SPEC)
    result = run_speclint("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: {config}: ") and complaint in line
    with pytest.raises(ConfigError, match="languagetool"):
        resolve(tmp_path / "a.txt")
