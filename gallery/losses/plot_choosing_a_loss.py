"""
===============
Choosing a loss
===============

The right loss follows from what the labels look like. You will see
:func:`dlref.losses.select_loss` pick the loss, output layer and metrics for five
kinds of labels, :func:`dlref.losses.check_setup` explain the classic mistakes, and
a bar chart showing why some of those mistakes are dangerous: a loss computed from
the outputs alone no longer tells a good model from a bad one. Real Keras models on
the TensorFlow backend then show where that backend hides the mistake instead.
"""

# %%
# Setup
# -----
# :func:`~dlref.models.import_keras` imports Keras, and TensorFlow without the
# start-up log lines it writes to the terminal.

from dlref.models import import_keras

keras = import_keras()  # without TensorFlow's start-up lines on stderr

import textwrap
import warnings

import matplotlib.pyplot as plt
import numpy as np

from dlref import losses
from dlref.activations import sigmoid, softmax
from dlref.plotting import PALETTE, use_style

use_style()
rng = np.random.default_rng(0)

# %%
# Five kinds of labels
# --------------------
# The same six samples labelled five ways: class ids, the same classes one-hot
# encoded, a single yes/no label, several independent yes/no labels per sample
# (multi-label), and real-valued targets (regression).

y_ids = np.array([0, 2, 1, 2, 0, 1])
label_sets = {
    "integer class ids": y_ids,
    "one-hot rows": np.eye(3)[y_ids],
    "binary 0/1": np.array([0, 1, 1, 0, 1, 0]),
    "multi-label 0/1": np.array([[1, 0, 1], [0, 1, 1], [0, 0, 0], [1, 1, 0], [0, 1, 0], [1, 0, 0]]),
    "real values": rng.normal(50.0, 10.0, size=6),
}
for name, y in label_sets.items():
    print(f"{name}: shape {y.shape}, first rows {np.round(y[:2], 2).tolist()}")

# %%
# What :func:`~dlref.losses.select_loss` chooses
# ----------------------------------------------
# Given only the labels, it infers the task and returns a frozen
# :class:`~dlref.losses.LossChoice`: the Keras loss name, the output activation,
# the number of output units and the metrics. ``robust=True`` swaps mean squared
# error for mean absolute error in regression.

choices = {name: losses.select_loss(y=y) for name, y in label_sets.items()}
choices["real values, robust=True"] = losses.select_loss(y=label_sets["real values"], robust=True)

header = f"{'labels':26s} {'loss':32s} {'output':8s} {'units':>5s}  metrics"
print(header)
print("-" * len(header))
for name, c in choices.items():
    print(
        f"{name:26s} {c.loss:32s} {c.output_activation:8s} {c.output_units:5d}  "
        f"{', '.join(c.metrics)}"
    )
print()
print("reason for the class ids:")
print(
    textwrap.fill(
        choices["integer class ids"].reason, width=88, initial_indent="  ", subsequent_indent="  "
    )
)

# %%
# The same table as a figure
# --------------------------
# Drawn from the ``LossChoice`` objects above, so it cannot drift from the code.

fig, ax = plt.subplots(figsize=(8.6, 2.9))
ax.set_axis_off()
rows = [
    [name, c.loss.replace("_", " "), c.output_activation, str(c.output_units)]
    for name, c in choices.items()
]
table = ax.table(
    cellText=rows,
    colLabels=["labels", "loss", "output activation", "output units"],
    colWidths=[0.28, 0.40, 0.19, 0.13],
    loc="center",
    cellLoc="left",
)
table.auto_set_font_size(False)
table.set_fontsize(10)
table.scale(1.0, 1.45)
for (row, _col), cell in table.get_celld().items():
    cell.set_edgecolor("0.8")
    if row == 0:
        cell.set_facecolor(PALETTE[0])
        cell.get_text().set_color("white")
ax.set_title("Which loss for which labels")
fig.tight_layout()

# %%
# The classic mistakes, caught by :func:`~dlref.losses.check_setup`
# -----------------------------------------------------------------
# ``check_setup`` takes the labels, the loss, the output activation and, optionally,
# the number of output units and ``from_logits``. It returns a ``LossChoice`` when
# they fit, and raises a ``ValueError`` that says what is wrong and how to fix it
# when they do not. Each mistake is caught here and its message printed.

