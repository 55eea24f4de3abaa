"""
===============================
Dying ReLU · 죽은 ReLU
===============================

A ReLU unit whose input is negative for every training example outputs 0 for all of
them, receives no gradient and stops learning: it has *died*. Here two identical
small networks, one with ReLU and one with Leaky ReLU, are trained on the digits
with a deliberately large learning rate. You will see the share of dead ReLU units
climb in the first epochs, while only a few Leaky ReLU units ever sit on their
negative side, and those keep learning.
"""

# %%
# Data
# ----
# The 8x8 digits of :func:`dlref.datasets.load_digits_images`, flattened to 64
# pixels and scaled to [0, 1].

from dlref.models import import_keras

keras = import_keras()  # without TensorFlow's start-up lines on stderr

import matplotlib.pyplot as plt
import numpy as np

from dlref.datasets import load_digits_images
from dlref.diagnostics import dead_relu_fraction
from dlref.models import build_mlp
from dlref.plotting import PALETTE, bilingual_title, use_style

use_style()
keras.utils.set_random_seed(0)

(x_train, y_train), (x_test, y_test) = load_digits_images()
x_train = x_train.reshape(len(x_train), -1) / 255.0
x_test = x_test.reshape(len(x_test), -1) / 255.0
print(f"train: {x_train.shape}, test: {x_test.shape}")

# %%
# What counts as dead
# -------------------
# :func:`dlref.diagnostics.dead_relu_fraction` reports, for each ReLU layer, the
# fraction of units whose output is exactly 0 for *every* sample we pass in (here
# the whole training set). Such a unit passes no gradient back for any training
# example, so no update can revive it.
#
# A Leaky ReLU unit outputs :math:`0.2\,z` for a negative input :math:`z`, which
# is not 0, so by this definition it can never be dead; ``dead_relu_fraction``
# does not even list Leaky ReLU layers. To still see how many Leaky ReLU units sit
# entirely on their negative side, we copy the weights into a plain ReLU *twin*
# network and measure the twin: a twin unit is "dead" exactly when the leaky unit
# gets a negative input for every sample.


class DeadUnits(keras.callbacks.Callback):
    """After each epoch, record the dead fraction of ``probe`` (a ReLU model)."""

    def __init__(self, probe=None):
        super().__init__()
        self.probe = probe
        self.history = []

    def record(self, model):
        """Measure ``model`` (or its ReLU twin) on the training images."""
        if self.probe is not None:
            self.probe.set_weights(model.get_weights())
            model = self.probe
        self.history.append(dead_relu_fraction(model, x_train))

    def on_epoch_end(self, epoch, logs=None):
        self.record(self.model)


# %%
# Two networks, one large learning rate
# -------------------------------------
# Both networks have two hidden layers of 64 units, no dropout, and start from the
# same seed. Plain SGD with learning rate 0.85 is far above what this network
# needs; the large, noisy first steps push some units' biases and weights so far
# negative that they switch off for every image.

learning_rate = 0.85
epochs = 5


def make(activation):
    """A 64-64 MLP for the 10 digits, trained by plain SGD."""
    return build_mlp(
        (64,),
        hidden_units=(64, 64),
        activation=activation,
        dropout=0.0,
        optimizer=keras.optimizers.SGD(learning_rate=learning_rate),
        loss="sparse_categorical_crossentropy",
        seed=0,
    )


results = {}
for activation in ("relu", "leaky_relu"):
    model = make(activation)
    # For Leaky ReLU the callback measures a ReLU twin (same shapes, weights copied).
    recorder = DeadUnits(probe=make("relu") if activation == "leaky_relu" else None)
    recorder.record(model)  # epoch 0: the freshly initialised network
    history = model.fit(
        x_train, y_train, epochs=epochs, batch_size=32, verbose=0, callbacks=[recorder]
    )
    test_loss, test_acc = model.evaluate(x_test, y_test, verbose=0)
    results[activation] = {
        "own": dead_relu_fraction(model, x_train),
        "dead": recorder.history,
        "loss": history.history["loss"],
        "test_acc": test_acc,
    }

