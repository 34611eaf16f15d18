#!/usr/bin/env python3
"""Dev-time differential check of hearth's front-matter reading against a YAML 1.2 reader.

Generates a corpus of tricky front-matter documents (families: signs, numbers, bools, nulls, tags,
anchors, indentation, quoting, multi-line), reads each with ruamel.yaml and with hearth
(`hearth show --json`, one process per document), and reports where they differ.

ruamel.yaml is the structure reader (quoting, tags, anchors, block scalars); its own implicit
typing accepts forms the 1.2 core schema does not (`-0x1F`, `1_000`, `0b101`, `017` as decimal), so
plain scalars are typed here by the core schema's table (YAML 1.2.2, section 10.3.2), given to
ruamel as its resolver. Explicitly tagged scalars are built by ruamel's own constructors.

With --write, the expected values (ruamel's, except the differences listed in DELIBERATE, which
record hearth's chosen behaviour and why) go to Fixtures/frontmatter/yaml12/<family>.jsonl, which
YAML12GoldenTests reads: `make test` needs no Python for them.

    pip install ruamel.yaml
    swift build && Scripts/yaml12-diff.py [--hearth .build/debug/hearth] [--write]
"""
import argparse
import datetime
import json
import math
import os
import re
import subprocess
import sys
import tempfile

from ruamel.yaml import YAML
from ruamel.yaml.resolver import BaseResolver

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLDEN_DIR = os.path.join(ROOT, "Fixtures", "frontmatter", "yaml12")


class CoreResolver(BaseResolver):
    """The YAML 1.2 core schema's tag resolution, regular expressions copied from the spec."""

    def __init__(self, version=None, loader=None):
        BaseResolver.__init__(self, loader)

    @property
    def processing_version(self):
        return (1, 2)