y_binary = label_sets["binary 0/1"]
y_onehot = label_sets["one-hot rows"]
mistakes = [
    ("one-hot labels + sparse CE", (y_onehot, "sparse_categorical_crossentropy", "softmax"), {}),
    ("integer labels + categorical CE", (y_ids, "categorical_crossentropy", "softmax"), {}),
    ("softmax with 1 unit", (y_binary, "binary_crossentropy", "softmax"), {"output_units": 1}),
    (
        "sigmoid + from_logits=True",
        (y_binary, "binary_crossentropy", "sigmoid"),
        {"from_logits": True},
    ),
    ("linear + from_logits=False", (y_binary, "binary_crossentropy", "linear"), {}),
    (
        "class id 2 but 2 units",
        (y_ids, "sparse_categorical_crossentropy", "softmax"),
        {"output_units": 2},
    ),
    ("NaN in the labels", (np.array([0.0, 1.0, np.nan]), "binary_crossentropy", "sigmoid"), {}),
    ("MSE + softmax on class ids", (y_ids, "mean_squared_error", "softmax"), {}),
]

ok = losses.check_setup(y_ids, "sparse_categorical_crossentropy", "softmax", output_units=3)
print("* a correct setup passes")
print(textwrap.fill(ok.reason, width=88, initial_indent="  ", subsequent_indent="  "))
for title, args, kwargs in mistakes:
    try:
        losses.check_setup(*args, **kwargs)
    except ValueError as err:
        print(f"\n* {title}")
        print(textwrap.fill(str(err), width=88, initial_indent="  ", subsequent_indent="  "))
    else:
        print(f"\n* {title}: no error raised")

# %%
# Why it matters: can the loss tell good from bad?
# ------------------------------------------------
# Keras does not refuse most of these setups; it trains on them and reports a loss.
# To see what goes wrong, take the binary labels and two models: a *good* one that
# gives each sample a probability of 0.7-0.9 for its true label, and a *bad* one that
# gives the opposite probabilities. We compute with :mod:`dlref.losses` the average
# loss each setup gives when the loss sees only the output layer's values. That is
# what happens on Keras' JAX and PyTorch backends, and whenever a loss is called on
# arrays; the TensorFlow backend differs, as the next section shows.
#
# * **sigmoid + BCE** and **linear + BCE(from_logits=True)**: the two correct setups.
#   The linear layer outputs the logits :math:`\log(p / (1 - p))` of the same
#   probabilities.
# * **sigmoid + BCE(from_logits=True)**: the probabilities are treated as logits,
#   so the sigmoid is applied twice.
# * **softmax over 1 unit + BCE**: the output is always 1, whatever the weights.

p_good = np.array([0.1, 0.9, 0.8, 0.2, 0.7, 0.3])[:, None]  # P(label = 1), one column
p_bad = 1.0 - p_good
y_col = y_binary[:, None].astype(float)


def logit(p):
    """Inverse of the sigmoid."""
    return np.log(p / (1.0 - p))


setups = {
    "sigmoid\n+ BCE": lambda p: losses.binary_crossentropy(y_col, p),
    "linear\n+ BCE(from_logits)": lambda p: losses.binary_crossentropy(
        y_col, logit(p), from_logits=True
    ),
    "sigmoid\n+ BCE(from_logits)": lambda p: losses.binary_crossentropy(y_col, p, from_logits=True),
    "softmax, 1 unit\n+ BCE": lambda p: losses.binary_crossentropy(y_col, softmax(logit(p))),
}
reported = {name: (fn(p_good).mean(), fn(p_bad).mean()) for name, fn in setups.items()}
print(f"{'setup':32s} {'good model':>10s} {'bad model':>10s}")
for name, (good, bad) in reported.items():
    print(f"{name.replace(chr(10), ' '):32s} {good:10.4f} {bad:10.4f}")
squashed = sigmoid(np.array([0.0, 1.0]))
print(f"a second sigmoid maps probabilities in [0, 1] to [{squashed[0]:.2f}, {squashed[1]:.2f}]")

