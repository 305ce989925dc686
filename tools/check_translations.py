"""Check that the plugin can be translated, and that its Danish translation is complete and current.

    python3 tools/check_translations.py           # make lint: report problems, exit 1 if any
    python3 tools/check_translations.py --update  # rewrite i18n/ypo_da.ts from the code (pylupdate5)

The code (``ypo_plugin/``, read as Python's ``ast``):
- ``tr()`` takes one string literal (adjacent literals join), never an f-string, a sum or a variable:
  ``pylupdate5`` can only collect literals, and a text built before translation is never translated;
- text shown to the user is never a bare literal or f-string: the descriptions of Processing parameters
  and outputs, the display name, group and help of an algorithm, feedback, exceptions and the core's
  ``InputError``, widget texts and message-bar messages.

The translation (``i18n/ypo_da.ts``): ``pylupdate5`` run over the code gives the same file (no text
added, changed or dropped since), no entry is unfinished, and each translation keeps its source's
``{placeholders}``. Locations are left out of the file (they would change with every edit); the
glossary at its top, an XML comment, is kept through updates.
"""

import argparse
import ast
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "ypo_plugin"
TRANSLATION = ROOT / "i18n" / "ypo_da.ts"

FEEDBACK_METHODS = {"pushInfo", "pushWarning", "reportError", "setProgressText", "pushCommandInfo"}
WIDGET_METHODS = {
    "setText",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setWindowTitle",
    "setPlaceholderText",
    "setTitle",
    "setHorizontalHeaderLabels",
    "setHeaderLabels",
    "pushMessage",
    "setAlias",
    "setHelp",
}
SHOWN_BY_CONSTRUCTION = {
    "QgsProcessingException",
    "InputError",
    "QAction",
    "QLabel",
    "QPushButton",
    "QCheckBox",
}
"""Classes whose every text argument is shown to the user."""
SHOWN_RETURNS = {"displayName", "group", "shortHelpString", "helpString", "shortDescription", "longName"}
PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)[^{}]*\}(?!\})")
LOCATION = re.compile(r"^\s*<location [^>]*/>\n", re.MULTILINE)
GLOSSARY = re.compile(r"<!--.*?-->\n", re.DOTALL)


def is_bare_text(node: ast.AST) -> bool:
    """A literal with words in it, an f-string, or a sum or %-format built from one."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(re.search(r"[A-Za-z]{2}", node.value))
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return is_bare_text(node.left) or is_bare_text(node.right)
    return False


def called_name(call: ast.Call) -> str:
    function = call.func
    if isinstance(function, ast.Attribute):
        return function.attr
    return function.id if isinstance(function, ast.Name) else ""


def shown_arguments(call: ast.Call) -> list[ast.AST]:
    """The arguments of ``call`` that the user reads."""
    name = called_name(call)
    if name.startswith(("QgsProcessingParameter", "QgsProcessingOutput")):
        description = [keyword.value for keyword in call.keywords if keyword.arg == "description"]
        return description or call.args[1:2]
    if name in SHOWN_BY_CONSTRUCTION or name in FEEDBACK_METHODS or name in WIDGET_METHODS:
        return [*call.args, *(keyword.value for keyword in call.keywords)]
    return []


def code_problems(path: Path) -> list[str]:
    """What in ``path`` keeps a text from being translated."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and called_name(node) == "tr" and isinstance(node.func, ast.Name):
            first = node.args[0] if node.args else None
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                problems.append(f"{where}:{node.lineno}: tr() takes one literal (values as placeholders)")
        elif isinstance(node, ast.Call):
            for argument in shown_arguments(node):
                texts = argument.elts if isinstance(argument, ast.List | ast.Tuple) else [argument]
                if any(is_bare_text(text) for text in texts):
                    name = called_name(node)
                    problems.append(f"{where}:{argument.lineno}: text for the user outside tr(): {name}")
        elif isinstance(node, ast.FunctionDef) and node.name in SHOWN_RETURNS:
            for returned in ast.walk(node):
                if isinstance(returned, ast.Return) and returned.value and is_bare_text(returned.value):
                    problems.append(f"{where}:{returned.lineno}: {node.name}() returns text outside tr()")
    problems += [
        f"{where}:{line}: tr() runs at import, before the translator is installed: call it in a function"
        for line in qt_tr_at_import(tree)
    ]
    return problems


def qt_tr_at_import(tree: ast.Module) -> list[int]:
    """Lines where the Qt-side ``tr`` (of ``ypo_plugin.i18n``) runs when the module is imported:
    before the plugin installs its translator, so the text would stay English. (The core's ``tr``
    only marks a message; it is translated where it is shown.)"""
    uses_qt_tr = any(
        isinstance(node, ast.ImportFrom)
        and (node.module or "").split(".")[-1] == "i18n"
        and any(alias.name == "tr" for alias in node.names)
        for node in tree.body
    )
    if not uses_qt_tr:
        return []
    lines = []
    pending = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr":
            lines.append(node.lineno)
        pending.extend(ast.iter_child_nodes(node))
    return sorted(lines)


def python_files() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if "__pycache__" not in path.parts)


def extracted(current: str) -> str:
    """The translation file as ``pylupdate5`` makes it from the code, keeping the translations and the
    glossary of ``current`` (the committed file's text)."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder) / TRANSLATION.name
        if current:
            work.write_text(current, encoding="utf-8")
        relative = [str(path.relative_to(ROOT)) for path in python_files()]
        subprocess.run(
            ["pylupdate5", "-noobsolete", *relative, "-ts", str(work)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        text = LOCATION.sub("", work.read_text(encoding="utf-8"))
    glossary = GLOSSARY.search(current)
    if glossary and glossary.group(0) not in text:
        text = text.replace("<TS ", glossary.group(0) + "<TS ", 1)
    return text


def translation_problems(text: str) -> list[str]:
    """Unfinished entries and translations that lose or add a placeholder."""
    problems = []
    for message in ElementTree.fromstring(text).iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        done = translation is not None and translation.get("type") != "unfinished"
        if not done or not (translation.text or "").strip():
            problems.append(f"unfinished: {source[:70]!r}")
        elif set(PLACEHOLDER.findall(source)) != set(PLACEHOLDER.findall(translation.text)):
            problems.append(f"placeholders differ: {source[:70]!r}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="rewrite the translation file from the code")
    args = parser.parse_args()
    current = TRANSLATION.read_text(encoding="utf-8") if TRANSLATION.exists() else ""
    fresh = extracted(current)
    if args.update:
        TRANSLATION.write_text(fresh, encoding="utf-8")
    problems = [problem for path in python_files() for problem in code_problems(path)]
    if fresh != current and not args.update:
        problems.append(f"{TRANSLATION.relative_to(ROOT)} is out of date with the code: make translations")
    problems += [f"{TRANSLATION.relative_to(ROOT)}: {problem}" for problem in translation_problems(fresh)]
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
