"""The sentences of the setup advisor (:mod:`dlref._loss_advisor`), one per case.

The advisor's advice and errors describe the labels ("y holds one-hot rows over 3
classes, but ...").  A translation cannot glue a description into a sentence (Korean puts
particles after it and often reorders the clause), so every sentence that describes the
labels is written out once for each kind of labels it can meet, as a complete message
with named fields holding values only.  Each function here picks the sentence for one
situation; the advisor decides which situation it is.

The kinds of labels (:func:`variant`): ``binary`` (one 0/1 column), ``class_ids``,
``one_hot``, ``soft`` (rows of probabilities), ``multi_hot``, ``real`` (one column of other
values) and ``real_columns`` (several).  The fields every sentence may use
(:func:`label_fields`): ``k`` classes, ``top`` (the largest class id, ``k - 1``), ``first``
(the smallest value, as an integer when it is one), ``columns``, ``low`` and ``high`` (the
range of ``y``).

This module imports the standard library only.
"""

from __future__ import annotations

from typing import Any

from ._i18n import _


def variant(kind: str, columns: int) -> str:
    """Return the kind of labels that decides the wording (real targets by their columns)."""
    return "real_columns" if kind == "real" and columns > 1 else kind


def label_fields(n_classes: int, columns: int, low: float, high: float) -> dict[str, Any]:
    """Return the fields that describe labels, for any sentence of this module."""
    first: float = int(low) if float(low).is_integer() else low
    return {"k": n_classes, "top": n_classes - 1, "first": first, "columns": columns,
            "low": low, "high": high}


def one_based_note() -> str:
    """Return the sentence added where class ids start at 1: they may be numbered from 1."""
    return _("y has no class 0 (its smallest class id is 1): if the classes are numbered "
             "from 1, pass y - 1 so that they start at 0 and need one output unit fewer.")


def _unexpected(labels: str) -> AssertionError:
    # The advisor only asks for sentences it can reach; anything else is a bug in dlref.
    return AssertionError(f"no advisor sentence for labels of kind {labels!r}")


# ----------------------------------------------------------------------------------------
# select_loss: the reason of a choice.


def regression_reason(labels: str, robust: bool, f: dict[str, Any]) -> str:
    """Say why: regression on ``y``, mean squared (robust: absolute) error, linear units."""
    if robust:
        match labels:
            case "binary":
                return _("y holds a single column of 0/1 labels, so use mean absolute error "
                         "(robust to outliers) on a {units}-unit linear output.", **f)
            case "class_ids":
                return _("y holds integer class ids {first}..{top}, so use mean absolute error "
                         "(robust to outliers) on a {units}-unit linear output.", **f)
            case "one_hot":
                return _("y holds one-hot rows over {k} classes, so use mean absolute error "
                         "(robust to outliers) on a {units}-unit linear output.", **f)
            case "soft":
                return _("y holds rows of probabilities over {k} classes (soft labels), so use "
                         "mean absolute error (robust to outliers) on a {units}-unit linear "
                         "output.", **f)
            case "multi_hot":
                return _("y holds multi-hot rows ({columns} columns of 0/1, some rows with more "
                         "or fewer than one 1), so use mean absolute error (robust to outliers) "
                         "on a {units}-unit linear output.", **f)
            case "real":
                return _("y holds real-valued targets ranging over [{low:.4g}, {high:.4g}], so "
                         "use mean absolute error (robust to outliers) on a {units}-unit linear "
                         "output.", **f)
            case "real_columns":
                return _("y holds real-valued targets in {columns} columns ranging over "
                         "[{low:.4g}, {high:.4g}], so use mean absolute error (robust to "
                         "outliers) on a {units}-unit linear output.", **f)
    match labels:
        case "binary":
            return _("y holds a single column of 0/1 labels, so use mean squared error on a "
                     "{units}-unit linear output.", **f)
        case "class_ids":
            return _("y holds integer class ids {first}..{top}, so use mean squared error on a "
                     "{units}-unit linear output.", **f)
        case "one_hot":
            return _("y holds one-hot rows over {k} classes, so use mean squared error on a "
                     "{units}-unit linear output.", **f)
        case "soft":
            return _("y holds rows of probabilities over {k} classes (soft labels), so use mean "
                     "squared error on a {units}-unit linear output.", **f)
        case "multi_hot":
            return _("y holds multi-hot rows ({columns} columns of 0/1, some rows with more or "
                     "fewer than one 1), so use mean squared error on a {units}-unit linear "
                     "output.", **f)
        case "real":
            return _("y holds real-valued targets ranging over [{low:.4g}, {high:.4g}], so use "
                     "mean squared error on a {units}-unit linear output.", **f)
        case "real_columns":
            return _("y holds real-valued targets in {columns} columns ranging over [{low:.4g}, "
                     "{high:.4g}], so use mean squared error on a {units}-unit linear output.",
                     **f)
    raise _unexpected(labels)


