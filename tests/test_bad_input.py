"""Bad input through the real command (issue 8, "unbreakable on bad input").

The promise: "Each gives a one-line error naming the file and the reason, exit 2, and every other file is still linted
and reported." Each test runs `speclint check <bad> <good>`, where the good file has BAD_SPEC's text (an M602 and two
M604 findings), and checks the exit code, the one line on stderr (the whole of stderr: nothing else is printed there),
and that the good file's findings are still on stdout. Where an input is not an error, the test's docstring says why.
"""

from __future__ import annotations

import ctypes
import os
import random
import re
import subprocess
import sys
import tempfile
import textwrap
import tracemalloc
from pathlib import Path

import pytest
from conftest import BAD_SPEC, SEEDS, speclint_command

from speclint.config import Config
from speclint.engine import RuleContext
from speclint.engine.registry import load_pack
from speclint.engine.rule import RulePackError
from speclint.lint import lint_path
from speclint.parse import parse_spec
from speclint.read import MAX_BYTES, ReadError, read_bytes, read_file_bytes

GOOD_M602 = ":5:39: M602 [error]"


@pytest.fixture
def good(tmp_path) -> Path:
    path = tmp_path / "good" / "good.txt"
    path.parent.mkdir()
    path.write_text(BAD_SPEC, encoding="utf-8")
    return path


def assert_one_error(result, expected: str, good: Path) -> None:
    """Exit 2, stderr is exactly the one expected line, and the good file's findings are still reported."""
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert result.stderr.splitlines() == [f"error: {expected}"]
    assert f"{good}{GOOD_M602}" in result.stdout
    assert f"{good}:14:13: M604" in result.stdout


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# -- files that are not text --------------------------------------------------------------------------------------
def test_empty_file(run_speclint, tmp_path, good):
    bad = write(tmp_path / "empty.txt", b"")
    assert_one_error(run_speclint("check", bad, good), f"{bad}: file is empty", good)


def test_one_byte_file(run_speclint, tmp_path, good):
    """One byte is a file cut off or a placeholder, not a spec: ten "missing section" findings would bury the cause.
    Any text file without a word (two letters in a row) is refused so; a short spec with words is linted."""
    bad = write(tmp_path / "one.txt", b"x")
    expected = f"{bad}: has no words (only 1 character of text), so it is not a class spec"
    assert_one_error(run_speclint("check", bad, good), expected, good)


def test_binary_file(run_speclint, tmp_path, good):
    bad = write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(8).randbytes(4096))
    assert_one_error(run_speclint("check", bad, good), f"{bad}: binary file (contains NUL bytes), not a text spec", good)


def test_nul_bytes_inside_normal_text(run_speclint, tmp_path, good):
    """A text spec with a stray NUL is damaged, not binary: the line says where the NUL is, so it can be removed."""
    bad = write(tmp_path / "nul.txt", BAD_SPEC.encode().replace(b"journal", b"jour\x00nal").replace(b"Journey", b"Jour\x00ney"))
    expected = (
        f"{bad}: a NUL byte (character 0) at line 8, column 5 (and 1 more): plain text never has one, so the file is "
        "probably damaged; remove it, or export the spec to text again"
    )
    assert_one_error(run_speclint("check", bad, good), expected, good)


def test_invalid_utf8_in_a_utf8_file(run_speclint, tmp_path, good):
    """A UTF-8 file (it has a ’) with one byte that is not UTF-8: damaged, or two encodings pasted together. Reading it as
    Windows-1252 would turn its ’ into "â€™"; the line names the byte and where it is instead."""
    text = BAD_SPEC.replace("Journey level.", "Journey level; the District\u2019s accountants.")
    bad = write(tmp_path / "mixed.txt", text.encode().replace(b"journal", b"jour\xffnal"))
    expected = (
        f"{bad}: not valid UTF-8: byte 0xff at line 14, column 20 is not UTF-8, though the rest of the file is; "
        "the file is damaged or mixes two encodings: save it again as UTF-8"
    )
    assert_one_error(run_speclint("check", bad, good), expected, good)


