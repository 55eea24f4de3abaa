"""
==============================================
Optimizers on a real network · 옵티마이저 비교
==============================================

The same small multilayer perceptron, started from the same initial weights, is
trained on 8x8 handwritten digits with five Keras optimizers at their default
settings. You will see the training-loss curves, and a table with each optimizer's
final loss, test accuracy and training time.
"""

# %%
# Setup
# -----
# TensorFlow is quiet when ``TF_CPP_MIN_LOG_LEVEL`` is set before it is imported.

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import time

import keras
import matplotlib.pyplot as plt
import numpy as np

from dlref import optimizers
from dlref.datasets import load_digits_images
from dlref.models import build_mlp
from dlref.plotting import PALETTE, bilingual_title, use_style

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
# rate: 0.01 for SGD, 0.001 for the others. ``seed=0`` gives every model the same
# initial weights, so the optimizer is the only difference. For the default
# ``task="multiclass"``, ``build_mlp`` uses a 10-unit softmax output and sparse
# categorical crossentropy, which fit the integer labels 0-9.

candidates = {
    "SGD": optimizers.SGD(),
    "SGD + momentum 0.9": optimizers.SGD(momentum=0.9),
    "RMSprop": optimizers.RMSprop(),
    "Adagrad": optimizers.Adagrad(),
    "Adam": optimizers.Adam(),
}

epochs, batch_size = 10, 64
results = {}
for name, opt in candidates.items():
    model = build_mlp(
        (8, 8),
        hidden_units=(64,),
        dropout=0.0,
        optimizer=opt,
        seed=0,
    )
    start = time.perf_counter()
    history = model.fit(x_train, y_train, epochs=epochs, batch_size=batch_size, verbose=0)
    fit_time = time.perf_counter() - start
    _, test_accuracy = model.evaluate(x_test, y_test, verbose=0)
    results[name] = {
        "learning_rate": opt.learning_rate,
        "loss": history.history["loss"],
        "test_accuracy": test_accuracy,
        "fit_time": fit_time,
    }

print(f"{epochs} epochs, batch size {batch_size}, 64 hidden ReLU units")
print(f"{'optimizer':20s} {'lr':>6s} {'final loss':>10s} {'test acc':>8s} {'fit time':>8s}")
for name, r in results.items():
    print(
        f"{name:20s} {r['learning_rate']:6g} {r['loss'][-1]:10.4f} "
        f"{r['test_accuracy']:8.4f} {r['fit_time']:7.2f}s"
    )

# %%
# Loss curves and test accuracy
# -----------------------------
# Left: the training loss (sparse categorical crossentropy), averaged over each
# epoch. Right: the accuracy on the 450 held-out test images after the last epoch.

fig, (ax_loss, ax_acc) = plt.subplots(
    1, 2, figsize=(8.5, 3.8), gridspec_kw={"width_ratios": [1.6, 1]}
)
epoch_numbers = np.arange(1, epochs + 1)
names = list(results)
for color, name in zip(PALETTE, names, strict=False):
    ax_loss.plot(epoch_numbers, results[name]["loss"], color=color, marker="o", ms=3, label=name)
ax_loss.set(xlabel="epoch", ylabel="training loss")
ax_loss.set_title(bilingual_title("Training loss", "학습 손실"))
ax_loss.legend()

accuracies = [results[name]["test_accuracy"] for name in names]
bars = ax_acc.barh(names, accuracies, color=PALETTE[: len(names)])
ax_acc.bar_label(bars, fmt="%.3f", padding=2, fontsize=9)
ax_acc.invert_yaxis()
ax_acc.set(xlabel="test accuracy", xlim=(0, 1.15))
ax_acc.grid(axis="y", visible=False)
ax_acc.set_title(bilingual_title("Test accuracy", "테스트 정확도"))
fig.tight_layout()

# %%
# Reading the figure
# ------------------
# With their default settings the optimizers differ a lot after only 10 epochs.
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