def binary_reason(labels: str, f: dict[str, Any]) -> str:
    """Say why: binary classification on one column of values in [0, 1]."""
    match labels:
        case "binary":
            return _("y holds a single column of 0/1 labels, so use binary crossentropy on a "
                     "1-unit sigmoid output.", **f)
        case "real":
            return _("y holds real-valued targets ranging over [{low:.4g}, {high:.4g}], so use "
                     "binary crossentropy on a 1-unit sigmoid output.", **f)
    raise _unexpected(labels)


def multiclass_reason(labels: str, f: dict[str, Any]) -> str:
    """Say why: single-label classification, the sparse loss for class ids, else one-hot."""
    match labels:
        case "binary":
            return _("y holds a single column of 0/1 labels, so use sparse categorical "
                     "crossentropy on a {k}-unit softmax output (one unit per class).", **f)
        case "class_ids":
            return _("y holds integer class ids {first}..{top}, so use sparse categorical "
                     "crossentropy on a {k}-unit softmax output (one unit per class).", **f)
        case "one_hot":
            return _("y holds one-hot rows over {k} classes, so use categorical crossentropy on "
                     "a {k}-unit softmax output (one unit per class).", **f)
        case "soft":
            return _("y holds rows of probabilities over {k} classes (soft labels), so use "
                     "categorical crossentropy on a {k}-unit softmax output (one unit per "
                     "class).", **f)
    raise _unexpected(labels)


def multilabel_reason(labels: str, f: dict[str, Any]) -> str:
    """Say why: multi-label classification, one sigmoid unit per 0/1 column."""
    match labels:
        case "one_hot":
            return _("y holds one-hot rows over {k} classes, so use binary crossentropy on a "
                     "{columns}-unit sigmoid output (one independent yes/no per label).", **f)
        case "soft":
            return _("y holds rows of probabilities over {k} classes (soft labels), so use "
                     "binary crossentropy on a {columns}-unit sigmoid output (one independent "
                     "yes/no per label).", **f)
        case "multi_hot":
            return _("y holds multi-hot rows ({columns} columns of 0/1, some rows with more or "
                     "fewer than one 1), so use binary crossentropy on a {columns}-unit sigmoid "
                     "output (one independent yes/no per label).", **f)
        case "real_columns":
            return _("y holds real-valued targets in {columns} columns ranging over [{low:.4g}, "
                     "{high:.4g}], so use binary crossentropy on a {columns}-unit sigmoid "
                     "output (one independent yes/no per label).", **f)
    raise _unexpected(labels)


# ----------------------------------------------------------------------------------------
# select_loss: a task that does not fit y.