fig, ax = plt.subplots(figsize=(7.6, 4.2))
x = np.arange(len(reported))
width = 0.38
good_bars = ax.bar(
    x - width / 2, [g for g, _ in reported.values()], width, color=PALETTE[2], label="good model"
)
bad_bars = ax.bar(
    x + width / 2, [b for _, b in reported.values()], width, color=PALETTE[1], label="bad model"
)
ax.bar_label(good_bars, fmt="%.2f", fontsize=9)
ax.bar_label(bad_bars, fmt="%.2f", fontsize=9)
ax.axvspan(-0.5, 1.5, color=PALETTE[2], alpha=0.08, lw=0)
top = ax.get_xaxis_transform()  # x in data units, y as a fraction of the axes height
ax.text(0.5, 0.93, "correct setups", transform=top, ha="center", color=PALETTE[2])
ax.text(2.5, 0.93, "mistakes", transform=top, ha="center", color=PALETTE[1])
ax.set_xticks(x, list(reported))
ax.set(
    ylabel="mean binary crossentropy",
    ylim=(0, 1.18 * max(max(v) for v in reported.values())),
    xlim=(-0.5, len(reported) - 0.5),
)
ax.set_title("Right vs wrong setups")
ax.legend(loc="upper center")
fig.tight_layout()

# %%
# Reading the figure
# ------------------
# With a correct setup the loss of the good model is far below that of the bad
# model, so lowering the loss means improving the model; both correct setups
# report the same numbers. With the sigmoid applied twice the gap nearly
# disappears: the second sigmoid squeezes every probability into the narrow range
# printed above, so the loss barely rewards being right and its gradients are
# weak. A softmax over one unit outputs 1 for every input, so the good and the bad
# model get exactly the same, large loss and no gradient reaches the weights at
# all. On these backends the mistakes do not crash training, they quietly ruin it,
# which is why it pays to run :func:`~dlref.losses.check_setup` once before
# calling ``fit``.

# %%
# The same setups as Keras models on the TensorFlow backend
# ---------------------------------------------------------
# On the TensorFlow backend a ``sigmoid`` or ``softmax`` layer keeps a reference to
# its input, and the crossentropies use those logits instead of the layer's output
# (``_get_logits`` in ``keras/src/backend/tensorflow/nn.py``; it warns when it also
# sees ``from_logits=True``). Here every setup is a one-unit Dense layer whose input
# is the logit of the good or bad probability (kernel 1, bias 0), compiled with the
# setup's loss and evaluated on the same labels.

keras_setups = {
    "sigmoid + BCE": ("sigmoid", False),
    "linear + BCE(from_logits)": ("linear", True),
    "sigmoid + BCE(from_logits)": ("sigmoid", True),
    "softmax, 1 unit + BCE": ("softmax", False),
}


def keras_model(activation, from_logits):
    """A 1-unit Dense layer that passes its input (a logit) to ``activation``."""
    model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1, activation=activation)])
    model.layers[0].set_weights([np.ones((1, 1), "float32"), np.zeros(1, "float32")])
    model.compile(loss=keras.losses.BinaryCrossentropy(from_logits=from_logits))
    return model


print(f"Keras {keras.__version__}, backend {keras.backend.backend()}")
print(f"{'setup':28s} {'good model':>10s} {'bad model':>10s}  predictions of the good model")
for name, (activation, from_logits) in keras_setups.items():
    model = keras_model(activation, from_logits)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the warnings Keras gives for the two mistakes
        scores = [
            model.evaluate(logit(p).astype("float32"), y_col, verbose=0) for p in (p_good, p_bad)
        ]
        predictions = model.predict(logit(p_good).astype("float32"), verbose=0)[:, 0]
    print(f"{name:28s} {scores[0]:10.4f} {scores[1]:10.4f}  {np.round(predictions, 2)}")

# %%
# On TensorFlow all four setups report the loss of the correct setup, so the loss
# hides both mistakes. The sigmoid with ``from_logits=True`` is harmless there
# apart from a warning. The softmax over one unit is not: the loss trains the
# weights through the logits, but the model still predicts 1.0 for every sample,
# so its accuracy is the share of positive labels. A linear output with
# ``from_logits=True`` is exact on every backend, which is why it is the portable
# choice, and :func:`~dlref.losses.check_setup` rejects the two mistakes whatever
# the backend.

# sphinx_gallery_thumbnail_number = 2

plt.show()
