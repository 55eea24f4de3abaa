"""check_setup's advice never leads to another mistake, and it never approves a wrong setup.

Every objection check_setup can raise is met here with a setup that has that one mistake.
The test reads the fixes the message suggests, checks that the table below lists each of
them (every ``loss=``, ``output_activation=``, ``output_units=`` or ``from_logits=`` value the
message names besides the ones given, and every expression it gives for ``y``), follows each
fix and checks that check_setup then accepts the setup.
"""

from __future__ import annotations

import re
import sys

import numpy as np
import pytest

from dlref import losses
from dlref.losses import check_setup, select_loss

BINARY = np.array([0, 1, 1, 0])
IDS = np.array([0, 2, 1, 1])
IDS_FROM_1 = np.array([1, 3, 2, 2])
ONE_HOT = np.eye(3)[[0, 2, 1, 1]]
SOFT = np.array([[0.8, 0.1, 0.1], [0.2, 0.7, 0.1]])
MULTI_HOT = np.array([[1, 1, 0], [0, 0, 1], [0, 0, 0]])
REAL = np.array([-2.0, 3.5, 0.25])
REAL_01 = np.array([0.2, 0.7, 0.4])
REAL_COLUMNS = np.array([[0.5, -2.0], [1.25, 7.0]])

ARGS = ("loss", "output_activation", "output_units", "from_logits")


def setup(y, loss, activation, units=None, from_logits=False):
    return {"y": y, "loss": loss, "output_activation": activation, "output_units": units,
            "from_logits": from_logits}


def fix(phrase, y=None, **changes):
    """A fix the message suggests: ``phrase`` (text of the message), the argument changes,
    and ``y``, the expression the message gives for new labels."""
    return {"phrase": phrase, "y": y, "changes": changes}


