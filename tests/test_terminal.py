"""Terminal manners: colour only on a terminal, a progress bar only for a person watching one,
``speclint config --show``, and ``-`` for standard input."""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import subprocess
import time

import pytest
from conftest import BAD_SPEC, CLEAN, SEEDS, speclint_command

from speclint import progress
from speclint.report.text_format import use_color

ANSI = "\033["
BAD_LINE = "Performs professional accounting work.[GK1]"


def run_on_terminal(args, *, terminal=("stderr",), env=None, cwd=None, timeout=120):
    """Run speclint with stdout and/or stderr on a pseudo-terminal. Returns (exit code, terminal bytes, piped stdout, piped stderr)."""
    environment = dict(os.environ)
    for name in ("NO_COLOR", "FORCE_COLOR", "PRE_COMMIT"):
        environment.pop(name, None)
    environment.update(env or {})
    master, slave = pty.openpty()
    streams = {name: slave if name in terminal else subprocess.PIPE for name in ("stdout", "stderr")}
    process = subprocess.Popen([*speclint_command(), *map(str, args)], stdin=subprocess.DEVNULL, env=environment, cwd=cwd, **streams)
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + timeout
    # read as it comes: a pseudo-terminal's buffer is small, and a full one would stall the child
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.1)
        if not ready:
            if process.poll() is not None:
                break
            continue
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child has closed its end
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    out = process.stdout.read() if process.stdout else b""
    err = process.stderr.read() if process.stderr else b""
    process.wait(timeout=10)
    return process.returncode, seen.decode("utf-8", "replace"), out.decode(), err.decode()


@pytest.fixture
def many_specs(tmp_path):
    """More specs than the progress bar's threshold: copies of a clean spec."""
    folder = tmp_path / "specs"
    folder.mkdir()
    for number in range(progress.MANY_FILES + 3):
        shutil.copyfile(CLEAN[0], folder / f"spec-{number:02}{CLEAN[0].suffix}")
    return folder


# -- progress ------------------------------------------------------------------------------
def test_progress_bar_on_a_terminal(many_specs):
    total = progress.MANY_FILES + 3
    code, screen, out, _ = run_on_terminal(["check", "--jobs", "2", many_specs])
    assert code == 0, screen
    assert f"\r[{'#' * 30}] {total}/{total} files" in screen
    assert screen.endswith("\r"), "the bar is erased when the run ends"
    assert out == f"No problems found in {total} files.\n"  # the report itself is untouched


def test_no_progress_bar_when_stderr_is_not_a_terminal(many_specs, run_speclint):
    result = run_speclint("check", many_specs)
    assert result.returncode == 0
    assert result.stderr == ""


@pytest.mark.parametrize("how", ["pre-commit", "quiet"])
def test_no_progress_bar_under_pre_commit_or_quiet(many_specs, how):
    args, env = (["check", "-q", many_specs], {}) if how == "quiet" else (["check", many_specs], {"PRE_COMMIT": "1"})
    code, screen, _, _ = run_on_terminal(args, env=env)
    assert code == 0
    assert "files" not in screen and "[" not in screen


def test_progress_bar_waits_for_a_slow_run(monkeypatch):
    """A few files show no bar unless the run takes over a second; then it appears."""

    class Terminal:
        def __init__(self):
            self.written = ""

        def write(self, text):
            self.written += text

        def flush(self):
            pass

        def isatty(self):
            return True

    clock = [100.0]
    monkeypatch.setattr(progress.time, "monotonic", lambda: clock[0])
    monkeypatch.delenv("PRE_COMMIT", raising=False)
    terminal = Terminal()
    bar = progress.progress_for(3, stream=terminal)
    bar.advance()
    assert terminal.written == ""
    clock[0] += progress.SLOW_SECONDS + 0.5
    bar.advance()
    assert terminal.written.endswith("] 2/3 files")
    bar.close()
    assert terminal.written.endswith("\r")
    assert progress.progress_for(3, quiet=True, stream=terminal) is None
    monkeypatch.setenv("PRE_COMMIT", "1")
    assert progress.progress_for(30, stream=terminal) is None


# -- colour --------------------------------------------------------------------------------
class _Stream:
    def __init__(self, tty):
        self.tty = tty

    def isatty(self):
        return self.tty