def binary_conflict(labels: str, f: dict[str, Any]) -> str:
    """Object to ``task='binary'`` with labels that are not one column in [0, 1]."""
    if f["columns"] == 2:
        match labels:
            case "one_hot":
                return _("task={task!r} does not fit y, which holds one-hot rows over {k} "
                         "classes; pass the positive column y[:, 1] as a single 0/1 column, or "
                         "use task='multiclass'.", **f)
            case "soft":
                return _("task={task!r} does not fit y, which holds rows of probabilities over "
                         "{k} classes (soft labels); pass the positive column y[:, 1] as a "
                         "single 0/1 column, or use task='multiclass'.", **f)
    match labels:
        case "class_ids":
            return _("task={task!r} does not fit y, which holds integer class ids "
                     "{first}..{top}; for {k} classes use task='multiclass'.", **f)
        case "one_hot":
            return _("task={task!r} does not fit y, which holds one-hot rows over {k} classes; "
                     "for several yes/no labels per sample use task='multilabel'.", **f)
        case "soft":
            return _("task={task!r} does not fit y, which holds rows of probabilities over {k} "
                     "classes (soft labels); for several yes/no labels per sample use "
                     "task='multilabel'.", **f)
        case "multi_hot":
            return _("task={task!r} does not fit y, which holds multi-hot rows ({columns} "
                     "columns of 0/1, some rows with more or fewer than one 1); for several "
                     "yes/no labels per sample use task='multilabel'.", **f)
        case "real":
            return _("task={task!r} does not fit y, which holds real-valued targets ranging "
                     "over [{low:.4g}, {high:.4g}]; binary labels must lie in [0, 1]; use "
                     "task='regression' for real-valued targets.", **f)
        case "real_columns":
            return _("task={task!r} does not fit y, which holds real-valued targets in "
                     "{columns} columns ranging over [{low:.4g}, {high:.4g}]; for several "
                     "yes/no labels per sample use task='multilabel'.", **f)
    raise _unexpected(labels)


def multiclass_conflict(labels: str, f: dict[str, Any]) -> str:
    """Object to ``task='multiclass'`` with labels neither class ids nor one-hot rows."""
    match labels:
        case "multi_hot":
            return _("task={task!r} does not fit y, which holds multi-hot rows ({columns} "
                     "columns of 0/1, some rows with more or fewer than one 1); rows with "
                     "several 1s mean several labels per sample: use task='multilabel'.", **f)
        case "real":
            return _("task={task!r} does not fit y, which holds real-valued targets ranging "
                     "over [{low:.4g}, {high:.4g}]; use task='regression' for real-valued "
                     "targets, or pass class ids.", **f)
        case "real_columns":
            return _("task={task!r} does not fit y, which holds real-valued targets in "
                     "{columns} columns ranging over [{low:.4g}, {high:.4g}]; use "
                     "task='regression' for real-valued targets, or pass class ids.", **f)
    raise _unexpected(labels)


def multilabel_conflict(labels: str, f: dict[str, Any]) -> str:
    """Object to ``task='multilabel'`` with fewer than two 0/1 columns."""
    match labels:
        case "binary":
            return _("task={task!r} does not fit y, which holds a single column of 0/1 labels; "
                     "multilabel needs one 0/1 column per label, shape (n, k) with k >= 2; for "
                     "a single yes/no label use task='binary', for class ids use "
                     "task='multiclass'.", **f)
        case "class_ids":
            return _("task={task!r} does not fit y, which holds integer class ids {first}..{top}; "
                     "multilabel needs one 0/1 column per label, shape (n, k) with k >= 2; for "
                     "a single yes/no label use task='binary', for class ids use "
                     "task='multiclass'.", **f)
        case "real":
            return _("task={task!r} does not fit y, which holds real-valued targets ranging "
                     "over [{low:.4g}, {high:.4g}]; multilabel needs one 0/1 column per label, "
                     "shape (n, k) with k >= 2; for a single yes/no label use task='binary', "
                     "for class ids use task='multiclass'.", **f)
        case "real_columns":
            return _("task={task!r} does not fit y, which holds real-valued targets in "
                     "{columns} columns ranging over [{low:.4g}, {high:.4g}]; multilabel needs "
                     "one 0/1 column per label, shape (n, k) with k >= 2; for a single yes/no "
                     "label use task='binary', for class ids use task='multiclass'.", **f)
    raise _unexpected(labels)