# (the setup, with one mistake; every fix its message suggests)
CASES = {
    "regression loss with from_logits": (
        setup(REAL, "mse", "linear", from_logits=True),
        [fix("Drop from_logits", from_logits=False)]),
    "sigmoid with from_logits": (
        setup(BINARY, "binary_crossentropy", "sigmoid", from_logits=True),
        [fix("Use from_logits=False", from_logits=False),
         fix("output_activation='linear' with from_logits=True", output_activation="linear")]),
    "softmax with from_logits": (
        setup(IDS, "sparse_categorical_crossentropy", "softmax", from_logits=True),
        [fix("Use from_logits=False", from_logits=False),
         fix("output_activation='linear' with from_logits=True", output_activation="linear")]),
    "linear without from_logits": (
        setup(IDS, "sparse_categorical_crossentropy", "linear"),
        [fix("pass from_logits=True", from_logits=True),
         fix("use output_activation='softmax'", output_activation="softmax")]),
    "relu output for a crossentropy": (
        setup(ONE_HOT, "categorical_crossentropy", "relu"),
        [fix("use output_activation='softmax'", output_activation="softmax"),
         fix("'linear' with from_logits=True", output_activation="linear", from_logits=True)]),
    "softmax over one unit, two classes": (
        setup(BINARY, "binary_crossentropy", "softmax", 1),
        [fix("use output_activation='sigmoid' with output_units=1 and "
             "loss='binary_crossentropy'", output_activation="sigmoid"),
         fix("keep the softmax with output_units=2 and loss='sparse_categorical_crossentropy'",
             output_units=2, loss="sparse_categorical_crossentropy")]),
    "softmax over one unit, three classes": (
        setup(IDS, "sparse_categorical_crossentropy", "softmax", 1),
        [fix("use output_units=3", output_units=3)]),
    "softmax over one unit, one-hot rows": (
        setup(ONE_HOT, "categorical_crossentropy", "softmax", 1),
        [fix("use output_units=3", output_units=3)]),
    "0/1 labels, regression loss, sigmoid": (
        setup(BINARY, "mae", "sigmoid"),
        [fix("use loss='binary_crossentropy' with a sigmoid output",
             loss="binary_crossentropy")]),
    "class ids, regression loss, softmax": (
        setup(IDS, "mean_squared_error", "softmax", 3),
        [fix("use loss='sparse_categorical_crossentropy' with a softmax output",
             loss="sparse_categorical_crossentropy")]),
    "class ids, regression loss, sigmoid": (
        setup(IDS, "mse", "sigmoid"),
        [fix("use loss='sparse_categorical_crossentropy' with a softmax output",
             loss="sparse_categorical_crossentropy", output_activation="softmax")]),
    "one-hot rows, regression loss, softmax": (
        setup(ONE_HOT, "mse", "softmax"),
        [fix("use loss='categorical_crossentropy' with a softmax output",
             loss="categorical_crossentropy")]),
    "multi-hot rows, regression loss, sigmoid": (
        setup(MULTI_HOT, "mse", "sigmoid"),
        [fix("use loss='binary_crossentropy' with a sigmoid output",
             loss="binary_crossentropy")]),
    "soft labels, regression loss, softmax": (
        setup(SOFT, "mse", "softmax"),
        [fix("use output_activation='linear'", output_activation="linear")]),
    "real targets, regression loss, softmax": (
        setup(REAL_COLUMNS, "mae", "softmax"),
        [fix("use output_activation='linear'", output_activation="linear")]),
    "real targets beyond the sigmoid's range": (
        setup(REAL, "mse", "sigmoid"),
        [fix("use output_activation='linear'", output_activation="linear"),
         fix("rescale y", y="(y - y.min()) / (y.max() - y.min())")]),
    "class ids beyond the tanh's range": (
        setup(IDS, "mse", "tanh"),
        [fix("use output_activation='linear'", output_activation="linear"),
         fix("rescale y", y="(y - y.min()) / (y.max() - y.min())")]),
    "class ids, binary crossentropy": (
        setup(IDS, "binary_crossentropy", "sigmoid"),
        [fix("use loss='sparse_categorical_crossentropy' with a 3-unit softmax output",
             loss="sparse_categorical_crossentropy", output_activation="softmax")]),
    "real targets, binary crossentropy": (
        setup(REAL, "binary_crossentropy", "sigmoid"),
        [fix("use loss='mean_squared_error' with a linear output",
             loss="mean_squared_error", output_activation="linear")]),
    "one-hot rows, binary crossentropy, softmax": (
        setup(ONE_HOT, "binary_crossentropy", "softmax"),
        [fix("keep the softmax and use loss='categorical_crossentropy'",
             loss="categorical_crossentropy")]),
    "0/1 column, binary crossentropy, softmax": (
        setup(BINARY, "binary_crossentropy", "softmax"),
        [fix("use output_activation='sigmoid' with output_units=1",
             output_activation="sigmoid", output_units=1)]),
    "probability column, binary crossentropy, softmax": (
        setup(REAL_01, "binary_crossentropy", "softmax"),
        [fix("use output_activation='sigmoid' with output_units=1",
             output_activation="sigmoid", output_units=1)]),
    "multi-hot rows, binary crossentropy, softmax": (
        setup(MULTI_HOT, "binary_crossentropy", "softmax"),
        [fix("use output_activation='sigmoid'", output_activation="sigmoid")]),
    "one-hot rows, binary crossentropy, sigmoid": (
        setup(ONE_HOT, "binary_crossentropy", "sigmoid"),
        [fix("Use output_activation='softmax' with loss='categorical_crossentropy'",
             output_activation="softmax", loss="categorical_crossentropy"),
         fix("with loss='sparse_categorical_crossentropy' and integer class ids "
             "(y.argmax(axis=1))", y="y.argmax(axis=1)", output_activation="softmax",
             loss="sparse_categorical_crossentropy")]),
    "one-hot rows, binary crossentropy on logits": (
        setup(ONE_HOT, "binary_crossentropy", "linear", from_logits=True),
        [fix("Use loss='categorical_crossentropy' (the linear output and from_logits=True "
             "stay)", loss="categorical_crossentropy"),
         fix("loss='sparse_categorical_crossentropy' with integer class ids "
             "(y.argmax(axis=1))", y="y.argmax(axis=1)",
             loss="sparse_categorical_crossentropy")]),
    "soft labels, binary crossentropy, sigmoid": (
        setup(SOFT, "binary_crossentropy", "sigmoid"),
        [fix("Use output_activation='softmax' with loss='categorical_crossentropy'",
             output_activation="softmax", loss="categorical_crossentropy")]),
    "class ids, categorical crossentropy": (
        setup(IDS, "categorical_crossentropy", "softmax"),
        [fix("use loss='sparse_categorical_crossentropy'",
             loss="sparse_categorical_crossentropy"),
         fix("one-hot encode y with keras.utils.to_categorical(y)",
             y="keras.utils.to_categorical(y)")]),
    "multi-hot rows, categorical crossentropy": (
        setup(MULTI_HOT, "categorical_crossentropy", "softmax"),
        [fix("use loss='binary_crossentropy' with a sigmoid output",
             loss="binary_crossentropy", output_activation="sigmoid")]),
    "real targets, categorical crossentropy": (
        setup(REAL_COLUMNS, "categorical_crossentropy", "softmax"),
        [fix("use loss='mean_squared_error' with a linear output",
             loss="mean_squared_error", output_activation="linear")]),
    "one-hot rows, categorical crossentropy, sigmoid": (
        setup(ONE_HOT, "categorical_crossentropy", "sigmoid"),
        [fix("use output_activation='softmax'", output_activation="softmax")]),
    "one-hot rows, sparse crossentropy": (
        setup(ONE_HOT, "sparse_categorical_crossentropy", "softmax"),
        [fix("use loss='categorical_crossentropy'", loss="categorical_crossentropy"),
         fix("pass integer class ids (y.argmax(axis=1))", y="y.argmax(axis=1)")]),
    "soft labels, sparse crossentropy": (
        setup(SOFT, "sparse_categorical_crossentropy", "softmax"),
        [fix("use loss='categorical_crossentropy'", loss="categorical_crossentropy"),
         fix("pass integer class ids (y.argmax(axis=1))", y="y.argmax(axis=1)")]),
    "multi-hot rows, sparse crossentropy": (
        setup(MULTI_HOT, "sparse_categorical_crossentropy", "softmax"),
        [fix("use loss='binary_crossentropy' with a sigmoid output",
             loss="binary_crossentropy", output_activation="sigmoid")]),
    "real targets, sparse crossentropy": (
        setup(REAL, "sparse_categorical_crossentropy", "softmax"),
        [fix("use loss='mean_squared_error' with a linear output",
             loss="mean_squared_error", output_activation="linear")]),
    "class ids, sparse crossentropy, sigmoid": (
        setup(IDS, "sparse_categorical_crossentropy", "sigmoid"),
        [fix("use output_activation='softmax'", output_activation="softmax")]),
    "class id beyond the units": (
        setup(IDS, "sparse_categorical_crossentropy", "softmax", 2),
        [fix("use output_units=3", output_units=3)]),
    "class ids from 1, one unit short": (
        setup(IDS_FROM_1, "sparse_categorical_crossentropy", "softmax", 3),
        [fix("use output_units=4", output_units=4),
         fix("pass y - 1", y="y - 1")]),
    "units that do not match the columns": (
        setup(ONE_HOT, "categorical_crossentropy", "softmax", 4),
        [fix("use output_units=3", output_units=3)]),
    "one unit for a sparse crossentropy on logits": (
        setup(np.array([0, 0, 0]), "sparse_categorical_crossentropy", "linear", 1,
              from_logits=True),
        [fix("Use output_units=2", output_units=2),
         fix("keep the single unit with loss='binary_crossentropy'",
             loss="binary_crossentropy")]),
}

