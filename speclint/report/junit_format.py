"""``--format junit``: JUnit XML, the test report GitLab, Jenkins and Azure DevOps show in their test tabs.

One ``<testsuite>`` per spec file and one ``<testcase>`` per finding, so the CI page lists each spec
with its problems under it. A finding at or above the file's fail level (``--fail-on``, default
warning) is a ``<failure>`` carrying ``path:line:col: CODE message``; one below it (info, by default)
is a passing test case that names the finding in its output, so the report fails exactly when the
exit code does. A spec with no problems is one passing test case; a file that could not be read is
an ``<error>``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from speclint.violation import at_least

# Characters XML 1.0 cannot carry even escaped (form feeds and other controls a Word export leaves).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub(lambda match: f"U+{ord(match.group()):04X}", text)


def write_junit(results, stream, options=None) -> None:
    options = options or {}
    suites = ET.Element("testsuites", name="speclint")
    for result in results:
        suites.append(_file_suite(result))
    if options.get("errors"):
        suite = ET.SubElement(suites, "testsuite", name="paths that could not be used")
        for message in options["errors"]:
            case = ET.SubElement(suite, "testcase", classname="speclint", name=xml_safe(message))
            ET.SubElement(case, "error", message=xml_safe(message), type="path").text = xml_safe(message)
        _count(suite)
    for name in ("tests", "failures", "errors"):
        suites.set(name, str(sum(int(suite.get(name)) for suite in suites)))
    ET.indent(suites)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(suites, encoding="unicode"))
    stream.write("\n")


def _file_suite(result) -> ET.Element:
    path = xml_safe(result.path)
    classname = re.sub(r"\.[^./\\]+$", "", path)  # without ".txt": Jenkins reads dots in a class name as packages
    suite = ET.Element("testsuite", name=path)
    if result.error:
        case = ET.SubElement(suite, "testcase", classname=classname, name="read the file", file=path)
        ET.SubElement(case, "error", message=xml_safe(result.error), type="read error").text = xml_safe(result.error)
    elif not result.violations:
        ET.SubElement(suite, "testcase", classname=classname, name="no problems", file=path)
    for v in result.violations:
        name = f"{v.code} {v.rule} (line {v.line}, column {v.column})"
        case = ET.SubElement(suite, "testcase", classname=classname, name=xml_safe(name), file=path, line=str(v.line))
        report = xml_safe(f"{v.path}:{v.line}:{v.column}: {v.code} [{v.severity}] {v.message}")
        if at_least(v.severity, result.fail_on):
            ET.SubElement(case, "failure", message=xml_safe(v.message), type=v.severity).text = report
        else:
            ET.SubElement(case, "system-out").text = f"{report} (below the fail level {result.fail_on}, so not a failure)"
    _count(suite)
    return suite


def _count(suite: ET.Element) -> None:
    cases = suite.findall("testcase")
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(sum(1 for case in cases if case.find("failure") is not None)))
    suite.set("errors", str(sum(1 for case in cases if case.find("error") is not None)))
    suite.set("skipped", "0")