# ----------------------------------------------------------------------------------------
# check_setup: labels that do not fit the loss or the output layer.


def class_labels_with_regression_loss(labels: str, f: dict[str, Any]) -> str:
    """Object to class labels with a regression loss and a sigmoid or softmax output."""
    match labels:
        case "binary":
            return _("y holds a single column of 0/1 labels, which are class labels, but "
                     "loss={loss!r} is a regression loss (with output_activation="
                     "{activation!r}): use loss='binary_crossentropy' with a sigmoid output.",
                     **f)
        case "multi_hot":
            return _("y holds multi-hot rows ({columns} columns of 0/1, some rows with more or "
                     "fewer than one 1), which are class labels, but loss={loss!r} is a "
                     "regression loss (with output_activation={activation!r}): use "
                     "loss='binary_crossentropy' with a sigmoid output.", **f)
        case "class_ids":
            return _("y holds integer class ids {first}..{top}, which are class labels, but "
                     "loss={loss!r} is a regression loss (with output_activation="
                     "{activation!r}): use loss='sparse_categorical_crossentropy' with a "
                     "softmax output.", **f)
        case "one_hot":
            return _("y holds one-hot rows over {k} classes, which are class labels, but "
                     "loss={loss!r} is a regression loss (with output_activation="
                     "{activation!r}): use loss='categorical_crossentropy' with a softmax "
                     "output.", **f)
    raise _unexpected(labels)


def softmax_with_regression_loss(labels: str, f: dict[str, Any]) -> str:
    """Object to a softmax output for a regression loss on targets that are not classes."""
    match labels:
        case "soft":
            return _("output_activation='softmax' makes the outputs sum to 1, which does not "
                     "fit loss={loss!r} on rows of probabilities over {k} classes (soft "
                     "labels): use output_activation='linear'.", **f)
        case "real":
            return _("output_activation='softmax' makes the outputs sum to 1, which does not "
                     "fit loss={loss!r} on real-valued targets ranging over [{low:.4g}, "
                     "{high:.4g}]: use output_activation='linear'.", **f)
        case "real_columns":
            return _("output_activation='softmax' makes the outputs sum to 1, which does not "
                     "fit loss={loss!r} on real-valued targets in {columns} columns ranging "
                     "over [{low:.4g}, {high:.4g}]: use output_activation='linear'.", **f)
    raise _unexpected(labels)


def targets_out_of_range(labels: str, f: dict[str, Any]) -> str:
    """Object to regression targets that a bounded output activation cannot reach."""
    match labels:
        case "class_ids":
            return _("output_activation={activation!r} only produces values in "
                     "[{range_low:g}, {range_high:g}], but y holds integer class ids "
                     "{first}..{top}: use output_activation='linear' (or rescale y).", **f)
        case "real":
            return _("output_activation={activation!r} only produces values in "
                     "[{range_low:g}, {range_high:g}], but y holds real-valued targets ranging "
                     "over [{low:.4g}, {high:.4g}]: use output_activation='linear' (or rescale "
                     "y).", **f)
        case "real_columns":
            return _("output_activation={activation!r} only produces values in "
                     "[{range_low:g}, {range_high:g}], but y holds real-valued targets in "
                     "{columns} columns ranging over [{low:.4g}, {high:.4g}]: use "
                     "output_activation='linear' (or rescale y).", **f)
    raise _unexpected(labels)


def binary_loss_needs_unit_interval(labels: str, f: dict[str, Any]) -> str:
    """Object to binary crossentropy on labels that are not 0/1."""
    match labels:
        case "class_ids":
            return _("y holds integer class ids {first}..{top}, but "
                     "loss='binary_crossentropy' needs 0/1 labels: use "
                     "loss='sparse_categorical_crossentropy' with a {k}-unit softmax output.",
                     **f)
        case "real":
            return _("y holds real-valued targets ranging over [{low:.4g}, {high:.4g}], but "
                     "loss='binary_crossentropy' needs labels in [0, 1]: use "
                     "loss='mean_squared_error' with a linear output for real-valued targets.",
                     **f)
        case "real_columns":
            return _("y holds real-valued targets in {columns} columns ranging over [{low:.4g}, "
                     "{high:.4g}], but loss='binary_crossentropy' needs labels in [0, 1]: use "
                     "loss='mean_squared_error' with a linear output for real-valued targets.",
                     **f)
    raise _unexpected(labels)


