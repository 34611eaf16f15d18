#!/usr/bin/env python3
"""Writes hearth(1) in man(7) format from the binary's own description of its commands.

Usage: generate-manpage.py HEARTH_BINARY > hearth.1

The commands, options and help texts come from `hearth --experimental-dump-help` (the JSON
swift-argument-parser writes), so the page always matches the binary being installed, whatever
commands it has. The date comes from SOURCE_DATE_EPOCH when set, for reproducible builds.
"""
import datetime
import json
import os
import subprocess
import sys

# Shown once under OPTIONS rather than under every command.
COMMON = {"--help", "-h", "--version"}

ENVIRONMENT = [
    ("HEARTH_TOKEN", "A token for https remotes, sent once per sync when the server asks; never printed, logged or written."),
    ("HEARTH_TODAY", "Pins \"today\" to a date like 2026-11-22 (for scripts and tests)."),
    ("VISUAL, EDITOR", "The editor that new, today and edit open (default: vi)."),
    ("NO_COLOR", "When set and not empty, output has no colour. Colour is only used on a terminal."),
    ("SSL_CERT_FILE, SSL_CERT_DIR", "Certificates to trust for https remotes."),
]

FILES = [
    ("hearth.yaml", "The notebook's settings; committed, so they sync to every device."),
    (".hearth/templates/KIND.md", "The notebook's own template for a kind of entry (day, week, note, experiment)."),
    (".gitignore", "Written or extended by hearth init with hearth's temporary files and per-device editor files."),
    ("days/YYYY/YYYY-MM-DD.md", "Day entries; weeks/, experiments/ and notes/ hold the other kinds."),
]


def escape(text):
    """Text safe on a roff line: backslashes escaped, no line starting with a control character."""
    text = text.replace("\\", "\\e")
    lines = []
    for line in text.split("\n"):
        line = line.rstrip()
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def dashes(text):
    """Option names with real minus signs, so they can be searched for and copied."""
    return text.replace("-", "\\-")


def option_names(argument):
    names = []
    for name in argument.get("names", []):
        prefix = "-" if name["kind"] in ("short", "longWithSingleDash") else "--"
        names.append(prefix + name["name"])
    return names


def synopsis_part(argument):
    """One argument as it appears in a synopsis: `[--device device]`, `text...`."""
    value = argument.get("valueName", "")
    if argument["kind"] == "positional":
        part = "\\fI" + escape(value) + "\\fR"
    else:
        names = option_names(argument)
        preferred = argument.get("preferredName")
        name = names[0]
        if preferred:
            prefix = "-" if preferred["kind"] in ("short", "longWithSingleDash") else "--"
            name = prefix + preferred["name"]
        part = "\\fB" + dashes(name) + "\\fR"
        if argument["kind"] == "option":
            part += " \\fI" + escape(value) + "\\fR"
    if argument.get("isRepeating"):
        part += "..."
    if argument.get("isOptional"):
        part = "[" + part + "]"
    return part


def visible(arguments):
    return [a for a in arguments or [] if a.get("shouldDisplay", True)
            and not (set(option_names(a)) & COMMON)]


def describe_argument(argument, out):
    if argument["kind"] == "positional":
        label = "\\fI" + escape(argument.get("valueName", "")) + "\\fR"
    else:
        label = ", ".join("\\fB" + dashes(n) + "\\fR" for n in option_names(argument))
        if argument["kind"] == "option":
            label += " \\fI" + escape(argument.get("valueName", "")) + "\\fR"
    out.append(".TP")
    out.append(label)
    text = argument.get("abstract", "")
    if argument.get("defaultValue") not in (None, ""):
        text += " (default: " + argument["defaultValue"] + ")"
    if argument.get("allValues"):
        text += " One of: " + ", ".join(argument["allValues"]) + "."
    out.append(escape(text) if text else "")
    if argument.get("discussion"):
        discussion = argument["discussion"]
        if isinstance(discussion, dict):
            discussion = discussion.get("staticText", "") or ""
        if discussion:
            out.append(".IP")
            out.append(escape(discussion))


def describe_command(command, path, out):
    """A subsection per command, nested commands as `hearth remote add`."""
    name = " ".join(path + [command["commandName"]])
    children = [c for c in command.get("subcommands", []) if c.get("shouldDisplay", True)]
    arguments = visible(command.get("arguments"))
    synopsis = "\\fB" + escape(name) + "\\fR"
    if children and not arguments:
        synopsis += " \\fICOMMAND\\fR"
    synopsis += "".join(" " + synopsis_part(a) for a in arguments)
    out.append(".SS " + '"' + escape(name) + '"')
    out.append(synopsis)
    out.append(".PP")
    out.append(escape(command.get("abstract", "")))
    if command.get("discussion"):
        out.append(".PP")
        out.append(escape(command["discussion"]))
    for argument in arguments:
        # -C is described once under OPTIONS; the synopsis still shows it.
        if "-C" not in option_names(argument):
            describe_argument(argument, out)
    for child in children:
        describe_command(child, path + [command["commandName"]], out)


