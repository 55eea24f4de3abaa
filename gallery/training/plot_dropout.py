"""
=======
Dropout
=======

A wide network trained on only a handful of examples learns them by heart, even
the ones that are labelled wrongly: its training loss goes to almost zero while
its loss on new data stops improving and rises again. This example trains the same
network without dropout, with dropout 0.5 and with dropout 0.8, three seeds each,
and you will see the training and validation curves with their spread over the
seeds. It then checks, number by number, what a ``Dropout`` layer does in
training and at inference time.
"""

# %%
# A setting that overfits
# -----------------------
# Only 150 of the 8x8 digit images for training, the usual 450 held-out images for
# validation, and two hidden layers of 512 units: about 300 000 weights for 150
# examples. To make memorisation easy to see, 20% of the *training* labels are
# replaced by random digits, as if the data had labelling mistakes; the
# validation labels stay clean.

from dlref.models import import_keras

keras = import_keras()  # without TensorFlow's start-up lines on stderr

import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

from dlref.datasets import load_digits_images
from dlref.models import build_mlp
from dlref.plotting import PALETTE, use_style

use_style()
keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)

n_train, noise = 150, 0.2
(x_train, y_train), (x_val, y_val) = load_digits_images()
x_train, y_clean = x_train[:n_train] / 255.0, y_train[:n_train]
x_val = x_val / 255.0
y_train = y_clean.copy()
relabel = rng.random(n_train) < noise
y_train[relabel] = rng.integers(0, 10, size=relabel.sum())
wrong = np.mean(y_train != y_clean)  # a random digit can hit the right one by chance
print(f"train: {x_train.shape}, validation: {x_val.shape}")
print(f"training labels that are now wrong: {wrong:.0%}")

# Feeding ``fit`` a ``tf.data.Dataset`` instead of numpy arrays gives the same
# training but skips rebuilding the input pipeline at every epoch, which matters
# for tiny epochs like these. The training set is reshuffled every epoch.
train_data = (
    tf.data.Dataset.from_tensor_slices((x_train.astype("float32"), y_train))
    .cache()
    .shuffle(n_train, seed=0)
    .batch(50)
)
val_data = tf.data.Dataset.from_tensor_slices((x_val.astype("float32"), y_val)).batch(450).cache()

# %%
# The same network, with and without dropout, three seeds each
# -------------------------------------------------------------
# :func:`dlref.models.build_mlp` puts a ``Dropout`` layer after each hidden layer
# when ``dropout > 0``. For each seed, the models with and without dropout start
# from the same initial weights and are trained with Adam for the same number of
# epochs; dropout has no weights, so both have the same number of parameters. One
# seed could be a lucky draw, so every setting is trained with three seeds (the
# initial weights, the dropout masks and the shuffling change with the seed; the
# data and the scrambled labels stay the same). A third setting, a dropout rate of
# 0.8, shows what too high a rate does.

epochs = 40
seeds = (0, 1, 2)
rates = (0.0, 0.5, 0.8)
histories = {}
for rate in rates:
    for seed in seeds:
        keras.utils.set_random_seed(seed)
        model = build_mlp(
            (8, 8),
            hidden_units=(512, 512),
            dropout=rate,
            loss="sparse_categorical_crossentropy",
            seed=seed,
        )
        history = model.fit(
            train_data, epochs=epochs, validation_data=val_data, shuffle=False, verbose=0
        )  # shuffle=False: the dataset already shuffles itself
        histories[rate, seed] = {key: np.array(v) for key, v in history.history.items()}
print(f"parameters per model: {model.count_params():,}")


def over_seeds(rate, key):
    """The curve ``key`` for every seed, one row per seed."""
    return np.stack([histories[rate, seed][key] for seed in seeds])


columns = {"loss": "train loss", "val_loss": "val loss", "accuracy": "train acc",
           "val_accuracy": "val acc"}  # fmt: skip
print(f"final values, mean ± standard deviation over seeds {seeds}:")
header = [*columns.values(), "min val loss"]
print(f"{'dropout':>8s} " + " ".join(f"{name:>15s}" for name in header))
for rate in rates:
    cells = [over_seeds(rate, key)[:, -1] for key in columns]
    cells.append(over_seeds(rate, "val_loss").min(axis=1))
    print(f"{rate:8.1f} " + " ".join(f"{c.mean():8.3f} ± {c.std():.3f}" for c in cells))