def categorical_loss_needs_one_hot(labels: str, f: dict[str, Any]) -> str:
    """Object to categorical crossentropy on labels that are not one-hot (or soft) rows."""
    match labels:
        case "binary":
            return _("y holds a single column of 0/1 labels (shape (n,) or (n, 1)), but "
                     "loss='categorical_crossentropy' expects one-hot rows: use "
                     "loss='sparse_categorical_crossentropy', or one-hot encode y with "
                     "keras.utils.to_categorical(y).", **f)
        case "class_ids":
            return _("y holds integer class ids {first}..{top} (shape (n,) or (n, 1)), but "
                     "loss='categorical_crossentropy' expects one-hot rows: use "
                     "loss='sparse_categorical_crossentropy', or one-hot encode y with "
                     "keras.utils.to_categorical(y).", **f)
        case "multi_hot":
            return _("y holds multi-hot rows ({columns} columns of 0/1, some rows with more or "
                     "fewer than one 1), but loss='categorical_crossentropy' expects exactly "
                     "one 1 per row: for several labels per sample use "
                     "loss='binary_crossentropy' with a sigmoid output.", **f)
        case "real":
            return _("y holds real-valued targets ranging over [{low:.4g}, {high:.4g}], but "
                     "loss='categorical_crossentropy' expects one-hot rows (or rows of "
                     "probabilities summing to 1): use loss='mean_squared_error' with a "
                     "linear output for real-valued targets.", **f)
        case "real_columns":
            return _("y holds real-valued targets in {columns} columns ranging over [{low:.4g}, "
                     "{high:.4g}], but loss='categorical_crossentropy' expects one-hot rows (or "
                     "rows of probabilities summing to 1): use loss='mean_squared_error' with a "
                     "linear output for real-valued targets.", **f)
    raise _unexpected(labels)


def sparse_loss_needs_class_ids(labels: str, f: dict[str, Any]) -> str:
    """Object to sparse categorical crossentropy on labels that are not class ids."""
    match labels:
        case "one_hot":
            return _("y holds one-hot rows over {k} classes, but "
                     "loss='sparse_categorical_crossentropy' expects integer class ids: use "
                     "loss='categorical_crossentropy' or pass integer class ids "
                     "(y.argmax(axis=1)).", **f)
        case "soft":
            return _("y holds rows of probabilities over {k} classes (soft labels), but "
                     "loss='sparse_categorical_crossentropy' expects integer class ids: use "
                     "loss='categorical_crossentropy' or pass integer class ids "
                     "(y.argmax(axis=1)).", **f)
        case "multi_hot":
            return _("y holds multi-hot rows ({columns} columns of 0/1, some rows with more or "
                     "fewer than one 1), but loss='sparse_categorical_crossentropy' expects one "
                     "integer class id per sample: for several labels per sample use "
                     "loss='binary_crossentropy' with a sigmoid output.", **f)
        case "real":
            return _("y holds real-valued targets ranging over [{low:.4g}, {high:.4g}], but "
                     "loss='sparse_categorical_crossentropy' expects integer class ids 0..K-1: "
                     "use loss='mean_squared_error' with a linear output for real-valued "
                     "targets.", **f)
        case "real_columns":
            return _("y holds real-valued targets in {columns} columns ranging over [{low:.4g}, "
                     "{high:.4g}], but loss='sparse_categorical_crossentropy' expects integer "
                     "class ids 0..K-1: use loss='mean_squared_error' with a linear output for "
                     "real-valued targets.", **f)
    raise _unexpected(labels)