# What a message can suggest: a value for an argument, or an expression for new labels.
_VALUE = re.compile(r"\b(loss|output_activation|output_units|from_logits)=('[^']*'|\d+|True|False)")
_Y_EXPRESSIONS = ("y.argmax(axis=1)", "keras.utils.to_categorical(y)", "y - 1", "rescale y")


def _suggested(message: str, given: dict) -> set[str]:
    named = {f"{name}={value}" for name, value in _VALUE.findall(message)}
    given = {**given, "loss": losses.get(given["loss"]).__name__}  # "mse": its full name
    named -= {f"{name}={given[name]!r}" for name in ARGS if given[name] is not None}
    return named | {expr for expr in _Y_EXPRESSIONS if expr in message}


def _covered(fixes: list[dict]) -> set[str]:
    covered = set()
    for f in fixes:
        covered |= {f"{name}={value!r}" for name, value in f["changes"].items()}
        covered |= {expr for expr in _Y_EXPRESSIONS if expr in f["phrase"]}
    return covered


@pytest.fixture(scope="module")
def keras():
    return pytest.importorskip("keras")


@pytest.mark.parametrize("name", list(CASES))
def test_every_suggestion_leads_to_a_setup_check_setup_accepts(name, keras):
    given, fixes = CASES[name]
    with pytest.raises(ValueError) as raised:
        check_setup(**given)
    message = " ".join(str(raised.value).split())
    uncovered = _suggested(message, given) - _covered(fixes)
    assert not uncovered, f"the message suggests {sorted(uncovered)}, not followed here"
    for f in fixes:
        assert f["phrase"] in message, (f["phrase"], message)
        followed = {**given, **f["changes"]}
        if f["y"] is not None:
            y = given["y"]
            followed["y"] = eval(f["y"], {"y": y, "keras": keras})  # noqa: S307 - our table
        choice = check_setup(**followed)  # raises if the advice led to another mistake
        assert choice.loss and choice.output_units >= 1