# %%
# Validation loss and validation accuracy do not always move together. Without
# dropout, from the epoch of each seed's lowest validation loss to the last epoch:

for seed in seeds:
    h = histories[0.0, seed]
    best = int(np.argmin(h["val_loss"]))
    print(
        f"seed {seed}: val loss {h['val_loss'][best]:.3f} -> {h['val_loss'][-1]:.3f} "
        f"(epoch {best + 1} -> {epochs}), val accuracy {h['val_accuracy'][best]:.3f} -> "
        f"{h['val_accuracy'][-1]:.3f}"
    )

# %%
# Learning curves
# ---------------
# Left the loss, right the accuracy; solid lines are measured on the training
# set, dashed lines on the validation set. Each line is the mean over the three
# seeds and the shaded band spans the lowest to the highest seed. (With dropout,
# the training numbers are measured with dropout switched on, which makes them
# worse and noisier.) The rate 0.8 is left out of the figure to keep it readable;
# its numbers are in the table above.

fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(9.5, 4.2))
epoch_axis = np.arange(1, epochs + 1)
for color, rate in zip(PALETTE, (0.0, 0.5), strict=False):
    label = "no dropout" if rate == 0 else f"dropout {rate}"
    for key, ax in (("loss", ax_loss), ("accuracy", ax_acc)):
        for prefix, style, part in (("", "-", "train"), ("val_", "--", "validation")):
            curves = over_seeds(rate, prefix + key)
            ax.plot(epoch_axis, curves.mean(axis=0), color=color, lw=2.5, ls=style,
                    label=f"{label}, {part}")  # fmt: skip
            ax.fill_between(
                epoch_axis, curves.min(axis=0), curves.max(axis=0), color=color, alpha=0.18, lw=0
            )
ax_loss.set_yscale("log")
ax_loss.set(xlabel="epoch", ylabel="loss (crossentropy)")
ax_acc.set(xlabel="epoch", ylabel="accuracy", ylim=(0, 1.02))
ax_acc.legend(fontsize=10, loc="lower right")
fig.suptitle("Dropout", fontsize=15)
fig.tight_layout()

# %%
# What a Dropout layer does
# -------------------------
# Dropout with rate :math:`p` sets each input to 0 with probability :math:`p`
# during training and multiplies the survivors by :math:`1/(1-p)` ("inverted
# dropout"), so the expected value of every unit is unchanged. At inference time
# (``training=False``, which is what ``model.predict`` and ``model.evaluate`` use)
# it does nothing at all.

rate = 0.5
layer = keras.layers.Dropout(rate, seed=0)
ones = np.ones((10, 1000), dtype="float32")
out_train = keras.ops.convert_to_numpy(layer(ones, training=True))
out_infer = keras.ops.convert_to_numpy(layer(ones, training=False))

print(f"training=True : zeroed fraction = {np.mean(out_train == 0):.3f} (rate {rate})")
print(f"                surviving values = {np.unique(out_train[out_train != 0])} "
      f"(1 / (1 - rate) = {1 / (1 - rate):g})")
print(f"                mean output = {out_train.mean():.3f} (input mean 1.0)")
print(f"training=False: identical to the input: {np.array_equal(out_infer, ones)}")

# %%
# Reading the figure
# ------------------
# The three seeds agree on every point below: the spread in the table and the
# bands in the figure are much smaller than the differences between the settings.
#
# Without dropout the network fits its training set almost perfectly, including
# the labels we scrambled: its training accuracy ends far above the share of
# correct labels. Memorising those mistakes costs it on new data. Its validation
# loss reaches its minimum early and then climbs (compare the final and the
# minimum validation loss in the table), a textbook case of overfitting. Its
# validation accuracy falls only by a few points over the same epochs (the
# per-seed printout): the loss also grows because the network becomes more
# confident about the validation images it gets wrong.
#
# With dropout 0.5 every step trains a different random half of the units, so the
# network cannot store each training example in a few specific units. Its
# training accuracy stays near the share of correct labels, and its validation
# loss ends lower and its validation accuracy higher than without dropout. With
# dropout 0.8 too little signal gets through: after the same 40 epochs its training
# accuracy is below even the share of correct labels, its validation loss is the
# highest of the three settings and still at its minimum, that is, still falling,
# and its validation accuracy is no better than without dropout. The network
# underfits. At inference time the full network is used, unchanged, as the last
# printout shows.

# sphinx_gallery_thumbnail_number = 1

plt.show()