def independent_units_for_one_class(labels: str, logits: bool, f: dict[str, Any]) -> str:
    """Object to sigmoid units (or their logits) with binary crossentropy on one-class rows."""
    if logits:
        match labels:
            case "one_hot":
                return _("y holds one-hot rows over {k} classes (one class per sample), but "
                         "loss='binary_crossentropy' on a linear output with from_logits=True "
                         "treats the {k} classes as independent yes/no questions: the "
                         "predicted probabilities need not sum to 1, and binary_accuracy "
                         "averages over the {k} columns, so a model that always predicts 0 "
                         "scores {zero_accuracy:.0%}. Use loss='categorical_crossentropy' (the "
                         "linear output and from_logits=True stay), or "
                         "loss='sparse_categorical_crossentropy' with integer class ids "
                         "(y.argmax(axis=1)).", **f)
            case "soft":
                return _("y holds rows of probabilities over {k} classes (soft labels, one "
                         "class per sample), but loss='binary_crossentropy' on a linear output "
                         "with from_logits=True treats the {k} classes as independent yes/no "
                         "questions, whose predicted probabilities need not sum to 1. Use "
                         "loss='categorical_crossentropy' (the linear output and "
                         "from_logits=True stay).", **f)
    match labels:
        case "one_hot":
            return _("y holds one-hot rows over {k} classes (one class per sample), but "
                     "output_activation='sigmoid' with loss='binary_crossentropy' treats the "
                     "{k} classes as independent yes/no questions: the outputs need not sum to "
                     "1, and binary_accuracy averages over the {k} columns, so a model that "
                     "always outputs 0 scores {zero_accuracy:.0%}. Use "
                     "output_activation='softmax' with loss='categorical_crossentropy', or "
                     "with loss='sparse_categorical_crossentropy' and integer class ids "
                     "(y.argmax(axis=1)).", **f)
        case "soft":
            return _("y holds rows of probabilities over {k} classes (soft labels, one class "
                     "per sample), but output_activation='sigmoid' with "
                     "loss='binary_crossentropy' treats the {k} classes as independent yes/no "
                     "questions, whose outputs need not sum to 1. Use "
                     "output_activation='softmax' with loss='categorical_crossentropy'.", **f)
    raise _unexpected(labels)


def softmax_with_binary_loss(labels: str, f: dict[str, Any]) -> str:
    """Object to a softmax output for binary crossentropy; the fix depends on the labels."""
    match labels:
        case "one_hot" | "soft":
            return _("output_activation='softmax' makes the units compete (they sum to 1), "
                     "which fits y's rows of {k} classes that sum to 1 (one class per sample), "
                     "but loss='binary_crossentropy' scores each unit as an independent "
                     "yes/no: keep the softmax and use loss='categorical_crossentropy'.", **f)
        case "binary" | "real":
            return _("output_activation='softmax' over the single column of y always outputs "
                     "1.0, and loss='binary_crossentropy' scores one independent yes/no: use "
                     "output_activation='sigmoid' with output_units=1.", **f)
        case "multi_hot" | "real_columns":
            return _("output_activation='softmax' makes the units compete (they sum to 1), but "
                     "y's {columns} columns are independent yes/no labels (a row may hold "
                     "several 1s or none), which loss='binary_crossentropy' scores one by one: "
                     "use output_activation='sigmoid'.", **f)
    raise _unexpected(labels)