def test_the_sigmoid_advice_for_softmax_with_binary_crossentropy_is_gone():
    # The old message suggested output_activation='sigmoid' first, which led straight to
    # sigmoid + binary crossentropy on one-hot rows: now flagged, and no longer suggested.
    with pytest.raises(ValueError) as raised:
        check_setup(ONE_HOT, "binary_crossentropy", "softmax")
    assert "sigmoid" not in str(raised.value)


def test_sigmoid_binary_crossentropy_on_one_hot_rows_says_why():
    with pytest.raises(ValueError) as raised:
        check_setup(ONE_HOT, "binary_crossentropy", "sigmoid")
    message = " ".join(str(raised.value).split())
    assert "independent yes/no" in message and "need not sum to 1" in message
    # The figure the message quotes: predicting 0 everywhere is right on 2 of 3 columns.
    assert "always outputs 0 scores 67%" in message
    predictions = np.zeros_like(ONE_HOT)
    assert np.mean(predictions == ONE_HOT) == pytest.approx(2 / 3)
    # Rows with several labels are what sigmoid + binary crossentropy is for.
    assert check_setup(MULTI_HOT, "binary_crossentropy", "sigmoid").output_units == 3


@pytest.mark.parametrize("y", [BINARY, IDS, ONE_HOT, MULTI_HOT, REAL, REAL_COLUMNS, SOFT],
                         ids=["binary", "ids", "one-hot", "multi-hot", "real", "columns", "soft"])
def test_select_loss_chooses_what_check_setup_accepts(y):
    choice = select_loss(y=y)
    checked = check_setup(y, choice.loss, choice.output_activation, choice.output_units)
    assert checked.loss == choice.loss


def test_integer_labels_with_a_regression_loss_are_not_called_a_fit_of_class_ids():
    reason = check_setup(IDS, "mse", "linear").reason
    assert reason.startswith("y holds whole numbers 0..2, which fits loss='mean_squared_error'")
    assert "if they are quantities" in reason
    assert "if they are class ids, use loss='sparse_categorical_crossentropy'" in reason


def test_labels_from_1_are_described_as_they_are_and_may_be_1_based():
    choice = select_loss(y=IDS_FROM_1)
    assert choice.output_units == 4
    assert choice.reason.startswith("y holds integer class ids 1..3, so use")
    assert "if the classes are numbered from 1, pass y - 1" in choice.reason
    assert "pass y - 1" in check_setup(IDS_FROM_1, "sparse_categorical_crossentropy",
                                       "softmax").reason
    assert "y - 1" not in select_loss(y=IDS).reason


def test_without_tensorflow_no_backend_is_called_active(monkeypatch):
    # As on a machine with dlref but without TensorFlow: Keras' default backend is
    # TensorFlow, which is not installed, so nothing is "active here".
    monkeypatch.setenv("KERAS_BACKEND", "tensorflow")
    monkeypatch.setitem(sys.modules, "tensorflow", None)
    monkeypatch.delitem(sys.modules, "keras", raising=False)
    with pytest.raises(ValueError) as raised:
        check_setup(BINARY, "binary_crossentropy", "sigmoid", from_logits=True)
    message = " ".join(str(raised.value).split())
    assert "active" not in message
    assert "the JAX and PyTorch backends apply it twice" in message
