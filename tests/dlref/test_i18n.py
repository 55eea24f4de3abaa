"""dlref speaks Korean: the catalog is complete and shipped, and the language is chosen right.

The language is read at every call, so each test sets it with monkeypatch (the root
conftest.py sets DLREF_LANG=en for everything else).
"""

from __future__ import annotations

import ast
import csv
import fnmatch
import re
import warnings
from pathlib import Path

import numpy as np
import pytest

import dlref
from dlref import _i18n, _i18n_tools, _loss_messages, activations, losses, optimizers
from dlref._i18n import _, get_language, set_language

babel = pytest.importorskip("babel")
from babel.messages.pofile import read_po  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "dlref"
KO_PO = _i18n_tools.po_path("ko")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
LOCALE_VARIABLES = ("DLREF_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture
def environment(monkeypatch):
    """No language set anywhere: each test sets the variables it is about."""
    for variable in LOCALE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    return monkeypatch


@pytest.fixture
def korean(environment):
    environment.setenv("DLREF_LANG", "ko")
    return environment


def _korean_catalog():
    with open(KO_PO, "rb") as handle:
        return read_po(handle)


# --- the messages in the code -------------------------------------------------------------


def _calls_of_underscore(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_":
            yield node


def _code_messages() -> dict[str, str]:
    """Every message passed to _() in the package, found without Babel: msgid -> file."""
    found = {}
    for path in sorted(PACKAGE.glob("*.py")):
        if path.name in _i18n_tools.NOT_EXTRACTED:
            continue
        for call in _calls_of_underscore(ast.parse(path.read_text(encoding="utf-8"))):
            first = call.args[0] if call.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found[first.value] = path.name
    return found


def test_every_message_is_a_string_literal_with_named_fields():
    # Extraction reads string literals only: an f-string, a variable or a sum passed to _()
    # would reach readers untranslated. Positional fields ({} or {0}) cannot be reordered.
    problems = []
    for path in sorted(PACKAGE.glob("*.py")):
        if path.name in _i18n_tools.NOT_EXTRACTED:
            continue
        for call in _calls_of_underscore(ast.parse(path.read_text(encoding="utf-8"))):
            first = call.args[0] if call.args else None
            if not (len(call.args) == 1 and isinstance(first, ast.Constant)
                    and isinstance(first.value, str)):
                problems.append(f"{path.name}:{call.lineno}: {ast.unparse(call)[:80]}")
                continue
            fields = _i18n_tools.field_signature(first.value)
            if any(not name.isidentifier() for name, _, _ in fields):
                problems.append(f"{path.name}:{call.lineno}: positional field in {first.value!r}")
    assert not problems, "_() needs one string literal with named fields:\n" + "\n".join(problems)


def test_no_message_bypasses_the_catalog():
    # A raise whose message is a plain or f-string literal would stay English in Korean.
    # Allowed: Python's own AttributeError wording in dlref/__init__.py, and internal
    # AssertionErrors (bugs of dlref, never a reader's input); the catalog tool is English.
    problems = []
    for path in sorted(PACKAGE.glob("*.py")):
        if path.name in _i18n_tools.NOT_EXTRACTED:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            name = getattr(node.exc.func, "id", "")
            if (path.name, name) == ("__init__.py", "AttributeError"):
                continue
            for arg in node.exc.args:
                if isinstance(arg, ast.JoinedStr) or (
                    isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                ):
                    problems.append(f"{path.name}:{node.lineno}: {ast.unparse(node)[:90]}")
    assert not problems, "messages raised without _():\n" + "\n".join(problems)


def test_babel_extracts_exactly_the_messages_in_the_code():
    extracted = {message.id for message in _i18n_tools.extract() if message.id}
    assert extracted == set(_code_messages())
    assert len(extracted) > 150


def test_every_message_is_translated_in_the_korean_catalog():
    catalog = _korean_catalog()
    problems = []
    for msgid, where in sorted(_code_messages().items()):
        entry = catalog.get(msgid)
        if entry is None:
            problems.append(f"missing from {KO_PO.name} (dlref/{where}): {msgid!r}")
        elif not entry.string or entry.fuzzy:
            problems.append(f"{'fuzzy' if entry.fuzzy else 'untranslated'} (line "
                            f"{entry.lineno}): {msgid!r}")
        elif _i18n_tools.field_signature(entry.string) != _i18n_tools.field_signature(msgid):
            problems.append(f"other fields in the translation (line {entry.lineno}): {msgid!r}")
    assert not problems, ("run python -m dlref._i18n_tools update and translate:\n"
                          + "\n".join(problems))


def test_the_catalog_check_names_a_missing_message(monkeypatch):
    # The check can fail: a message the catalog lacks is reported by its text.
    template = _i18n_tools.extract()
    template.add("A sentence nobody has translated yet, {n} times.", None,
                 [("dlref/new.py", 1)])
    problems = _i18n_tools.problems("ko", template)
    assert len(problems) == 1
    assert "missing 'A sentence nobody has translated yet, {n} times.'" in problems[0]
    assert _i18n_tools.problems("ko") == []


def test_the_catalog_has_no_entry_the_code_does_not_use():
    catalog = _korean_catalog()
    assert {m.id for m in catalog if m.id} == set(_code_messages())
    assert not [m for m in catalog if m.id and m.fuzzy]


def test_the_committed_mo_is_the_compiled_po():
    committed = _i18n_tools.mo_path("ko").read_bytes()
    assert committed == _i18n_tools.compile_mo(KO_PO), (
        "dlref.mo differs from a fresh compile of dlref.po: run python -m dlref._i18n_tools update"
    )


def test_update_is_a_no_op_on_a_complete_catalog(capsys):
    paths = [_i18n_tools.TEMPLATE, KO_PO, _i18n_tools.mo_path("ko")]
    before = [path.read_bytes() for path in paths]
    assert _i18n_tools.update() == []
    assert [path.read_bytes() for path in paths] == before
    assert "wrote" not in capsys.readouterr().out


def test_field_signature_reads_names_conversions_and_specs():
    assert _i18n_tools.field_signature("{a!r} and {b:.4g}, {a!r}, {{literal}}") == {
        ("a", "r", ""), ("b", "", ".4g")}
    with pytest.raises(ValueError):
        _i18n_tools.field_signature("a lone { brace")


# --- the Korean text follows the term sheet and the house style ---------------------------


def _term_sheet():
    with open(ROOT / "docs" / "terms.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_korean_messages_use_the_terms_of_the_term_sheet():
    banned = [(variant.strip(), row["ko"]) for row in _term_sheet()
              for variant in (row["banned"] or "").split(";") if variant.strip()]
    assert banned, "could not read the banned variants of docs/terms.csv"
    problems = [f"line {m.lineno}: {variant!r} -> {term!r}" for m in _korean_catalog() if m.id
                for variant, term in banned
                if re.search(r"(?<![\w])" + re.escape(variant), m.string)]
    assert not problems, "banned variants in dlref.po:\n" + "\n".join(problems)


# Particles whose form follows the sound before them (after a consonant, after a vowel).
PARTICLES = r"(은|는|이|가|을|를|과|와|으로|로)(?![\uac00-\ud7a3])"
# How the Latin words that carry a particle in dlref.po end when read in Korean:
# "C" consonant, "V" vowel, "L" the consonant ㄹ (which takes 로, not 으로).
READING = {
    "KERAS_BACKEND": "V", "jax": "V", "torch": "V", "like": "V",
    "x": "V", "y": "V", "x0": "C", "language": "V", "curvature": "V", "grad": "V", "axis": "V",
    "seed": "V", "path": "V", "model": "L", "metrics": "V", "hidden_units": "V",
    "activation": "C", "optimizer": "V", "kernel_initializer": "V", "learning_rate": "V",
    "weight_decay": "V", "params": "V", "grads": "V", "y_true": "V", "y_pred": "V",
    "y_score": "V", "from_logits": "V", "True": "V", "False": "V", "None": "C", "NaN": "C",
    "inf": "V", "Keras": "V", "TensorFlow": "V", "PyTorch": "V", "JAX": "V", "dlref": "V",
    "softmax": "V", "sigmoid": "V", "linear": "V", "regression": "C", "binary": "V",
    "multiclass": "V", "multilabel": "L", "crossentropy": "V", "error": "V", "reset": "C",
    "compile": "V", "learn": "C", "matplotlib": "C", "ttf": "V", "isfinite": "V",
    "select_loss": "V", "load_digits_images": "V", "plotting": "C", "num_outputs": "V",
    "tensorflow": "V", "to_categorical": "L", "Input": "C", "jacobian": "C", "Model": "L",
    "Optimizer": "V", "Initializer": "V", "LearningRateSchedule": "L", "PathLike": "V",
    "K": "V", "C": "V", "derivative": "V",
    # dlref.check and show_versions
    "fn": "C", "w": "V", "g": "V", "v": "V", "m": "C", "s": "V", "t": "V", "check": "V",
    "numpy": "V", "max": "V", "sum": "C", "clip": "C", "fit": "C", "erf": "V", "log1p": "V",
    "relu": "V", "LeakyReLU": "V", "gelu": "V", "GELU": "V", "SGD": "V", "float32": "V",
    "float64": "V", "NanumGothic": "C",
    # digits by their Sino-Korean reading: 영 일 이 삼 사 오 육 칠 팔 구
    "0": "C", "1": "L", "2": "V", "3": "C", "4": "V", "5": "V", "6": "C", "7": "L", "8": "L",
    "9": "V", "dtype": "C", "predict": "V", "task": "V", "argmax": "V", "binary_accuracy": "V",
    "build_mlp": "V", "check_setup": "C", "loss": "V", "newaxis": "V", "reshape": "V",
}
RIGHT = {"C": ("은", "이", "을", "과", "으로"), "V": ("는", "가", "를", "와", "로"),
         "L": ("은", "이", "을", "과", "로")}


def _word_before(text: str, end: int) -> str:
    """The Latin word or number whose reading decides the particle at ``end``.

    Quotes are skipped; after a call or an aside in parentheses the word before them counts
    (``to_categorical(y)로``, as Korean treats ``번호(0..2)가``); after an index in brackets,
    its last item (``y[:, 1]을``: 일).
    """
    head = text[:end]
    while head and head[-1] in "'\")]":
        if head[-1] == ")":
            depth = 0
            for i in range(len(head) - 1, -1, -1):
                depth += {")": 1, "(": -1}.get(head[i], 0)
                if depth == 0:
                    break
            head = head[:i]
        else:
            head = head[:-1]
    match = re.search(r"([A-Za-z_][A-Za-z0-9_]*|\d+)$", head)
    return match.group(1) if match else ""


def test_particles_after_latin_names_follow_their_korean_reading():
    problems, unknown = [], set()
    for message in _korean_catalog():
        if not message.id:
            continue
        for match in re.finditer(PARTICLES, message.string):
            before = message.string[: match.start()]
            if not before or HANGUL.match(before[-1]) or before[-1] in " }":
                continue  # after Korean (checked by a reader) or after a field (next test)
            word = _word_before(message.string, match.start())
            if not word:
                continue
            key = word[-1] if word.isdigit() else word
            reading = READING.get(key) or READING.get(word.split("_")[-1])
            if reading is None:
                unknown.add(word)
            elif match.group(1) not in RIGHT[reading]:
                problems.append(f"line {message.lineno}: {word}{match.group(1)}")
    assert not unknown, f"add the Korean reading of {sorted(unknown)} to READING"
    assert not problems, "particles that do not fit the reading:\n" + "\n".join(problems)


def test_no_particle_follows_a_field():
    # A field's value is not known when the sentence is written, so a particle whose form
    # depends on its last sound cannot follow it: 에, 의, 도 or a copula (입니다) can.
    problems = [f"line {m.lineno}: {hit.group(0)!r} in {m.string[:60]!r}"
                for m in _korean_catalog() if m.id
                for hit in re.finditer(r"\}" + PARTICLES, m.string)]
    assert not problems, "\n".join(problems)


def test_korean_messages_follow_the_house_style():
    problems = []
    for m in _korean_catalog():
        if not m.id:
            continue
        if re.search(r"[다요]: ", m.string):
            problems.append(f"line {m.lineno}: colon splice")
        if re.search(r"[\uac00-\ud7a3]; ", m.string):
            problems.append(f"line {m.lineno}: semicolon after Korean text")
        ending = m.string.strip()
        while re.search(r"\([^()]*\)\.?$", ending):  # a closing remark in parentheses
            ending = re.sub(r"\([^()]*\)\.?$", "", ending)
        if not re.search(r"(니다|세요)[.?]?$", ending):
            problems.append(f"line {m.lineno}: not a 합니다체 ending: {m.string[-20:]!r}")
        if not HANGUL.search(m.string):
            problems.append(f"line {m.lineno}: no Korean in the translation")
    assert not problems, "\n".join(problems)


# --- choosing the language ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({}, "en"),
        ({"DLREF_LANG": "ko"}, "ko"),
        ({"DLREF_LANG": " KO "}, "ko"),
        ({"DLREF_LANG": "ko_KR.UTF-8"}, "ko"),
        ({"DLREF_LANG": "en"}, "en"),
        ({"DLREF_LANG": "xx"}, "en"),
        ({"DLREF_LANG": "fr_FR.UTF-8", "LANG": "ko_KR.UTF-8"}, "en"),  # DLREF_LANG decides
        ({"DLREF_LANG": "en", "LANG": "ko_KR.UTF-8"}, "en"),
        ({"DLREF_LANG": "", "LANG": "ko_KR.UTF-8"}, "ko"),  # empty means not set
        ({"LANG": "ko_KR.UTF-8"}, "ko"),
        ({"LANG": "korean"}, "ko"),  # a locale alias, as gettext reads it
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "xx_YY"}, "en"),
        ({"LC_ALL": "C", "LANG": "ko_KR.UTF-8"}, "en"),  # gettext's order: LC_ALL first
        ({"LC_MESSAGES": "ko_KR.UTF-8", "LANG": "en_US.UTF-8"}, "ko"),
        ({"LANGUAGE": "fr:ko", "LANG": "en_US.UTF-8"}, "ko"),  # fr has no catalog: next one
        ({"LANGUAGE": "en:ko"}, "en"),  # English is the source, it needs no catalog
        ({"LANGUAGE": "fr", "LANG": "ko_KR.UTF-8"}, "en"),  # only the first variable set counts
    ],
)
def test_the_language_comes_from_the_environment(environment, variables, expected):
    for name, value in variables.items():
        environment.setenv(name, value)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert get_language() == expected


