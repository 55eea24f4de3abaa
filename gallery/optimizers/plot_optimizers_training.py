"""
============================
Optimizers on a real network
============================

The same small multilayer perceptron, started from the same initial weights, is
trained on 8x8 handwritten digits with five Keras optimizers at their default
settings, from three seeds. You will see the training-loss curves with their
spread, and a table with each optimizer's final loss, test accuracy and training
time.
"""

# %%
# Setup
# -----
# :func:`~dlref.models.import_keras` imports Keras, and TensorFlow without the
# start-up log lines it writes to the terminal.

from dlref.models import import_keras

keras = import_keras()  # without TensorFlow's start-up lines on stderr

import time

import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

from dlref import optimizers
from dlref.datasets import load_digits_images
from dlref.models import build_mlp
from dlref.plotting import PALETTE, use_style

use_style()
keras.utils.set_random_seed(0)

# %%
# Data
# ----
# :func:`dlref.datasets.load_digits_images` gives MNIST-style ``uint8`` images of
# 8x8 pixels; dividing by 255 scales them to [0, 1].

(x_train, y_train), (x_test, y_test) = load_digits_images()
x_train = x_train / 255.0
x_test = x_test / 255.0
print(f"train: {x_train.shape}, test: {x_test.shape}")

# %%
# Five optimizers with Keras' default hyperparameters
# ---------------------------------------------------
# The optimizers are dlref's numpy reference optimizers;
# :func:`dlref.models.build_mlp` turns each into its Keras twin with
# :meth:`~dlref.optimizers.Optimizer.to_keras`. All use Keras' default learning
# rate: 0.01 for SGD, 0.001 for the others. For a given seed every model starts from
# the same initial weights, so the optimizer is the only difference. For the default
# ``task="multiclass"``, ``build_mlp`` uses a 10-unit softmax output and sparse
# categorical crossentropy, which fit the integer labels 0-9.

candidates = {
    "SGD": optimizers.SGD(),
    "SGD + momentum 0.9": optimizers.SGD(momentum=0.9),
    "RMSprop": optimizers.RMSprop(),
    "Adagrad": optimizers.Adagrad(),
    "Adam": optimizers.Adam(),
}

# One run could be a lucky draw, so every optimizer is trained from three seeds
# (each seed gives its own initial weights and shuffling, the same for all five
# optimizers). The table gives the mean and the spread over the seeds.

epochs, batch_size = 10, 64
seeds = (0, 1, 2)
results = {}
for name, opt in candidates.items():
    runs = []
    for seed in seeds:
        keras.utils.set_random_seed(seed)
        model = build_mlp(
            (8, 8),
            hidden_units=(64,),
            dropout=0.0,
            optimizer=opt,
            seed=seed,
        )
        # A cached tf.data pipeline, reshuffled every epoch, trains like numpy arrays but
        # skips rebuilding the input pipeline at every epoch.
        train_data = (
            tf.data.Dataset.from_tensor_slices((x_train.astype("float32"), y_train))
            .cache()
            .shuffle(len(x_train), seed=seed)
            .batch(batch_size)
        )
        start = time.perf_counter()
        history = model.fit(train_data, epochs=epochs, shuffle=False, verbose=0)
        fit_time = time.perf_counter() - start
        _, test_accuracy = model.evaluate(x_test, y_test, verbose=0)
        runs.append((history.history["loss"], test_accuracy, fit_time))
    results[name] = {
        "learning_rate": opt.learning_rate,
        "loss": np.array([run[0] for run in runs]),  # one row per seed
        "test_accuracy": np.array([run[1] for run in runs]),
        "fit_time": np.array([run[2] for run in runs]),
    }

print(f"{epochs} epochs, batch size {batch_size}, 64 hidden ReLU units, seeds {seeds}")
print("mean ± standard deviation over the seeds")
print(f"{'optimizer':20s} {'lr':>6s} {'final loss':>16s} {'test acc':>16s} {'fit time':>8s}")
for name, r in results.items():
    final = r["loss"][:, -1]
    acc = r["test_accuracy"]
    print(
        f"{name:20s} {r['learning_rate']:6g} {final.mean():8.4f} ± {final.std():.4f} "
        f"{acc.mean():8.4f} ± {acc.std():.4f} {r['fit_time'].mean():7.2f}s"
    )

# %%
# Loss curves and test accuracy
# -----------------------------
# Left: the training loss (sparse categorical crossentropy), averaged over each
# epoch; the line is the mean over the seeds and the band spans the lowest to the
# highest seed. Right: the accuracy on the 450 held-out test images after the last
# epoch; the bar is the mean, the dots are the three seeds.

fig, (ax_loss, ax_acc) = plt.subplots(
    1, 2, figsize=(8.5, 3.8), gridspec_kw={"width_ratios": [1.6, 1]}
)
epoch_numbers = np.arange(1, epochs + 1)
names = list(results)
for color, name in zip(PALETTE, names, strict=False):
    curves = results[name]["loss"]
    ax_loss.plot(epoch_numbers, curves.mean(axis=0), color=color, marker="o", ms=3, label=name)
    ax_loss.fill_between(
        epoch_numbers, curves.min(axis=0), curves.max(axis=0), color=color, alpha=0.2, lw=0
    )
ax_loss.set(xlabel="epoch", ylabel="training loss")
ax_loss.set_xticks(epoch_numbers)
ax_loss.set_title("Training loss")
ax_loss.legend()

accuracies = [results[name]["test_accuracy"] for name in names]
positions = np.arange(len(names))
ax_acc.barh(positions, [a.mean() for a in accuracies], color=PALETTE[: len(names)])
for position, acc in zip(positions, accuracies, strict=True):
    ax_acc.plot(acc, np.full(acc.shape, position), "o", color="black", ms=3)
for position, acc in zip(positions, accuracies, strict=True):  # label right of the dots
    ax_acc.text(acc.max() + 0.04, position, f"{acc.mean():.3f}", va="center", fontsize=9)
ax_acc.set_yticks(positions, names)
ax_acc.invert_yaxis()
ax_acc.set(xlabel="test accuracy", xlim=(0, 1.2))
ax_acc.grid(axis="y", visible=False)
ax_acc.set_title("Test accuracy")
fig.tight_layout()

# %%
# Reading the figure
# ------------------
# With their default settings the optimizers differ a lot after only 10 epochs,
# and the differences are much larger than the spread over the three seeds.
# SGD with momentum, RMSprop and Adam all bring the loss down steadily and end
# with similar test accuracies (see the table). Plain SGD moves in the right
# direction but slowly: momentum, which keeps moving in directions where the
# gradient keeps pointing the same way, is what speeds it up here. Adagrad's default
# learning rate of 0.001 is small, and its steps only shrink as squared gradients
# pile up, so after 10 epochs it has barely started; it needs a larger learning
# rate than the others.
#
# The fit times are of the same order for every optimizer and change a little from
# run to run: the extra arithmetic of an adaptive update is small next to the
# forward and backward passes. Defaults are only a starting point; with tuned
# learning rates the gaps shrink.

# sphinx_gallery_thumbnail_number = 1

plt.show()