def test_bytes_that_are_neither_utf8_nor_windows_1252(run_speclint, tmp_path, good):
    """Bytes that are not UTF-8 but are Windows-1252 (Word's text export: "caf\\xe9") are read as Windows-1252
    (tests/test_read.py); 0x81 is neither."""
    bad = write(tmp_path / "undecodable.txt", BAD_SPEC.encode().replace(b"journal", b"jour\x81nal"))
    expected = f"{bad}: cannot decode the text: not UTF-8 or Windows-1252 (byte 0x81 at line 14, column 20)"
    assert_one_error(run_speclint("check", bad, good), expected, good)


def test_utf16_without_a_bom_is_read(run_speclint, tmp_path, good):
    """Not an error: UTF-16 without a byte-order mark shows itself by a NUL in every other byte of its ASCII text, and
    speclint reads it (speclint/read/text.py), with the same findings at the same lines and columns as the UTF-8 file."""
    spec = write(tmp_path / "utf16.txt", BAD_SPEC.encode("utf-16-le"))
    result = run_speclint("check", spec, good)
    assert result.returncode == 1 and result.stderr == ""
    assert f"{spec}{GOOD_M602}" in result.stdout and f"{good}{GOOD_M602}" in result.stdout
    assert result.stdout.count("M604") == 4


