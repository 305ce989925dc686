"""The lint check of translatable texts (tools/check_translations.py) and the core's messages."""

import pickle
import textwrap

import check_translations  # from tools/, which tests/conftest.py puts on the path
import pytest

from ypo_plugin.core.errors import InputError
from ypo_plugin.core.messages import Message, tr


def problems_in(tmp_path, code):
    path = tmp_path / "module.py"
    path.write_text(textwrap.dedent(code), encoding="utf-8")
    return check_translations.code_problems(path)


@pytest.mark.parametrize(
    "code",
    [
        'raise QgsProcessingException(f"The layer {name} is empty.")',
        'raise QgsProcessingException("The layer is empty.")',
        'feedback.pushWarning("Units " + "left out")',
        'feedback.reportError("%d units left out" % count)',
        'tr(f"Sector {sector}")',
        'tr("Sector " + sector)',
        "tr(text)",
        'QgsProcessingParameterNumber("SEED", "Seed", integer, 1)',
        'QgsProcessingOutputNumber("RUN_SECONDS", description="Run time (s)")',
        'self.table.setHorizontalHeaderLabels(["Problem", tr("Sectors")])',
        'raise InputError(f"District {name} has no workload.")',
        'label.setToolTip("Click a sector")',
    ],
)
def test_text_for_the_user_outside_tr_is_found(tmp_path, code):
    assert len(problems_in(tmp_path, code)) == 1


def test_help_returned_outside_tr_is_found(tmp_path):
    code = """
    class Algorithm:
        def displayName(self):
            return "Split districts"

        def shortHelpString(self):
            return tr("Builds a plan.")
    """
    assert [problem.split(": ", 1)[1] for problem in problems_in(tmp_path, code)] == [
        "displayName() returns text outside tr()"
    ]


@pytest.mark.parametrize(
    "code",
    [
        'raise QgsProcessingException(tr("The layer {name} is empty.", name=name))',
        "feedback.pushWarning(translated(warning))",
        'tr("Units " "left out", count=3)',
        'QgsProcessingParameterNumber("SEED", tr("Seed"), integer, 1)',
        'feedback.pushInfo("")',
        'raise InputError(tr("District {name} has no workload.", name=name))',
        "raise QgsProcessingException(message)",
    ],
)
def test_translatable_text_passes(tmp_path, code):
    assert problems_in(tmp_path, code) == []


def test_a_core_message_is_its_english_text_and_keeps_its_template():
    message = tr("District {name} has {count:,} inhabitants.", name="North", count=12500)
    assert message == "District North has 12,500 inhabitants."
    assert (message.template, message.values) == (
        "District {name} has {count:,} inhabitants.",
        {
            "name": "North",
            "count": 12500,
        },
    )
    assert pickle.loads(pickle.dumps(InputError(message))).args[0].template == message.template


def test_a_core_message_without_values_is_left_as_written():
    assert tr("Use {braces} freely.") == "Use {braces} freely."
    assert isinstance(tr("Use {braces} freely."), Message)


def test_placeholders_lost_in_a_translation_are_found():
    text = """<TS version="2.1"><context><name>@default</name>
    <message><source>Sector {sector} of {count}</source><translation>Sektor {sector}</translation></message>
    <message><source>Done</source><translation type="unfinished"></translation></message>
    <message><source>{share:.1%} kept</source><translation>{share:.1%} beholdt</translation></message>
    </context></TS>"""
    assert check_translations.translation_problems(text) == [
        "placeholders differ: 'Sector {sector} of {count}'",
        "unfinished: 'Done'",
    ]


def test_a_translation_run_at_import_is_found(tmp_path):
    """At import the plugin has not installed its translator yet: the text would stay English."""
    code = """
    from ..i18n import tr

    TITLE = tr("Sector overview")
    NAMES = {"a": tr("Sectors")}


    def title():
        return tr("Sector overview")
    """
    assert [problem.split(": ", 1)[1] for problem in problems_in(tmp_path, code)] == [
        "tr() runs at import, before the translator is installed: call it in a function"
    ] * 2


def test_the_cores_marks_at_import_are_no_problem(tmp_path):
    code = """
    from .messages import tr

    ENGLISH = {"sector": tr("Sector")}
    """
    assert problems_in(tmp_path, code) == []