def manual(root, version, date):
    command = root["command"]
    name = command["commandName"]
    out = [
        '.\\" Generated from `%s --experimental-dump-help` by Scripts/generate-manpage.py.' % name,
        '.TH %s 1 "%s" "%s %s" "User Commands"' % (name.upper(), date, name, escape(version)),
        ".SH NAME",
        "%s \\- %s" % (name, escape(command.get("abstract", ""))),
        ".SH SYNOPSIS",
        "\\fB%s\\fR [\\fB\\-C\\fR \\fIDIR\\fR] \\fICOMMAND\\fR [\\fIARGUMENTS\\fR...]" % name,
        ".br",
        "\\fB%s\\fR \\fB\\-\\-version\\fR | \\fB\\-\\-help\\fR" % name,
        ".SH DESCRIPTION",
        escape(command.get("discussion", "")),
        ".SH OPTIONS",
        ".TP",
        "\\fB\\-C\\fR \\fIDIR\\fR",
        "Run as if hearth was started in \\fIDIR\\fR (every command takes it).",
        ".TP",
        "\\fB\\-h\\fR, \\fB\\-\\-help\\fR",
        "Show help for hearth or for one command (\\fBhearth help\\fR \\fICOMMAND\\fR).",
        ".TP",
        "\\fB\\-\\-version\\fR",
        "Show the version.",
        ".SH COMMANDS",
    ]
    for child in command.get("subcommands", []):
        if child.get("shouldDisplay", True):
            describe_command(child, [name], out)
    out.append(".SH EXIT STATUS")
    out.append("0 on success, 1 on failure, 2 on a usage error.")
    out.append(".SH ENVIRONMENT")
    for variable, text in ENVIRONMENT:
        out += [".TP", "\\fB" + variable + "\\fR", escape(text)]
    out.append(".SH FILES")
    for path, text in FILES:
        out += [".TP", "\\fI" + escape(path) + "\\fR", escape(text)]
    out.append(".SH SEE ALSO")
    out.append(".BR git (1)")
    return "\n".join(out) + "\n"


def fail(message):
    """Stops with a message saying what failed and what to do, and exit status 1 (no traceback)."""
    sys.stderr.write("generate-manpage.py: " + message + "\n")
    sys.exit(1)


def output_of(binary, argument):
    """What `binary argument` printed, stopping with a clear message when it failed or printed nothing."""
    command = "%s %s" % (binary, argument)
    try:
        run = subprocess.run([binary, argument], capture_output=True, text=True, errors="replace", timeout=60)
    except OSError as error:
        fail("cannot run %s: %s; give the path of a built hearth binary" % (binary, error.strerror or error))
    except subprocess.TimeoutExpired:
        fail("%s did not finish in 60 seconds: is %s a hearth binary?" % (command, binary))
    if run.returncode != 0:
        said = run.stderr.strip().splitlines()
        fail("%s failed (exit status %d%s): is %s a hearth binary?"
             % (command, run.returncode, ": " + said[-1] if said else "", binary))
    if not run.stdout.strip():
        fail("%s printed nothing: is %s a hearth binary?" % (command, binary))
    return run.stdout


def main():
    if len(sys.argv) != 2:
        print("usage: generate-manpage.py HEARTH_BINARY > hearth.1", file=sys.stderr)
        sys.exit(2)
    binary = sys.argv[1]
    dump = output_of(binary, "--experimental-dump-help")
    try:
        root = json.loads(dump)
    except ValueError as error:
        fail("%s --experimental-dump-help did not print JSON (%s): is %s a hearth binary?" % (binary, error, binary))
    if not isinstance(root, dict) or not isinstance(root.get("command"), dict) or not root["command"].get("commandName"):
        fail("%s --experimental-dump-help printed JSON without a command in it: is %s a hearth binary?" % (binary, binary))
    version = output_of(binary, "--version").strip()
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        when = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch else datetime.datetime.now(datetime.timezone.utc)
    except (ValueError, OverflowError, OSError):
        fail("SOURCE_DATE_EPOCH=%s is not a number of seconds since 1970; unset it or give one" % epoch)
    try:
        page = manual(root, version, when.strftime("%Y-%m-%d"))
    except (KeyError, TypeError, AttributeError) as error:
        fail("%s --experimental-dump-help printed help this script does not understand (%r missing or wrong): "
             "is %s a hearth binary built with a compatible swift-argument-parser?" % (binary, error, binary))
    sys.stdout.write(page)


if __name__ == "__main__":
    main()