# %%
# Final numbers
# -------------
# ``own`` is what :func:`~dlref.diagnostics.dead_relu_fraction` says about the
# trained network itself; ``negative side`` is the twin measurement.

layers = list(results["relu"]["dead"][0])
for activation, r in results.items():
    print(f"{activation}: final training loss {r['loss'][-1]:.3f}, "
          f"test accuracy {r['test_acc']:.3f}")
    print(f"  dead_relu_fraction of the trained model: {r['own']}")
    for layer in layers:
        trace = " ".join(f"{step[layer]:.2f}" for step in r["dead"])
        what = "dead" if activation == "relu" else "negative side"
        print(f"  {layer} {what}, epochs 0..{epochs}: {trace}")
trained = [step[layer] for step in results["leaky_relu"]["dead"][1:] for layer in layers]
print(f"Leaky ReLU units on the negative side after epochs 1..{epochs}: "
      f"{min(trained):.0%} to {max(trained):.0%}")

# %%
# Dead units over training
# ------------------------
# Left: the share of units whose input is negative for every training image, per
# hidden layer after each epoch (epoch 0 is the untrained network). For ReLU these
# units are dead; for Leaky ReLU it is the twin measurement from above, and those
# units still learn. Right: the training loss of both networks.

epochs_axis = np.arange(epochs + 1)
fig, (ax_dead, ax_loss) = plt.subplots(1, 2, figsize=(9.5, 4.2))
styles = {"hidden_1": "-", "hidden_2": "--"}
for layer in layers:
    dead = [100 * step[layer] for step in results["relu"]["dead"]]
    ax_dead.plot(
        epochs_axis, dead, styles[layer], color=PALETTE[1], lw=3, marker="o", label=f"ReLU, {layer}"
    )
    negative = [100 * step[layer] for step in results["leaky_relu"]["dead"]]
    ax_dead.plot(
        epochs_axis, negative, styles[layer], color=PALETTE[0], lw=3, marker="o",
        label=f"Leaky ReLU, {layer} (negative side)",
    )  # fmt: skip
ax_dead.set(xlabel="epoch", ylabel="units negative for every image (%)", ylim=(-3, 100))
ax_dead.set_xticks(epochs_axis)
ax_dead.set_title("Dead (ReLU) or all-negative (Leaky ReLU) units", fontsize=12)
ax_dead.legend(fontsize=9, loc="upper left")

for color, activation in zip((PALETTE[1], PALETTE[0]), ("relu", "leaky_relu"), strict=True):
    ax_loss.plot(
        epochs_axis[1:], results[activation]["loss"], color=color, lw=3, marker="o",
        label="ReLU" if activation == "relu" else "Leaky ReLU",
    )  # fmt: skip
ax_loss.set(xlabel="epoch", ylabel="training loss", ylim=(0, None))
ax_loss.set_xticks(epochs_axis[1:])  # whole epochs; the loss is the mean over each epoch
ax_loss.set_title("Training loss", fontsize=12)
ax_loss.legend(fontsize=10)
fig.suptitle(bilingual_title("Dying ReLU", "죽은 ReLU"), fontsize=15)
fig.tight_layout()

# %%
# Reading the figure
# ------------------
# With this learning rate, a large share of the first hidden layer of the ReLU
# network is dead after the first epoch, and the share never goes down: a dead
# unit of the first layer gets zero gradient for every training image, so its
# weights are frozen for good. Units of the second layer can come back to life,
# because their inputs (the first layer's outputs) keep changing. The ReLU network
# trains on with the units it has left, and its loss falls more slowly.
#
# The Leaky ReLU network has no dead units by definition. The blue lines show
# that only a few of its units (the range printed above) ever sit
# entirely on the negative side, and even those still receive 0.2 times the
# gradient, so they can move back.
# Lowering the learning rate, or using a careful initialisation, also prevents
# most deaths; Leaky ReLU makes them impossible.

# sphinx_gallery_thumbnail_number = 1

plt.show()