for tag, pattern, first in [
    ("tag:yaml.org,2002:null", r"^(?:null|Null|NULL|~|)$", ["n", "N", "~", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", list("-+0123456789")),
    ("tag:yaml.org,2002:int", r"^0o[0-7]+$", ["0"]),
    ("tag:yaml.org,2002:int", r"^0x[0-9a-fA-F]+$", ["0"]),
    ("tag:yaml.org,2002:float", r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", list("-+.0123456789")),
    ("tag:yaml.org,2002:float", r"^[-+]?\.(?:inf|Inf|INF)$", list("-+.")),
    ("tag:yaml.org,2002:float", r"^\.(?:nan|NaN|NAN)$", ["."]),
]:
    CoreResolver.add_implicit_resolver(tag, re.compile(pattern), first)
# ruamel consults the empty string's resolvers under None.
CoreResolver.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^$"), [None])


def ruamel_reader():
    yaml = YAML(typ="safe", pure=True)
    yaml.Resolver = CoreResolver
    return yaml


# Documents where hearth deliberately reads otherwise than ruamel.yaml, and why. The golden
# records hearth's reading for these; the report lists them.
DELIBERATE = {
    "tags-null-text": "ruamel builds None from any !!null scalar; the core schema's null is only null/Null/NULL/~/empty, so hearth refuses '!!null \"abc\"' naming the line",
    "tags-bool-yes": "ruamel's !!bool constructor accepts the YAML 1.1 yes/no/on/off; the 1.2 core schema's bool is only true/false, so hearth refuses",
    "tags-bool-on": "as tags-bool-yes",
    "tags-int-signed-hex": "ruamel's !!int constructor accepts a sign before 0x; the core schema's hex has none, so hearth refuses",
    "tags-int-underscore": "ruamel's !!int constructor drops underscores (YAML 1.1); the core schema has none, so hearth refuses",
    "tags-literal": "ruamel's !!int constructor strips the line break a literal block keeps; '42\\n' is no core-schema integer, so hearth refuses",
    "tags-nonspecific-int": "YAML 1.2 resolves a scalar tagged with the non-specific '!' to !!str (spec example 6.28: '! 12' is the string \"12\"); ruamel types it as if untagged",
    "tags-nonspecific-bool": "as tags-nonspecific-int",
    "indent-tab-value": "ruamel's scanner refuses a tab after ':', which YAML 1.2 allows as separation white space (s-white); libyaml and hearth accept it",
    "indent-trailing-spaces": "ruamel's scanner refuses a trailing tab, which YAML 1.2 allows as white space; libyaml and hearth accept it",
}


# --- the corpus ------------------------------------------------------------------------------

def sign_cases():
    """The 51 sign cases: signs after signs, after a radix prefix or elsewhere a core-schema
    number has none. Every one reads as text."""
    cases = []
    for body in ["1", "1.5", ".5", ".inf", "1e3"]:
        for signs in ["++", "+-", "-+", "--"]:
            if body == "1e3" and signs in ("++", "--"):
                continue
            cases.append(signs + body)
    cases += ["0x-1", "0x+1", "0x-1F", "0x+1F", "0o-7", "0o+7", "0x--1", "0o++7"]
    cases += ["+0x1F", "-0x1F", "+0o17", "-0o17", "-0x0", "+0o0"]
    cases += ["1e+-3", "1e-+3", "1e--3", "1e++3", "1.5e+-2"]
    cases += ["1-", "1+", "1-2", "1+2", "0x1F-", "0o7+"]
    cases += [".-5", ".+5", "1.-5", "1.+5"]
    cases += ["+.nan", "-.nan", "+ 1", "-+0"]
    assert len(cases) == 51, len(cases)
    return cases


def doc(name, yaml_text):
    return {"name": name, "yaml": yaml_text}


def families():
    out = {}
    signs = sign_cases()
    docs = [doc(f"sign-{i:02d}", f"value: {case}\n") for i, case in enumerate(signs)]
    docs += [doc(f"sign-list-{i:02d}", f"values: [{case}, 1]\n") for i, case in enumerate(signs[:12])]
    docs += [doc(f"sign-block-{i:02d}", f"values:\n  - {case}\n  - -1\n") for i, case in enumerate(signs[26:38])]
    controls = ["+1", "-1", "+1.5", "-.5", "-.inf", "+.inf", "1e+3", "1e-3", "0x1F", "0o17", "+0", "-0"]
    docs += [doc(f"sign-control-{i:02d}", f"value: {case}\n") for i, case in enumerate(controls)]
    out["signs"] = docs

    numbers = [
        "0", "7", "007", "00", "42", "-7", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "-9223372036854775809", "18446744073709551616", "123456789012345678901234567890",
        "-123456789012345678901234567890", "000000000000000000000000000001", "0x0", "0x7FFFFFFFFFFFFFFF",
        "0x8000000000000000", "0xFFFFFFFFFFFFFFFF", "0x10000000000000000", "0x123456789abcdef0123456789",
        "0xDEADbeef", "0o777", "0o1777777777777777777777", "0o2000000000000000000000", "0o77777777777777777777777777",
        "1.", ".5", "1.5", "-0.25", "1e3", "1E3", "1.5e-3", "2.5E+10", "1e308", "1e309", "-1e309", "4.9e-324",
        "0.1", "100000000000000000000.5", "12345678901234567890.0", "9007199254740993", "9007199254740993.0",
        "1_000", "0b101", "1,000", "1.2.3", "0x", "0o", "0xG1", "0o8", "09", "1e", "e3", ".", "..5", "0X1F",
        "0O17", "1 000", "3.14abc", ".inf", ".Inf", ".INF", ".iNf", ".nan", ".NaN", ".NAN", "nan", "inf",
        "-.Inf", "+.INF", "1:30", "12:30:45", "2024-01-01", "2024-13-45", "1e3.5", "0.", "-.0",
    ]
    docs = [doc(f"number-{i:03d}", f"value: {case}\n") for i, case in enumerate(numbers)]
    docs.append(doc("number-flow-big", "values: [123456789012345678901234567890, 0x10000000000000000, 1, -9223372036854775809]\n"))
    docs.append(doc("number-block-big", "values:\n  - 99999999999999999999\n  - 0o2000000000000000000000\n"))
    docs.append(doc("number-nested-big", "outer:\n  inner: 123456789012345678901234567890\n  hex: 0xFFFFFFFFFFFFFFFFFF\n"))
    out["numbers"] = docs

    bools = ["true", "True", "TRUE", "false", "False", "FALSE", "tRUE", "yes", "no", "Yes", "NO", "on", "off",
             "y", "n", "Y", "N", "t", "f", "1", "0", "\"true\"", "'false'", "[true, no, False]", "truee"]
    out["bools"] = [doc(f"bool-{i:02d}", f"value: {case}\n") for i, case in enumerate(bools)]

    nulls = ["", "~", "null", "Null", "NULL", "nULL", "nil", "None", "\"null\"", "'~'", "\"\"", "''",
             "[~, null, Null, , x]", "[null]", "# only a comment"]
    docs = [doc(f"null-{i:02d}", f"value: {case}\n") for i, case in enumerate(nulls) if "[~, null, Null, , x]" != case]
    docs.append(doc("null-block-items", "values:\n  -\n  - ~\n  - null\n  - 'null'\n"))
    docs.append(doc("null-nested", "outer:\n  a:\n  b: ~\n"))
    out["nulls"] = docs

    tags = {
        "tags-int-dq": '!!int "3"', "tags-int-sq": "!!int '3'", "tags-int-plain": "!!int 3",
        "tags-int-hex": '!!int "0x1F"', "tags-int-octal": "!!int '0o17'", "tags-int-neg": '!!int "-12"',
        "tags-int-big": '!!int "123456789012345678901234567890"', "tags-int-text": '!!int "abc"',
        "tags-int-float": '!!int "1.5"', "tags-int-signed-hex": '!!int "-0x1F"', "tags-int-underscore": '!!int "1_000"',
        "tags-float-dq": '!!float "1"', "tags-float-sq": "!!float '1.5'", "tags-float-plain": "!!float 2",
        "tags-float-exp": '!!float "1e3"', "tags-float-inf": '!!float ".inf"', "tags-float-neg": '!!float "-5"',
        "tags-float-text": '!!float "abc"', "tags-float-hex": '!!float "0x1F"',
        "tags-null-sq": "!!null ''", "tags-null-dq": '!!null ""', "tags-null-word": '!!null "null"',
        "tags-null-tilde": "!!null ~", "tags-null-plain": "!!null", "tags-null-text": '!!null "abc"',
        "tags-bool-dq": '!!bool "true"', "tags-bool-sq": "!!bool 'False'", "tags-bool-plain": "!!bool TRUE",
        "tags-bool-yes": '!!bool "yes"', "tags-bool-on": "!!bool on", "tags-bool-text": '!!bool "maybe"',
        "tags-str-int": "!!str 3", "tags-str-bool": "!!str true", "tags-str-null": "!!str null",
        "tags-str-tilde": "!!str ~", "tags-str-float": "!!str 1.5", "tags-str-dq": '!!str "x"',
        "tags-nonspecific-int": "! 3", "tags-nonspecific-bool": "! true", "tags-verbatim-int": '!<tag:yaml.org,2002:int> "7"',
        "tags-flow": '[!!int "3", !!str 4, !!float "2", !!null \'\', !!bool "false"]',
        "tags-str-empty": "!!str", "tags-str-hex": "!!str 0x1F",
    }
    docs = [doc(name, f"value: {text}\n") for name, text in tags.items()]
    docs.append(doc("tags-block", 'values:\n  - !!int "5"\n  - !!str 6\n  - !!null ""\n'))
    docs.append(doc("tags-nested", 'outer:\n  a: !!int "1"\n  b: !!str 2\n'))
    docs.append(doc("tags-literal", "value: !!int |\n  42\n"))
    out["tags"] = docs

    anchors = {
        "anchor-other-key": "a: &x 1\nb: *x\n",
        "anchor-other-key-text": "a: &x hello\nb: *x\nc: 3\n",
        "anchor-other-key-quoted": "a: &x \"3\"\nb: *x\n",
        "anchor-list": "a: &x [1, 2]\nb: *x\n",
        "anchor-block-list": "a: &x\n  - one\n  - two\nb: *x\n",
        "anchor-map": "a: &x\n  k: v\n  n: 2\nb: *x\n",
        "anchor-inside-flow": "a: [&x 1, *x, 2]\n",
        "anchor-in-list-used-later": "a:\n  - &x 5\n  - 6\nb: *x\n",
        "anchor-undefined": "b: *y\n",
        "anchor-before-definition": "b: *x\na: &x 1\n",
        "anchor-redefined": "a: &x 1\nb: &x 2\nc: *x\n",
        "anchor-on-big": "a: &x 123456789012345678901234567890\nb: *x\n",
        "anchor-on-tagged": "a: &x !!int \"4\"\nb: *x\n",
        "anchor-three": "a: &x 1\nb: &y 2\nc: [*x, *y]\n",
        "anchor-comment": "a: &x 1  # the anchor\nb: *x  # the alias\n",
        "anchor-nested-use": "a: &x 1\nb:\n  c: *x\n",
        "anchor-null": "a: &x\nb: *x\n",
    }
    out["anchors"] = [doc(name, text) for name, text in anchors.items()]

    indentation = {
        "indent-uniform-1": " a: 1\n b: two\n",
        "indent-uniform-2": "  a: 1\n  b: two\n  c: [x, y]\n",
        "indent-uniform-4": "    a: 1\n    b:\n      - x\n      - y\n",
        "indent-uniform-comment": "# note\n  a: 1\n  b: 2\n",
        "indent-mixed-bad": "  a: 1\nb: 2\n",
        "indent-deeper-bad": "a: 1\n  b: 2\n",
        "indent-explicit-key": "? a\n: 1\n? b\n: two\n",
        "indent-explicit-key-inline": "? a\n: 1\nb: 2\n",
        "indent-explicit-key-only": "? a\nb: 2\n",
        "indent-explicit-key-quoted": "? \"a b\"\n: [1, 2]\n",
        "indent-explicit-key-block": "? a\n:\n  - 1\n  - 2\nc: 3\n",
        "indent-explicit-multiline-key": "? |\n  long key\n: 1\n",
        "indent-block-list-col0": "a:\n- 1\n- 2\nb: 3\n",
        "indent-block-list-deep": "a:\n      - 1\n      - 2\n",
        "indent-nested-map": "a:\n  b:\n    c: 1\n  d: 2\n",
        "indent-nested-list-of-maps": "a:\n  - k: 1\n    v: 2\n  - k: 3\n",
        "indent-tab-value": "a:\t1\n",
        "indent-tab-indent": "a:\n\t- 1\n",
        "indent-trailing-spaces": "a: 1   \nb: 2\t\n",
        "indent-blank-lines": "a: 1\n\n\nb: 2\n",
        "indent-comment-between": "a:\n  # c\n  - 1\n# top\nb: 2\n",
        "indent-list-items-differ-bad": "a:\n  - 1\n    - 2\n",
    }
    out["indentation"] = [doc(name, text) for name, text in indentation.items()]

    quoting = {
        "quote-single": "a: 'it''s'\n", "quote-double-escape": 'a: "a\\"b\\\\c"\n', "quote-hex": 'a: "\\x41\\u00e9\\U0001F600"\n',
        "quote-hash-dq": 'a: "# not a comment"\n', "quote-hash-sq": "a: '# no'\n", "quote-hash-plain": "a: x#y\n",
        "quote-comment": "a: x # comment\n", "quote-colon": "a: b:c\n", "quote-colon-space-dq": 'a: "b: c"\n',
        "quote-key-dq": '"a b": 1\n', "quote-key-sq": "'a:b': 2\n", "quote-key-number": "1: one\n2: two\n",
        "quote-key-bool": "true: yes\n", "quote-empty-dq": 'a: ""\n', "quote-empty-sq": "a: ''\n",
        "quote-number-dq": 'a: "3"\n', "quote-number-sq": "a: '3.5'\n", "quote-date-dq": 'a: "2024-01-01"\n',
        "quote-time": 'a: "23:30"\n', "quote-mid-plain": "a: it's\n", "quote-mid-dq": 'a: say "hi"\n',
        "quote-flow-quoted": "a: ['x, y', \"z\"]\n", "quote-flow-trailing-comma": "a: [1, 2, ]\n",
        "quote-escape-tab": 'a: "a\\tb"\n', "quote-escape-newline": 'a: "a\\nb"\n', "quote-escape-bell": 'a: "\\a\\e"\n',
        "quote-escape-nel": 'a: "\\N\\_\\L\\P"\n', "quote-unicode": "a: héllo wörld ✓\n", "quote-backslash-plain": "a: C:\\path\n",
        "quote-unclosed": 'a: "open\n', "quote-percent": "a: 50%\n", "quote-at": "a: '@home'\n",
        "quote-backtick": "a: '`x`'\n", "quote-question": "a: ?x\n", "quote-dash": "a: -x\n",
        "quote-flow-map": "a: {b: 1, c: [2]}\n", "quote-dq-escaped-slash": 'a: "a\\/b"\n',
    }
    out["quoting"] = [doc(name, text) for name, text in quoting.items()]

    multiline = {
        "multi-literal": "a: |\n  line one\n  line two\nb: 1\n",
        "multi-literal-strip": "a: |-\n  x\n  y\n",
        "multi-literal-keep": "a: |+\n  x\n\nb: 1\n",
        "multi-folded": "a: >\n  one\n  two\n\n  three\n",
        "multi-folded-strip": "a: >-\n  one\n  two\n",
        "multi-folded-indented": "a: >\n  one\n    more\n  two\n",
        "multi-literal-indicator": "a: |2\n    x\n   y\n",
        "multi-plain": "a: one\n  two\n  three\nb: 2\n",
        "multi-plain-blank": "a: one\n\n  two\n",
        "multi-dq": 'a: "one\n  two"\n',
        "multi-dq-escape-newline": 'a: "one \\\n  two"\n',
        "multi-sq": "a: 'one\n\n  two'\n",
        "multi-flow": "a: [1,\n  2, 3]\n",
        "multi-flow-map": "a: {x: 1,\n  y: 2}\n",
        "multi-literal-number": "a: |\n  42\n",
        "multi-plain-number": "a: 1\n  2\n",
        "multi-literal-comment": "a: | # note\n  text\n",
        "multi-literal-trailing-blank": "a: |\n  text\n\n\nb: 2\n",
        "multi-folded-keep": "a: >+\n  x\n\n",
        "multi-literal-crlf-like": "a: |\n  x\\r\n",
    }
    out["multiline"] = [doc(name, text) for name, text in multiline.items()]
    return out


# --- canonical JSON, as hearth's JSONValue writes it ------------------------------------------

def canonical(value, source_text=None):
    """Compact JSON as hearth writes it: floats whole below 1e15 as `N.0`, else shortest repr;
    non-finite floats as the scalar's text (JSON has none), strings escaped like JSONValue."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return string(source_text if source_text is not None else repr(value))
        if value == math.floor(value) and abs(value) < 1e15:
            return str(int(value)) + ".0"
        return repr(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return string(value.isoformat())
    if isinstance(value, bytes):
        return string(value.decode("utf-8", "replace"))
    if isinstance(value, str):
        return string(value)
    if isinstance(value, list):
        return "[" + ",".join(canonical(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(string(str(key)) + ":" + canonical(item) for key, item in value.items()) + "}"
    raise TypeError(type(value))


def string(text):
    out = ['"']
    for ch in text:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def expected_by_ruamel(yaml_text):
    """[(key, canonical json)] by ruamel with the core schema, or ("error", message)."""
    try:
        node = ruamel_reader().compose(yaml_text)
        data = ruamel_reader().load(yaml_text)
    except Exception as error:  # any YAML error means the document is refused
        return ("error", str(error).splitlines()[0] if str(error) else type(error).__name__)
    if data is None:
        return []
    if not isinstance(data, dict):
        return ("error", "not a mapping")
    return [(key_text(key), canonical_node(value_node, value))
            for (_, value_node), (key, value) in zip(node.value, data.items())]


def key_text(key):
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return ""
    return str(key)


def canonical_node(node, value):
    """canonical(value), with a non-finite float written as its scalar's text (as hearth does)."""
    if isinstance(value, float) and not math.isfinite(value):
        return canonical(value, node.value)
    if isinstance(value, list):
        return "[" + ",".join(canonical_node(child, item) for child, item in zip(node.value, value)) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(string(key_text(key)) + ":" + canonical_node(child, item)
                              for (_, child), (key, item) in zip(node.value, value.items())) + "}"
    return canonical(value)


def hearth_reading(hearth, notebook, name, yaml_text):
    """[(key, canonical json)] as hearth reads the document, or ("error", message)."""
    path = os.path.join(notebook, "notes", name + ".md")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("---\n" + yaml_text + "---\nBody.\n")
    result = subprocess.run([hearth, "show", "--json", "notes/" + name + ".md"], cwd=notebook,
                            capture_output=True, text=True)
    if result.returncode != 0:
        return ("error", result.stderr.strip().splitlines()[0] if result.stderr.strip() else "exit %d" % result.returncode)
    front_matter = json.loads(result.stdout)["front_matter"]
    return [(key, canonical(value)) for key, value in front_matter.items()]


def same(expected, actual):
    if isinstance(expected, tuple) or isinstance(actual, tuple):
        return isinstance(expected, tuple) and isinstance(actual, tuple)
    return expected == actual


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hearth", default=os.path.join(ROOT, ".build", "debug", "hearth"))
    parser.add_argument("--write", action="store_true", help="refresh Fixtures/frontmatter/yaml12")
    parser.add_argument("--verbose", action="store_true", help="print every difference")
    args = parser.parse_args()

    corpus = families()
    total = sum(len(docs) for docs in corpus.values())
    agreed = 0
    differences = []
    with tempfile.TemporaryDirectory() as notebook:
        subprocess.run([args.hearth, "init", notebook], capture_output=True, check=True)
        os.makedirs(os.path.join(notebook, "notes"), exist_ok=True)
        for family, docs in corpus.items():
            records = []
            for entry in docs:
                expected = expected_by_ruamel(entry["yaml"])
                actual = hearth_reading(args.hearth, notebook, entry["name"], entry["yaml"])
                if same(expected, actual):
                    agreed += 1
                else:
                    differences.append((entry, expected, actual))
                record = {"name": entry["name"], "yaml": entry["yaml"]}
                golden = expected
                if entry["name"] in DELIBERATE:
                    record["differs_from_ruamel"] = DELIBERATE[entry["name"]]
                    golden = actual
                if isinstance(golden, tuple):
                    record["refused"] = True
                else:
                    record["keys"] = [[key, value] for key, value in golden]
                records.append(record)
            if args.write:
                os.makedirs(GOLDEN_DIR, exist_ok=True)
                with open(os.path.join(GOLDEN_DIR, family + ".jsonl"), "w", encoding="utf-8") as handle:
                    for record in records:
                        handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{total} documents in {len(corpus)} families ({len(sign_cases())} sign cases); "
          f"hearth agrees with ruamel.yaml (core schema) on {agreed}, differs on {len(differences)}")
    deliberate = [d for d in differences if d[0]["name"] in DELIBERATE]
    print(f"  of the differences, {len(deliberate)} deliberate (listed in DELIBERATE), "
          f"{len(differences) - len(deliberate)} not")
    for entry, expected, actual in differences:
        if not args.verbose and entry["name"] in DELIBERATE:
            continue
        print(f"- {entry['name']}: {entry['yaml']!r}\n    ruamel: {expected}\n    hearth: {actual}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