def test_a_file_over_the_size_limit(run_speclint, tmp_path, good):
    bad = tmp_path / "huge.txt"
    with open(bad, "wb") as handle:  # sparse: 50 MB on paper, a few bytes on disk, made at once
        handle.write(BAD_SPEC.encode())
        handle.truncate(50 * 1024 * 1024)
    expected = f"{bad}: file is too large to be a class spec (50 MB; the limit is 20 MB)"
    assert_one_error(run_speclint("check", bad, good), expected, good)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    bad = tmp_path / "huge.txt"
    with open(bad, "wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    tracemalloc.start()
    try:
        with pytest.raises(ReadError, match="too large"):
            read_file_bytes(bad)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024  # nothing of the 20 MB was read


def test_standard_input_over_the_size_limit(run_speclint, good):
    result = run_speclint("check", "-", good, input="x" * (MAX_BYTES + 10))
    assert_one_error(result, "<stdin>.txt: file is too large to be a class spec (over 20 MB; the limit is 20 MB)", good)


def test_one_megabyte_on_one_line_is_linted(run_speclint, tmp_path, good):
    """Not an error: one line of real text, 1 MB long (a spec whose line breaks were lost), is text within the size
    limit, so it is linted. (This test found P301 taking quadratic time on long lines: 4 s for this file, and about
    half an hour for the largest file the reader takes.) Its speed is measured by benchmarks, not here; the
    subprocess time-out is only a safety net."""
    words = " ".join(path.read_text(encoding="utf-8").replace("\n", " ") for path in SEEDS)
    spec = write(tmp_path / "one-line.txt", (words * (1024 * 1024 // len(words) + 1))[: 1024 * 1024])
    result = run_speclint("check", "--format", "json", spec, good)
    assert result.returncode == 1 and result.stderr == ""
    assert f'"path": "{spec}"' in result.stdout and f'"path": "{good}"' in result.stdout


def _memory_cap():
    """In the child: at most 3 GB of address space, so a blow-up is a MemoryError and not the machine swapping."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (3 * 1024**3, 3 * 1024**3))


def test_pathological_text_finishes(tmp_path, good):
    """Real text, but shaped to find what grows faster than the file (found while testing these inputs; each was fixed):
    a 20,000-letter "word" (T401's suggestions for it needed 20 GB), 200 KB of capitalised words (the search for
    defined abbreviations, "Water District (CVWD)", started again at every capital: 15 minutes), a 400 KB line of
    weights under it (P301-P304 searched the whole line, and the line above, for each weight: over 10 minutes), and
    2,000 headings (each finding searched every section for its own). It now takes seconds; the time-out and the
    memory cap only catch a return of those."""
    parts = [
        "ACCOUNTANT II", "FLSA Status: Exempt", "", "DEFINITION", "Performs work.", "", "a" * 20_000,
        ("ACCOUNTANT II SENIOR " * 12_000)[:200_000], ("lift 50 pounds and twenty-five pounds and 10 lbs " * 9_000)[:400_000],
        "DEFINITION\n" * 2_000, "PHYSICAL DEMANDS", "This is sedentary work.",
    ]  # fmt: skip
    spec = write(tmp_path / "pathological.txt", "\n".join(parts) + "\n")
    environment = dict(os.environ, NO_COLOR="1", SPECLINT_NO_CACHE="1")
    result = subprocess.run(
        [*speclint_command(), "check", "--statistics", str(spec), str(good)],
        capture_output=True, text=True, env=environment, timeout=120, preexec_fn=_memory_cap,
    )  # fmt: skip
    assert result.returncode == 1 and result.stderr == ""
    assert "P301" in result.stdout and "M602" in result.stdout


# -- paths that are not files -------------------------------------------------------------------------------------
def test_a_folder_named_like_a_spec_is_a_folder(run_speclint, tmp_path, good):
    """Not an error: a folder is searched for specs whatever its name, as every linter does with a folder; the specs in
    it are linted. (Should the folder hold no spec at all, nothing is said today: see the report on issue 8.)"""
    folder = tmp_path / "x.txt"
    inner = write(folder / "inner.txt", BAD_SPEC)
    result = run_speclint("check", folder, good)
    assert result.returncode == 1 and result.stderr == ""
    assert f"{inner}{GOOD_M602}" in result.stdout and f"{good}{GOOD_M602}" in result.stdout


def test_a_folder_given_where_a_file_is_read():
    """What a folder gets when it reaches the reader (passed to speclint.lint.lint_path, or one that was a file when
    the folder was searched)."""
    with tempfile.TemporaryDirectory(suffix=".txt") as folder:
        with pytest.raises(ReadError) as raised:
            read_file_bytes(folder)
    assert str(raised.value) == f"{folder}: is a directory, not a file"


def _without_root_powers():
    """In the child, before speclint starts: give up the two capabilities that let root read any file
    (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), so file permissions apply to it as to any user."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP: gone from this process and what it runs
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _can_drop_root_powers() -> bool:
    try:
        subprocess.run([sys.executable, "-c", ""], preexec_fn=_without_root_powers, check=True, timeout=60)
    except (OSError, subprocess.CalledProcessError):
        return False
    return True


def test_unreadable_file(tmp_path, good):
    """A file speclint may not read. chmod 000 stops everyone but root; as root (CI containers) speclint runs without
    root's power to ignore permissions (the capabilities dropped, as an ordinary user has none of them)."""
    bad = write(tmp_path / "secret.txt", BAD_SPEC)
    bad.chmod(0)
    options = {}
    if os.geteuid() == 0:
        if not sys.platform.startswith("linux") or not _can_drop_root_powers():
            pytest.skip("running as root, and root's capabilities cannot be dropped here, so no file is unreadable")
        options["preexec_fn"] = _without_root_powers
    environment = dict(os.environ, NO_COLOR="1", SPECLINT_NO_CACHE="1")
    result = subprocess.run(
        [*speclint_command(), "check", str(bad), str(good)], capture_output=True, text=True, env=environment, timeout=120, **options
    )
    expected = f"{bad}: permission denied: speclint may not read this file (check its permissions)"
    assert_one_error(result, expected, good)


def test_symbolic_link_loop_in_a_folder(run_speclint, tmp_path, good):
    """a.txt -> b.txt -> a.txt: each link is a file that cannot be read, one line each, and the rest of the folder is
    linted."""
    folder = tmp_path / "specs"
    write(folder / "real.txt", BAD_SPEC)
    (folder / "a.txt").symlink_to("b.txt")
    (folder / "b.txt").symlink_to("a.txt")
    result = run_speclint("check", folder, good)
    reason = "symbolic link loop: the link leads back to itself, so there is no file to read"
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"error: {folder / 'a.txt'}: {reason}", f"error: {folder / 'b.txt'}: {reason}"]
    assert f"{folder / 'real.txt'}{GOOD_M602}" in result.stdout and f"{good}{GOOD_M602}" in result.stdout


def test_symbolic_link_loop_named_on_the_command_line(run_speclint, tmp_path, good):
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    expected = f"{tmp_path / 'a.txt'}: symbolic link loop: the link leads back to itself, so there is no file to read"
    assert_one_error(run_speclint("check", tmp_path / "a.txt", good), expected, good)


def test_a_folder_link_back_up_the_tree_is_not_followed(run_speclint, tmp_path, good):
    """Not an error: speclint does not follow links to folders while it searches one (os.walk's default), so
    sub/loop -> .. is never entered: the search ends, each spec is linted once, and nothing is said about the link."""
    folder = tmp_path / "specs"
    spec = write(folder / "sub" / "spec.txt", BAD_SPEC)
    (folder / "sub" / "loop").symlink_to("..")
    result = run_speclint("check", folder, good)
    assert result.returncode == 1 and result.stderr == ""
    assert result.stdout.count(f"{spec}{GOOD_M602}") == 1 and f"{good}{GOOD_M602}" in result.stdout


def test_broken_symbolic_link(run_speclint, tmp_path, good):
    bad = tmp_path / "gone.txt"
    bad.symlink_to("nowhere.txt")
    expected = f"{bad}: broken symbolic link: it points to nowhere.txt, which does not exist"
    assert_one_error(run_speclint("check", bad, good), expected, good)


def test_named_pipe_is_refused_without_waiting_for_it(run_speclint, tmp_path, good):
    """Opening a named pipe waits for a writer (a folder with one would hang the run); /dev/zero never ends."""
    bad = tmp_path / "pipe.txt"
    os.mkfifo(bad)
    expected = f"{bad}: is a named pipe, not a file (to lint standard input, give - as the path)"
    assert_one_error(run_speclint("check", bad, good), expected, good)


# -- configuration and rule packs ----------------------------------------------------------------------------------
PACK = """\
pack: county
rules:
  - code: CTY01
    name: county-rule
    kind: {kind}
    category: grammar
    severity: warning
    message: 'Found "{{match}}".'
    description: A county rule.
    examples: {{fire: ["aa"], pass: ["b"]}}
"""


def pack(kind: str, extra: str) -> str:
    return PACK.format(kind=kind) + textwrap.indent(extra, "    ")


@pytest.mark.parametrize(
    "config, rule_pack, reason",
    [
        pytest.param("select: [M602\nfail-on: error\n", None, "invalid YAML at line 2", id="invalid-yaml"),
        pytest.param("selct: [M602]\nfail-on: eror\n", None, "unknown key 'selct' at the top level", id="unknown-key"),
        pytest.param(b"vocabulary: [caf\xe9]\n", None, "not UTF-8 text (byte 0xe9 at line 1); save the file as UTF-8", id="not-utf8"),
        pytest.param(
            "today: 2026-02-30\n", None, "invalid YAML: a value cannot be read (day is out of range for month)", id="impossible-date"
        ),
        pytest.param(
            "select: " + "[" * 2000 + "]" * 2000 + "\n", None, "nested too deeply (lists or mappings inside each other)", id="deep"
        ),
        pytest.param(
            "rule-packs: [pack.yaml]\n",
            pack("pattern", "pattern: '(unclosed'\n"),
            "rule-packs: {pack}: rule CTY01: bad regular expression '(unclosed': missing ), unterminated subpattern at position 0",
            id="bad-regex",
        ),
        pytest.param(
            "rule-packs: [pack.yaml]\n",
            pack("substitution", "swap: {'a{99999999999}': b}\n"),
            "rule-packs: {pack}: rule CTY01: bad regular expression 'a{99999999999}': the repetition number is too large",
            id="regex-overflow",
        ),
        pytest.param(
            "rule-packs: [pack.yaml]\n",
            pack("pattern", "pattern: 'Grade [[:digit:]]'\n"),
            "rule-packs: {pack}: rule CTY01: bad regular expression 'Grade [[:digit:]]': Python's re and the regex module "
            "that runs rule-pack patterns read it differently (possible nested set at position 7); put a backslash before "
            "a [ or a doubled -, &, ~ or | that is meant as itself",
            id="re-and-regex-differ",
        ),
        pytest.param(
            "rule-packs: [pack.yaml]\n",
            pack("pattern", "pattern: '\\p{Lu}{3}'\n"),
            "rule-packs: {pack}: rule CTY01: bad regular expression '\\\\p{Lu}{3}': bad escape \\p at position 0",
            id="regex-accepts-re-refuses",
        ),
    ],
)
def test_bad_configuration(run_speclint, tmp_path, good, config, rule_pack, reason):
    """A folder whose configuration cannot be used is one line naming the config file; a second folder, with a good
    configuration of its own, is still linted. Patterns are Python `re` syntax (what the documentation says and pack
    authors test with) and run with the `regex` module (for its time limit), so a pattern must suit both."""
    broken = tmp_path / "broken"
    config_file = write(broken / ".speclint.yaml", config)
    write(broken / "spec.txt", BAD_SPEC)
    if rule_pack is not None:
        write(broken / "pack.yaml", rule_pack)
    write(good.parent / ".speclint.yaml", "fail-on: warning\n")
    result = run_speclint("check", broken, good.parent)
    assert_one_error(result, f"{config_file}: {reason.replace('{pack}', str(broken / 'pack.yaml'))}", good)


def test_bad_configuration_of_files_named_one_by_one(run_speclint, tmp_path, good):
    """As pre-commit runs it: each file of the broken folder would report the configuration; it is said once."""
    config_file = write(tmp_path / "broken" / ".speclint.yaml", "selct: [M602]\n")
    specs = [write(tmp_path / "broken" / f"{name}.txt", BAD_SPEC) for name in "abc"]
    result = run_speclint("check", *specs, good)
    assert_one_error(result, f"{config_file}: unknown key 'selct' at the top level", good)


# -- a user's pattern that backtracks without end ------------------------------------------------------------------
CATASTROPHIC = "(a|aa)+$"  # on "aaaa...a!" Python's re tries every way to split the a's: 60 of them take for ever


def test_a_catastrophic_user_pattern_is_stopped_and_reported(run_speclint, tmp_path):
    """The rule is stopped on the file it hangs on (one line: the file, the rule and its pack, the reason) and reports
    nothing there; every other rule's findings on that file, and the rule on other files, are kept.
    With `re` this run would not end: the subprocess time-out of 120 s would fail the test."""
    write(tmp_path / ".speclint.yaml", "rule-packs: [packs/county.yaml]\n")
    second = pack("substitution", "swap: {'\\bentries\\b': 'journal entries'}\n").split("rules:\n")[1]
    rule_pack = write(
        tmp_path / "packs" / "county.yaml",
        pack("pattern", f"pattern: '{CATASTROPHIC}'\n") + second.replace("CTY01", "CTY02").replace("county-rule", "county-entries"),
    )
    slow = write(tmp_path / "slow.txt", BAD_SPEC.replace("Journey level.", "Journey level " + "a" * 60 + "!") + "Prepares entries.\n")
    other = write(tmp_path / "other.txt", BAD_SPEC + "Prepares entries. aa")
    result = run_speclint("check", slow, other)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"error: {slow}: rule CTY01 (county-rule) of {rule_pack}: its regular expression took more than 1 s on this file "
        "and was stopped; it probably backtracks catastrophically — simplify it"
    ]
    assert f"{slow}{GOOD_M602}" in result.stdout and f"{slow}:26:10: CTY02" in result.stdout
    assert f"{other}{GOOD_M602}" in result.stdout and f"{other}:26:19: CTY01" in result.stdout
    assert f"{slow}:" not in "".join(line for line in result.stdout.splitlines() if "CTY01" in line)


RULE_KINDS = {  # where a user's pattern runs: each must be under its rule's clock
    "pattern": ("pattern", f"pattern: '{CATASTROPHIC}'\n"),
    "pattern-unless": ("pattern", f"pattern: 'Journey'\nunless: '{CATASTROPHIC}'\n"),
    "substitution": ("substitution", f"swap: {{'Journey': 'Entry', '{CATASTROPHIC}': b}}\n"),
    "required-pattern": ("required-pattern", f"patterns: ['{CATASTROPHIC}']\n"),
    "required-section-title": ("required-section", f"sections: [definition]\nwhen: {{title: '{CATASTROPHIC}'}}\n"),
}


@pytest.mark.parametrize("case", RULE_KINDS)
def test_every_kind_of_user_rule_is_stopped_in_time(tmp_path, monkeypatch, case):
    """A pattern, its "unless", the swaps (and their joint search), required patterns and a title condition all run
    under the rule's clock; a tenth of a second here keeps the test short."""
    from speclint.engine import user_regex

    monkeypatch.setattr(user_regex, "USER_REGEX_SECONDS", 0.1)
    kind, body = RULE_KINDS[case]
    path = write(tmp_path / "pack.yaml", pack(kind, body))
    text = BAD_SPEC.replace("ACCOUNTANT II", "A" * 60 + "!").replace("Journey level.", "Journey " + "a" * 60 + "!")
    spec = write(tmp_path / "spec.txt", text)
    result = lint_path(str(spec), Config(rule_packs=[str(path)]))
    assert result.rule_errors == [
        f"{spec}: rule CTY01 (county-rule) of {path}: its regular expression took more than 0.1 s on this file and was "
        "stopped; it probably backtracks catastrophically — simplify it"
    ]
    codes = {v.code for v in result.violations}
    assert "M602" in codes and "CTY01" not in codes


def test_a_pattern_re_accepts_and_regex_refuses_is_a_pack_error(tmp_path, monkeypatch):
    """No such pattern is known once re's "possible nested set" warnings are refused (a random search of 400,000
    small patterns found none), so `regex` is made to refuse one here; the message must still be one clear line."""
    import regex

    def refuse(pattern, flags=0):
        raise regex.error("unknown extension", pattern, 3)

    monkeypatch.setattr(regex, "compile", refuse)
    path = write(tmp_path / "pack.yaml", pack("pattern", "pattern: '(?<=a)b'\n"))
    with pytest.raises(RulePackError) as raised:
        load_pack(path)
    assert str(raised.value) == (
        f"{path}: rule CTY01: bad regular expression '(?<=a)b': Python's re accepts it, but the regex module that runs "
        "rule-pack patterns (so that one running too long can be stopped) does not (unknown extension at position 3); "
        "write it another way"
    )


def test_user_patterns_run_with_regex_and_shipped_ones_with_re(tmp_path):
    path = write(tmp_path / "pack.yaml", pack("pattern", "pattern: 'entries'\nunless: 'journal'\n"))
    [rule] = load_pack(path)
    assert type(rule.patterns[0]).__name__ == "UserPattern" and type(rule.unless).__name__ == "UserPattern"
    shipped = [rule for rule in Config().rules if rule.kind == "pattern"]
    assert shipped and all(isinstance(p, re.Pattern) for rule in shipped for p in rule.patterns)
    source = read_bytes(b"ACCOUNTANT\n\nDEFINITION\nPrepares entries; posts journal entries.\nFiles entries.\n", "a.txt")
    found = list(rule.check(RuleContext(parse_spec(source))))
    assert [(v.line, v.column, v.end_column) for v in found] == [(5, 7, 14)]


def test_regex_is_imported_only_for_user_packs(tmp_path, good):
    """Start-up time: the shipped rules never import `regex`; a configuration with a rule pack does."""
    write(tmp_path / "packed" / ".speclint.yaml", "rule-packs: [pack.yaml]\n")
    write(tmp_path / "packed" / "pack.yaml", pack("pattern", "pattern: 'entries'\n"))
    packed = write(tmp_path / "packed" / "spec.txt", BAD_SPEC)
    program = "import sys\nfrom speclint.cli import main\nmain(['check', '-q', sys.argv[1]])\nprint('regex' in sys.modules)"
    environment = dict(os.environ, SPECLINT_NO_CACHE="1")
    answers = [
        subprocess.run([sys.executable, "-c", program, str(path)], capture_output=True, text=True, env=environment, timeout=120)
        .stdout.splitlines()[-1]
        for path in (good, packed)
    ]
    assert answers == ["False", "True"]


def test_dump_text_from_standard_input_has_the_file_size_limit(run_speclint):
    """--dump-text reads standard input under the same limit as a file: one line, exit 2, nothing dumped."""
    from speclint.read import MAX_BYTES

    result = run_speclint("check", "--dump-text", "-", input="a" * (MAX_BYTES + 10))
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert "too large" in line and "<stdin>" in line
    assert result.stdout == ""