def class_labels_fit_regression(labels: str, f: dict[str, Any]) -> str:
    """Say that a regression loss fits class-looking labels only if they are quantities."""
    match labels:
        case "binary":
            return _("y holds a single column of 0/1 values, which fits loss={loss!r} on a "
                     "{units}-unit {activation} output if they are quantities to predict; if "
                     "they are class labels, use loss='binary_crossentropy' with a 1-unit "
                     "sigmoid output.", **f)
        case "class_ids":
            return _("y holds whole numbers {first}..{top}, which fits loss={loss!r} on a "
                     "{units}-unit {activation} output if they are quantities (counts, "
                     "ratings); if they are class ids, use "
                     "loss='sparse_categorical_crossentropy' with a {k}-unit softmax output "
                     "(one unit per class).", **f)
        case "one_hot":
            return _("y holds one-hot rows over {k} classes, which fits loss={loss!r} on a "
                     "{units}-unit {activation} output only as a regression of the 0/1 "
                     "values; to classify, use loss='categorical_crossentropy' with a "
                     "{k}-unit softmax output.", **f)
        case "multi_hot":
            return _("y holds multi-hot rows ({columns} columns of 0/1, some rows with more or "
                     "fewer than one 1), which fits loss={loss!r} on a {units}-unit "
                     "{activation} output only as a regression of the 0/1 values; to classify, "
                     "use loss='binary_crossentropy' with a {columns}-unit sigmoid output.",
                     **f)
    raise _unexpected(labels)


# ----------------------------------------------------------------------------------------
# check_setup: the reason of a setup that fits.


def setup_fits(labels: str, from_logits: bool, f: dict[str, Any]) -> str:
    """Say why labels, loss and output layer fit together."""
    if from_logits:
        match labels:
            case "binary":
                return _("y holds a single column of 0/1 labels, which fits loss={loss!r} on a "
                         "{units}-unit {activation} output with from_logits=True.", **f)
            case "class_ids":
                return _("y holds integer class ids {first}..{top}, which fits loss={loss!r} on a "
                         "{units}-unit {activation} output with from_logits=True.", **f)
            case "one_hot":
                return _("y holds one-hot rows over {k} classes, which fits loss={loss!r} on a "
                         "{units}-unit {activation} output with from_logits=True.", **f)
            case "soft":
                return _("y holds rows of probabilities over {k} classes (soft labels), which "
                         "fits loss={loss!r} on a {units}-unit {activation} output with "
                         "from_logits=True.", **f)
            case "multi_hot":
                return _("y holds multi-hot rows ({columns} columns of 0/1, some rows with more "
                         "or fewer than one 1), which fits loss={loss!r} on a {units}-unit "
                         "{activation} output with from_logits=True.", **f)
            case "real":
                return _("y holds real-valued targets ranging over [{low:.4g}, {high:.4g}], "
                         "which fits loss={loss!r} on a {units}-unit {activation} output with "
                         "from_logits=True.", **f)
            case "real_columns":
                return _("y holds real-valued targets in {columns} columns ranging over "
                         "[{low:.4g}, {high:.4g}], which fits loss={loss!r} on a {units}-unit "
                         "{activation} output with from_logits=True.", **f)
    match labels:
        case "binary":
            return _("y holds a single column of 0/1 labels, which fits loss={loss!r} on a "
                     "{units}-unit {activation} output.", **f)
        case "class_ids":
            return _("y holds integer class ids {first}..{top}, which fits loss={loss!r} on a "
                     "{units}-unit {activation} output.", **f)
        case "one_hot":
            return _("y holds one-hot rows over {k} classes, which fits loss={loss!r} on a "
                     "{units}-unit {activation} output.", **f)
        case "soft":
            return _("y holds rows of probabilities over {k} classes (soft labels), which fits "
                     "loss={loss!r} on a {units}-unit {activation} output.", **f)
        case "multi_hot":
            return _("y holds multi-hot rows ({columns} columns of 0/1, some rows with more or "
                     "fewer than one 1), which fits loss={loss!r} on a {units}-unit "
                     "{activation} output.", **f)
        case "real":
            return _("y holds real-valued targets ranging over [{low:.4g}, {high:.4g}], which "
                     "fits loss={loss!r} on a {units}-unit {activation} output.", **f)
        case "real_columns":
            return _("y holds real-valued targets in {columns} columns ranging over [{low:.4g}, "
                     "{high:.4g}], which fits loss={loss!r} on a {units}-unit {activation} "
                     "output.", **f)
    raise _unexpected(labels)
