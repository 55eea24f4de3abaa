"""
==========
Dying ReLU
==========

A ReLU unit whose input is negative for every training example outputs 0 for all of
them, receives no gradient and stops learning: it has *died*. Here two identical
small networks, one with ReLU and one with Leaky ReLU, are trained on the digits
with a deliberately large learning rate, from three seeds. You will see the share of
dead ReLU units climb in the first epochs, while the Leaky ReLU units that the first
large steps push to their negative side keep learning and come back.
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
import tensorflow as tf

from dlref.datasets import load_digits_images
from dlref.diagnostics import dead_relu_fraction
from dlref.models import build_mlp
from dlref.plotting import PALETTE, use_style

use_style()
keras.utils.set_random_seed(0)

(x_train, y_train), (x_test, y_test) = load_digits_images()
x_train = x_train.reshape(len(x_train), -1).astype("float32") / 255.0
x_test = x_test.reshape(len(x_test), -1).astype("float32") / 255.0
print(f"train: {x_train.shape}, test: {x_test.shape}")

# %%
# What counts as dead
# -------------------
# :func:`dlref.diagnostics.dead_relu_fraction` reports, for each ReLU layer, the
# fraction of units whose output is exactly 0 for *every* sample we pass in (here
# the whole training set). Such a unit passes no gradient back for any training
# example, so plain SGD does not change its weights or its bias. Only a change of its
# inputs can revive it: in the first hidden layer the inputs are the fixed images, so
# a dead unit stays dead, while a unit of a deeper layer sees the outputs of the
# layers below, which keep training. (Momentum and weight decay, which plain SGD does
# not use, also move a dead unit; see the ReLU page.)
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
# same initial weights for a given seed. Plain SGD with learning rate 0.85 is far
# above what this network needs, and too large for any network of this kind: it is
# used here only to provoke dead units. The large, noisy first steps push some
# units' biases and weights so far negative that they switch off for every image.
# Every run is repeated from three seeds (initial weights and order of the batches).

learning_rate = 0.85
epochs = 5
seeds = (0, 1, 2)


def make(activation, seed):
    """A 64-64 MLP for the 10 digits, trained by plain SGD."""
    return build_mlp(
        (64,),
        hidden_units=(64, 64),
        activation=activation,
        dropout=0.0,
        optimizer=keras.optimizers.SGD(learning_rate=learning_rate),
        loss="sparse_categorical_crossentropy",
        seed=seed,
    )


def test_accuracy(model):
    """Share of correct test answers (a direct call on the arrays)."""
    scores = keras.ops.convert_to_numpy(model(x_test, training=False))
    return float(np.mean(scores.argmax(axis=1) == y_test))


results = {"relu": [], "leaky_relu": []}
for seed in seeds:
    for activation in results:
        model = make(activation, seed)
        # For Leaky ReLU the callback measures a ReLU twin (same shapes, weights copied).
        recorder = DeadUnits(probe=make("relu", seed) if activation == "leaky_relu" else None)
        recorder.record(model)  # epoch 0: the freshly initialised network
        data = (tf.data.Dataset.from_tensor_slices((x_train, y_train)).cache()
                .shuffle(len(x_train), seed=seed).batch(32))
        history = model.fit(data, epochs=epochs, shuffle=False, verbose=0, callbacks=[recorder])
        results[activation].append({
            "own": dead_relu_fraction(model, x_train),
            "dead": recorder.history,
            "loss": history.history["loss"],
            "test_acc": test_accuracy(model),
        })

# %%
# Final numbers
# -------------
# ``own`` is what :func:`~dlref.diagnostics.dead_relu_fraction` says about the
# trained network itself; ``negative side`` is the twin measurement. First the
# epoch-by-epoch record of seed 0, then the end of every seed.

layers = list(results["relu"][0]["dead"][0])
for activation, runs in results.items():
    r = runs[0]
    print(f"{activation}, seed 0: final training loss {r['loss'][-1]:.3f}, "
          f"test accuracy {r['test_acc']:.3f}")
    print(f"  dead_relu_fraction of the trained model: {r['own']}")
    for layer in layers:
        trace = " ".join(f"{step[layer]:.2f}" for step in r["dead"])
        what = "dead" if activation == "relu" else "negative side"
        print(f"  {layer} {what}, epochs 0..{epochs}: {trace}")
for activation, runs in results.items():
    for seed, r in zip(seeds, runs, strict=True):
        shares = ", ".join(f"{layer} {r['dead'][-1][layer]:.2f}" for layer in layers)
        print(f"{activation:>10s}, seed {seed}: final loss {r['loss'][-1]:.3f}, test accuracy "
              f"{r['test_acc']:.3f}, negative for every image after epoch {epochs}: {shares}")
trained = [step[layer] for r in results["leaky_relu"] for step in r["dead"][1:]
           for layer in layers]
print(f"Leaky ReLU units on the negative side after epochs 1..{epochs}, all seeds: "
      f"{min(trained):.0%} to {max(trained):.0%}")

# sphinx_gallery_start_ignore
# The claims of this example, of relu-and-dying-relu.md and leaky-relu.md (figure
# captions) and of dlref.diagnostics' docstrings, on every seed.
relu_share = np.array([[[step[layer] for layer in layers] for step in r["dead"]]
                       for r in results["relu"]])  # seed x epoch x layer
leaky_share = np.array([[[step[layer] for layer in layers] for step in r["dead"]]
                        for r in results["leaky_relu"]])
assert np.all(np.diff(relu_share[:, :, 0], axis=1) >= 0), \
    "with plain SGD a dead unit of the first layer stays dead"
assert np.all(np.diff(relu_share[:, 1:, 1], axis=1).min(axis=1) < 0), \
    "units of the second layer can come back to life (the share falls after a peak)"
assert np.all(relu_share[:, -1, 0] > 0.6), "most of the ReLU network's first layer dies"
assert np.all(relu_share[:, -1].max(axis=1) < 0.9), "ReLU dead shares stay below 90 percent"
assert np.all(leaky_share[:, -1].max(axis=1) < 0.05), \
    "the Leaky ReLU units on the negative side come back: fewer than 5% after epoch 5"
assert leaky_share[0].max() < 0.35, "seed 0 (the figure): at most about a third at any epoch"
assert all(r["dead"][-1] == r["own"] for r in results["relu"]), \
    "the callback's last record is dead_relu_fraction of the trained model"
assert all(r["own"] == {} for r in results["leaky_relu"]), "no Leaky ReLU layer is listed"
relu_loss = np.array([r["loss"] for r in results["relu"]])
leaky_loss = np.array([r["loss"] for r in results["leaky_relu"]])
assert np.all(np.isfinite(leaky_loss)), "the Leaky ReLU networks train without blowing up"
assert np.all(relu_loss[:, -1] > leaky_loss[:, -1]), "the ReLU network's loss ends higher"
# sphinx_gallery_end_ignore

# %%
# Dead units over training
# ------------------------
# Left: the share of units whose input is negative for every training image, per
# hidden layer after each epoch (epoch 0 is the untrained network), for seed 0. For
# ReLU these units are dead; for Leaky ReLU it is the twin measurement from above, and
# those units still learn. Right: the training loss of both networks, the mean over
# the three seeds with a band from the lowest to the highest.

epochs_axis = np.arange(epochs + 1)
fig, (ax_dead, ax_loss) = plt.subplots(1, 2, figsize=(9.5, 4.2))
styles = {"hidden_1": "-", "hidden_2": "--"}
for layer in layers:
    dead = [100 * step[layer] for step in results["relu"][0]["dead"]]
    ax_dead.plot(
        epochs_axis, dead, styles[layer], color=PALETTE[1], lw=3, marker="o", label=f"ReLU, {layer}"
    )
    negative = [100 * step[layer] for step in results["leaky_relu"][0]["dead"]]
    ax_dead.plot(
        epochs_axis, negative, styles[layer], color=PALETTE[0], lw=3, marker="o",
        label=f"Leaky ReLU, {layer} (negative side)",
    )  # fmt: skip
# Room above 100% for the legend: the curves rise to the upper left after the first epoch.
ax_dead.set(xlabel="epoch", ylabel="units negative for every image (%)", ylim=(-3, 130),
            yticks=range(0, 101, 20))
ax_dead.set_xticks(epochs_axis)
ax_dead.set_title("Dead (ReLU) or all-negative (Leaky ReLU) units", fontsize=12)
ax_dead.legend(fontsize=9, loc="upper left")

for color, loss, label in ((PALETTE[1], relu_loss, "ReLU"), (PALETTE[0], leaky_loss, "Leaky ReLU")):
    ax_loss.plot(epochs_axis[1:], loss.mean(axis=0), color=color, lw=3, marker="o", label=label)
    ax_loss.fill_between(epochs_axis[1:], loss.min(axis=0), loss.max(axis=0), color=color,
                         alpha=0.2, lw=0)
ax_loss.set(xlabel="epoch", ylabel="training loss", ylim=(0, None))
ax_loss.set_xticks(epochs_axis[1:])  # whole epochs; the loss is the mean over each epoch
ax_loss.set_title("Training loss", fontsize=12)
ax_loss.legend(fontsize=10)
fig.suptitle("Dying ReLU", fontsize=15)
fig.tight_layout()

# %%
# Reading the figure
# ------------------
# With this learning rate, a large share of the first hidden layer of the ReLU
# network is dead after the first epoch, and on every seed the share never goes
# down: a dead unit of the first layer gets zero gradient for every training image,
# and plain SGD leaves its weights as they are. By the fifth epoch two thirds or
# more of that layer are dead. Units of the second layer can come back to life,
# because their inputs (the first layer's outputs) keep changing: on every seed the
# share of dead units in ``hidden_2`` falls again after a peak. The ReLU network
# trains on with the units it has left, and on every seed its loss ends higher than
# the Leaky ReLU network's.
#
# The Leaky ReLU network has no dead units by definition. The blue lines show that
# the first large steps push some of its units entirely to the negative side too, but
# those still receive 0.2 times the gradient and move back: after five epochs fewer
# than 5% of them are left there, on every seed.
# Lowering the learning rate, or using a careful initialisation, also prevents
# most deaths; Leaky ReLU makes them impossible.

# sphinx_gallery_thumbnail_number = 1

plt.show()