@pytest.mark.parametrize(
    "environment, tty, expected",
    [
        ({}, True, True),
        ({}, False, False),
        ({"NO_COLOR": "1"}, True, False),
        ({"NO_COLOR": ""}, True, True),  # NO_COLOR counts only when it has a value
        ({"FORCE_COLOR": "1"}, False, True),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, False),  # NO_COLOR wins
        ({"FORCE_COLOR": "0"}, True, False),
        ({"TERM": "dumb"}, True, False),
    ],
)
def test_colour_rules(monkeypatch, environment, tty, expected):
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert use_color(_Stream(tty)) is expected


def test_colour_on_a_terminal_only(run_speclint):
    seed = SEEDS[0]
    code, screen, _, _ = run_on_terminal(["check", seed], terminal=("stdout", "stderr"), env={"TERM": "xterm"})
    assert code == 1 and ANSI in screen
    code, screen, _, _ = run_on_terminal(["check", seed], terminal=("stdout", "stderr"), env={"TERM": "xterm", "NO_COLOR": "1"})
    assert code == 1 and ANSI not in screen and "[error]" in screen
    piped = run_speclint("check", seed)
    assert ANSI not in piped.stdout
    forced = run_speclint("check", seed, env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert ANSI in forced.stdout


# -- config --show -------------------------------------------------------------------------
def test_config_show_names_the_file_and_where_each_value_came_from(run_speclint, tmp_path):
    (tmp_path / ".speclint.yaml").write_text("ignore: [S107]\nfail-on: error\n", encoding="utf-8")
    (tmp_path / "county").mkdir()
    spec = tmp_path / "county" / "clerk.txt"
    spec.write_text("CLERK\n", encoding="utf-8")
    result = run_speclint("config", "--show", spec, "--select", "M,F", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    config_file = str(tmp_path / ".speclint.yaml")
    assert f"Config file: {config_file}" in result.stdout
    rows = {line.split()[0]: line for line in result.stdout.splitlines()[3:] if line.strip()}
    assert rows["ignore"].endswith(config_file) and '["S107"]' in rows["ignore"]
    assert rows["fail-on"].split()[1:] == ["error", config_file]
    assert rows["select"].endswith("command line") and '["M", "F"]' in rows["select"]
    assert rows["schema"].endswith("built-in default")
    assert rows["today"].endswith("environment ($SPECLINT_TODAY)")  # the suite pins the date rules' today


def test_config_show_json_and_command_line_additions(run_speclint, tmp_path):
    (tmp_path / "rules.yaml").write_text("ignore: [S107]\n", encoding="utf-8")
    result = run_speclint("config", "--show", "--format", "json", "--config", tmp_path / "rules.yaml", "--ignore", "M602", tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["config_file"] == str(tmp_path / "rules.yaml")
    assert data["settings"]["ignore"] == {"value": ["S107", "M602"], "source": f"{tmp_path / 'rules.yaml'} + command line"}
    assert data["settings"]["select"] == {"value": ["ALL"], "source": "built-in default"}
    assert set(data["settings"]) >= {"select", "ignore", "severity", "per-path-ignores", "include", "exclude", "fail-on", "schema"}


def test_config_show_without_a_config_file(run_speclint, tmp_path):
    result = run_speclint("config", "--show", cwd=tmp_path)
    assert result.returncode == 0
    assert "none found" in result.stdout and "built-in defaults apply" in result.stdout


def test_config_show_errors(run_speclint, tmp_path):
    missing = run_speclint("config", "--show", tmp_path / "nowhere")
    assert missing.returncode == 2 and missing.stderr.strip() == f"error: {tmp_path / 'nowhere'}: no such file or directory"
    (tmp_path / ".speclint.yaml").write_text("colour: blue\n", encoding="utf-8")
    broken = run_speclint("config", "--show", tmp_path)
    assert broken.returncode == 2 and len(broken.stderr.strip().splitlines()) == 1 and ".speclint.yaml" in broken.stderr
    assert run_speclint("config", tmp_path).returncode == 2  # nothing asked for


# -- standard input ------------------------------------------------------------------------
SPEC = f"""ACCOUNTANT II
FLSA Status: Exempt

DEFINITION
{BAD_LINE}
"""


def _json(result) -> list[dict]:
    return json.loads(result.stdout)


def test_stdin_is_linted_under_its_default_name(run_speclint):
    result = run_speclint("check", "--format", "json", "-", input=SPEC)
    assert result.returncode == 1, result.stderr
    anchor = next(v for v in _json(result) if v["code"] == "M602")
    assert (anchor["path"], anchor["line"], anchor["column"]) == ("<stdin>.txt", 5, 39)


def test_stdin_filename_names_it_and_picks_the_nearest_config(run_speclint, tmp_path):
    county = tmp_path / "county"
    county.mkdir()
    (county / ".speclint.yaml").write_text("ignore: [M602]\n", encoding="utf-8")
    name = str(county / "drafts" / "accountant.txt")  # need not exist
    plain = run_speclint("check", "--format", "json", "-", input=SPEC, cwd=tmp_path)
    configured = run_speclint("check", "--format", "json", "-", "--stdin-filename", name, input=SPEC, cwd=tmp_path)
    assert "M602" in {v["code"] for v in _json(plain)}
    assert "M602" not in {v["code"] for v in _json(configured)}
    assert {v["path"] for v in _json(configured)} == {name}


def test_stdin_is_read_as_bytes_so_encodings_are_decoded(tmp_path):
    """UTF-16 (Word's "Unicode" text) on stdin gives the same findings, at the same places, as the file."""
    spec = tmp_path / "accountant.txt"
    spec.write_text(SPEC, encoding="utf-16")
    environment = dict(os.environ, NO_COLOR="1")
    from_file = subprocess.run([*speclint_command(), "check", "--format", "json", spec], capture_output=True, env=environment)
    from_stdin = subprocess.run(
        [*speclint_command(), "check", "--format", "json", "-", "--stdin-filename", "accountant.txt"],
        input=spec.read_bytes(),
        capture_output=True,
        env=environment,
    )
    assert from_stdin.returncode == from_file.returncode == 1, from_stdin.stderr

    def where(result):
        return [(v["line"], v["column"], v["code"]) for v in json.loads(result.stdout)]

    assert where(from_stdin) == where(from_file)


def test_stdin_filename_decides_the_format(run_speclint):
    result = run_speclint("check", "-", "--stdin-filename", "accountant.pdf", input=SPEC)
    assert result.returncode == 2
    # Read as a PDF because of its name: plain text is no PDF, so the PDF reader refuses it.
    assert result.stderr.strip() == (
        "error: accountant.pdf: not a PDF file (it does not start with %PDF-); was it renamed from another format?"
    )


def test_stdin_with_files_keeps_the_order_given(run_speclint):
    result = run_speclint("check", "--format", "json", CLEAN[0], "-", SEEDS[0], input=SPEC)
    paths = list(dict.fromkeys(v["path"] for v in _json(result)))
    assert paths == ["<stdin>.txt", str(SEEDS[0])]


def test_empty_stdin_is_a_read_error(run_speclint):
    result = run_speclint("check", "-", input="")
    assert result.returncode == 2
    assert result.stderr.strip() == "error: <stdin>.txt: file is empty"


def test_a_report_file_has_no_colour_codes_even_with_force_color(run_speclint, tmp_path):
    report = tmp_path / "report.txt"
    result = run_speclint("check", SEEDS[2], "--output", report, env={"FORCE_COLOR": "1"})
    assert result.returncode == 1
    text = report.read_text(encoding="utf-8")
    assert "M602" in text and "\x1b[" not in text


def test_control_characters_from_a_spec_are_shown_not_sent_to_the_terminal(run_speclint, tmp_path):
    """An escape sequence or a right-to-left override quoted from a spec must not act on the terminal."""
    spec = tmp_path / "a.txt"
    spec.write_text(BAD_SPEC.replace("<b>journal</b>", "<b\x1b[2J\u202e>journal</b>"), encoding="utf-8")
    result = run_speclint("check", spec, env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    [line] = [line for line in result.stdout.splitlines() if "M604" in line and "\\x1b" in line]
    assert "\\u202e" in line and "\x1b[2J" not in result.stdout and "\u202e" not in result.stdout
    assert "\x1b[" in result.stdout  # speclint's own colours are still there