def test_an_unknown_language_gives_english_without_error_or_warning(environment):
    environment.setenv("DLREF_LANG", "xx")
    environment.setenv("LANG", "zz_ZZ.UTF-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert losses.select_loss("binary").reason.startswith("task='binary' has one yes/no label")
        with pytest.raises(ValueError, match=r"^name='reul' is not supported"):
            activations.get("reul")


def test_the_language_is_read_at_call_time(environment):
    assert get_language() == "en"
    english = losses.select_loss("binary").reason
    environment.setenv("LANG", "ko_KR.UTF-8")
    assert get_language() == "ko"
    assert losses.select_loss("binary").reason != english
    environment.delenv("LANG")
    assert losses.select_loss("binary").reason == english


def test_set_language_forces_a_language_and_restores_the_previous_one(environment):
    environment.setenv("DLREF_LANG", "ko")
    with set_language("en") as setting:
        assert get_language() == "en"
        with set_language(" KO "):
            assert get_language() == "ko"
        assert get_language() == "en"
    assert repr(setting) == "set_language('en')"
    assert get_language() == "ko"  # the environment decides again
    set_language("en")
    try:
        assert get_language() == "en"
    finally:
        set_language(None)
    assert get_language() == "ko"
    assert dlref.set_language is set_language and dlref.get_language is get_language


def test_set_language_rejects_what_dlref_does_not_speak(environment):
    with pytest.raises(ValueError, match=r"^language='kor' is not a language dlref speaks; "
                                         r"allowed values are \['en', 'ko'\] and None\. "
                                         r"Did you mean 'ko'\?$"):
        set_language("kor")
    with pytest.raises(ValueError, match=r"^language='xx' is not a language dlref speaks; "
                                         r"allowed values are \['en', 'ko'\] and None\.$"):
        set_language("xx")
    with pytest.raises(TypeError, match=r"^language must be None or one of \['en', 'ko'\]; "
                                        r"got int 1\.$"):
        set_language(1)
    assert get_language() == "en"


def test_the_korean_catalog_ships_and_loads():
    assert _i18n_tools.mo_path("ko").is_file()
    translations = _i18n.translations("ko")
    assert type(translations).__name__ == "GNUTranslations"
    assert translations.info()["language"] == "ko"
    assert type(_i18n.translations("en")).__name__ == "NullTranslations"


def test_underscore_formats_named_fields_in_either_language(korean):
    assert _("Did you mean {match!r}?", match="relu") == "가장 가까운 이름은 'relu'입니다."
    korean.setenv("DLREF_LANG", "en")
    assert _("Did you mean {match!r}?", match="relu") == "Did you mean 'relu'?"
    assert _("A message no catalog has, {n}.", n=3) == "A message no catalog has, 3."


# --- real calls in Korean -----------------------------------------------------------------


def test_select_loss_explains_itself_in_korean(korean):
    choice = losses.select_loss(y=np.array([0, 2, 1, 2]))
    assert choice.loss == "sparse_categorical_crossentropy" and choice.output_units == 3
    assert choice.reason == (
        "y에 정수 클래스 번호(0..2)가 들어 있으므로, 유닛 3개짜리 소프트맥스 출력(클래스마다 유닛 "
        "하나)에 희소 범주형 교차 엔트로피를 쓰세요."
    )


def test_check_setup_advises_and_objects_in_korean(korean):
    ok = losses.check_setup([0, 2, 1], "sparse_categorical_crossentropy", "softmax")
    assert ok.reason == ("y에 정수 클래스 번호(0..2)가 들어 있어, 유닛 3개짜리 softmax 출력과 "
                         "손실(loss='sparse_categorical_crossentropy')에 맞습니다.")
    with pytest.raises(ValueError) as err:
        losses.check_setup(np.eye(3)[[0, 2, 1]], "sparse_categorical_crossentropy", "softmax")
    assert str(err.value) == (
        "y에 클래스 3개에 대한 원-핫 행이 들어 있지만, loss='sparse_categorical_crossentropy'는 "
        "정수 클래스 번호를 받아야 합니다. loss='categorical_crossentropy'를 쓰거나 정수 클래스 "
        "번호(y.argmax(axis=1))를 넘기세요."
    )


def test_bad_input_is_explained_in_korean(korean):
    with pytest.raises(ValueError) as err:
        optimizers.get("adma")
    assert str(err.value) == (
        "name 인수는 'adma'일 수 없습니다. 쓸 수 있는 값은 ['adagrad', 'adam', 'rmsprop', "
        "'sgd']입니다. 가장 가까운 이름은 'adam'입니다."
    )
    with pytest.raises(TypeError, match=r"^x 인수는 수 또는 수의 배열이어야 합니다\. 받은 값은 "
                                        r"문자열 'abc'입니다\.$"):
        activations.relu("abc")
    with pytest.raises(ValueError, match=r"^y_true에 NaN 또는 무한대 값이 1개 있습니다\."):
        losses.mean_squared_error([np.nan], [1.0])


# --- every sentence of the setup advisor is reachable -------------------------------------

BINARY = np.array([0, 1, 1, 0])
IDS = np.array([0, 2, 1])
IDS_FROM_1 = np.array([1, 3, 2])
ONE_HOT = np.eye(3)[[0, 2, 1]]
SOFT = np.array([[0.2, 0.3, 0.5], [0.1, 0.1, 0.8]])
MULTI = np.array([[1, 1, 0], [0, 0, 1]])
REAL = np.array([1.5, -2.0])
REAL_COLS = np.array([[1.5, 2.0], [3.0, -4.0]])
SOFT2 = np.array([[0.3, 0.7], [0.6, 0.4]])
UNIT_COLS = np.array([[0.2, 0.3], [0.9, 0.1]])  # real values in [0, 1], rows not summing to 1
LABELS = {"binary": BINARY, "class_ids": IDS, "one_hot": ONE_HOT, "soft": SOFT,
          "multi_hot": MULTI, "real": REAL, "real_columns": REAL_COLS}


def _advisor_calls():
    s, c = losses.select_loss, losses.check_setup
    calls = []
    for robust in (False, True):
        calls += [(s, ("regression", y), {"robust": robust}) for y in LABELS.values()]
    calls += [(s, ("binary", y), {}) for y in (BINARY, np.array([0.2, 0.7]))]
    # Class ids from 1: the class-ids reason, and once the note on numbering them from 0.
    calls += [(s, ("multiclass", y), {}) for y in (BINARY, IDS_FROM_1, ONE_HOT, SOFT)]
    calls += [(s, ("multilabel", y), {}) for y in (ONE_HOT, SOFT, MULTI, UNIT_COLS)]
    calls += [(s, ("binary", y), {}) for y in (IDS, np.eye(2)[[0, 1]], SOFT2, ONE_HOT, SOFT,
                                               MULTI, REAL, REAL_COLS)]
    calls += [(s, ("multiclass", y), {}) for y in (MULTI, REAL, REAL_COLS)]
    calls += [(s, ("multilabel", y), {}) for y in (BINARY, IDS, REAL, REAL_COLS)]
    calls += [(c, (y, "mse", a), {}) for y, a in ((BINARY, "sigmoid"), (MULTI, "sigmoid"),
                                                  (IDS, "softmax"), (ONE_HOT, "softmax"))]
    calls += [(c, (y, "mse", "softmax"), {}) for y in (SOFT, REAL, REAL_COLS)]
    calls += [(c, (y, "mse", a), {}) for y, a in ((IDS, "tanh"), (REAL, "sigmoid"),
                                                  (REAL_COLS, "relu"))]
    calls += [(c, (y, "binary_crossentropy", "sigmoid"), {}) for y in (IDS, REAL, REAL_COLS)]
    calls += [(c, (y, "categorical_crossentropy", "softmax"), {})
              for y in (BINARY, IDS, MULTI, REAL, REAL_COLS)]
    calls += [(c, (y, "sparse_categorical_crossentropy", "softmax"), {})
              for y in (ONE_HOT, SOFT, MULTI, REAL, REAL_COLS)]
    fits = [(BINARY, "binary_crossentropy", "sigmoid"), (IDS, "sparse_categorical_crossentropy",
            "softmax"), (ONE_HOT, "categorical_crossentropy", "softmax"),
            (SOFT, "categorical_crossentropy", "softmax"), (MULTI, "binary_crossentropy",
            "sigmoid"), (REAL, "mse", "linear"), (REAL_COLS, "mae", "linear")]
    calls += [(c, args, {}) for args in fits]
    logits = [(BINARY, "binary_crossentropy"), (IDS, "sparse_categorical_crossentropy"),
              (ONE_HOT, "categorical_crossentropy"), (SOFT, "categorical_crossentropy"),
              (MULTI, "binary_crossentropy"), (np.array([0.2, 0.7]), "binary_crossentropy"),
              (UNIT_COLS, "binary_crossentropy")]
    calls += [(c, (y, loss, "linear"), {"from_logits": True}) for y, loss in logits]
    # Binary crossentropy on rows of one class: sigmoid units, or their logits.
    calls += [(c, (y, "binary_crossentropy", "sigmoid"), {}) for y in (ONE_HOT, SOFT)]
    calls += [(c, (y, "binary_crossentropy", "linear"), {"from_logits": True})
              for y in (np.eye(3)[[2, 0]], SOFT2)]
    # A softmax for binary crossentropy: one sentence per shape of y.
    calls += [(c, (y, "binary_crossentropy", "softmax"), {})
              for y in (SOFT, np.array([0.2, 0.7]), UNIT_COLS)]
    # Class-looking labels with a regression loss on a linear output.
    calls += [(c, (y, "mse", "linear"), {}) for y in (BINARY, IDS, ONE_HOT, MULTI)]
    return calls


def _run(call):
    function, args, kwargs = call
    try:
        return function(*args, **kwargs).reason
    except ValueError as err:
        return str(err)


def test_every_advisor_sentence_is_reached_once(monkeypatch):
    # Each sentence of _loss_messages is written out for every kind of labels it can meet;
    # these calls meet each of them, so none is dead weight in the catalog.
    used = []

    def recording(message, /, **fields):
        used.append(message)
        return _(message, **fields)

    monkeypatch.setattr(_loss_messages, "_", recording)
    for call in _advisor_calls():
        _run(call)
    written = {m for m, where in _code_messages().items() if where == "_loss_messages.py"}
    assert set(used) == written
    assert len(used) == len(written) == 88


def test_every_advisor_sentence_reads_in_korean(korean):
    english_words = re.compile(r"\b(holds|which|so use|does not fit|but|expects|needs)\b")
    for call in _advisor_calls():
        text = _run(call)
        assert HANGUL.search(text) and not english_words.search(text), text


def test_the_catalogs_are_package_data_of_the_wheel():
    # pyproject.toml lists the catalogs as package data: an installed dlref speaks Korean.
    import tomllib  # Python 3.11+, as the test environment

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["dlref"]
    catalogs = [path.relative_to(PACKAGE).as_posix()
                for path in (PACKAGE / "locale").rglob("*") if path.is_file()]
    assert {"locale/dlref.pot", "locale/ko/LC_MESSAGES/dlref.po",
            "locale/ko/LC_MESSAGES/dlref.mo"} <= set(catalogs)
    for catalog in catalogs:
        assert any(fnmatch.fnmatch(catalog, pattern) for pattern in patterns), catalog


def test_english_output_translates_to_the_korean_output(environment):
    # Pages run their examples once, in English; translate_rendered gives what dlref prints
    # in Korean, from the same catalog: here for every advisor sentence and some errors.
    cases = [lambda call=call: _run(call) for call in _advisor_calls()]
    cases += [lambda: _error(activations.get, "reul"), lambda: _error(optimizers.get, 3),
              lambda: _error(losses.mean_squared_error, [np.nan], [1.0]),
              lambda: _error(losses.binary_crossentropy, [[2.0]], [[0.5]])]
    for case in cases:
        with set_language("en"):
            english = case()
        with set_language("ko"):
            korean = case()
        assert _i18n_tools.translate_rendered(english, "ko") == korean, english
    assert _i18n_tools.translate_rendered("Not a message of dlref.", "ko") is None
    wrapped = "y holds integer class ids 0..2, so use sparse categorical crossentropy on a\n  " \
              "3-unit softmax output (one unit per class)."
    assert _i18n_tools.translate_rendered(wrapped).startswith("y에 정수 클래스 번호(0..2)가")


def _error(function, *args):
    try:
        function(*args)
    except (TypeError, ValueError) as err:
        return str(err)
    raise AssertionError(f"{function.__name__}{args} raised nothing")
