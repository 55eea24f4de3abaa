"""
============================================================
L2 regularisation and weight decay · L2 규제와 가중치 감쇠
============================================================

Both methods pull the weights towards zero, which keeps a large network from fitting
every detail of a small training set. An L2 penalty adds :math:`\\lambda \\sum w^2` to
the loss, so the gradient gains :math:`2\\lambda w`; decoupled weight decay leaves the
loss alone and shrinks each weight directly by :math:`\\eta\\,\\lambda\\,w` at every
step. This example checks one step of each against its formula and then trains the
overfitting network of the early-stopping example with each.
"""

# %%
# One SGD step, measured
# ----------------------
# A linear model with zero inputs has a zero data gradient, so one step shows the
# penalty alone. With learning rate :math:`\eta = 0.1` and :math:`\lambda = 0.05`,
# plain SGD with an L2 penalty multiplies every weight by
# :math:`1 - 2\eta\lambda = 0.99`, and SGD with ``weight_decay`` by
# :math:`1 - \eta\lambda = 0.995`.

from dlref.models import import_keras

import_keras()  # TensorFlow, imported below, starts without its log lines

import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

from dlref.datasets import load_digits_images
from dlref.models import build_mlp
from dlref.plotting import PALETTE, bilingual_title, use_style

use_style()

lr, lam = 0.1, 0.05
zeros_x, zeros_y = np.zeros((4, 3), "float32"), np.zeros((4, 1), "float32")
for label, options in (("L2 penalty  ", {"l2": lam}), ("weight decay", {"weight_decay": lam})):
    linear = build_mlp((3,), hidden_units=(), task="regression", num_outputs=1,
                       optimizer="sgd", learning_rate=lr, seed=0, **options)
    before = linear.get_layer("output").kernel.numpy().ravel()
    linear.train_on_batch(zeros_x, zeros_y)
    after = linear.get_layer("output").kernel.numpy().ravel()
    print(f"{label}: w_after / w_before = {np.round(after / before, 6)}")

# %%
# Regularising the overfitting network
# ------------------------------------
# 150 training images with a fifth of the labels scrambled, 300 validation images, two
# hidden layers of 512 units, as in the early-stopping example. Four runs of 40 epochs
# from the same seed: Adam without regularisation, Adam with an L2 penalty
# (``l2=1e-4`` in :func:`dlref.models.build_mlp`), and AdamW with weight decay 0.004
# (the Keras default) and 3. With Adam the two methods really differ: Adam divides
# the gradient, the L2 term included, by its running scale, while AdamW's decay is
# applied outside that division.

rng = np.random.default_rng(0)
(x_pool, y_pool), _ = load_digits_images()
x_pool = x_pool.reshape(len(x_pool), -1).astype("float32") / 255.0
x_train, y_train = x_pool[:150], y_pool[:150].copy()
x_val, y_val = x_pool[150:450], y_pool[150:450]
relabel = rng.random(150) < 0.2
y_train[relabel] = rng.integers(0, 10, size=relabel.sum())
train_data = (tf.data.Dataset.from_tensor_slices((x_train, y_train)).cache()
              .shuffle(150, seed=0).batch(50))
val_data = tf.data.Dataset.from_tensor_slices((x_val, y_val)).batch(300).cache()

runs = {
    "none": {"optimizer": "adam"},
    "L2 1e-4": {"optimizer": "adam", "l2": 1e-4},
    "AdamW 0.004": {"optimizer": "adamw", "weight_decay": 0.004},
    "AdamW 3": {"optimizer": "adamw", "weight_decay": 3.0},
}
epochs = 40
results = {}
for name, options in runs.items():
    net = build_mlp((64,), hidden_units=(512, 512), dropout=0.0, seed=0, **options)
    # The validation loss is the crossentropy alone: Keras adds the L2 penalty to the
    # training loss only, so "loss" and "val_loss" compare differently under L2.
    h = net.fit(train_data, epochs=epochs, validation_data=val_data, shuffle=False,
                verbose=0).history
    norm = np.sqrt(sum(np.sum(layer.kernel.numpy() ** 2) for layer in net.layers))
    results[name] = (h, norm)
    print(f"{name:>12s}: final val loss {h['val_loss'][-1]:.3f}, lowest "
          f"{min(h['val_loss']):.3f}, val accuracy {h['val_accuracy'][-1]:.3f}, "
          f"weight norm {norm:.1f}")

fig, (ax_loss, ax_norm) = plt.subplots(1, 2, figsize=(9.5, 4.2),
                                       gridspec_kw={"width_ratios": [1.6, 1]})
epoch_axis = np.arange(1, epochs + 1)
for color, (name, (h, _)) in zip(PALETTE, results.items(), strict=False):
    ax_loss.plot(epoch_axis, h["val_loss"], color=color, lw=2.5, label=name)
ax_loss.set(xlabel="epoch", ylabel="validation loss", yscale="log")
ax_loss.legend(fontsize=10)
names = list(results)
ax_norm.barh(names, [results[n][1] for n in names], color=PALETTE[: len(names)])
ax_norm.invert_yaxis()
ax_norm.set(xlabel="weight norm ‖W‖ after training")
fig.suptitle(bilingual_title("L2 and weight decay", "L2 규제와 가중치 감쇠"), fontsize=15)
fig.tight_layout()

# %%
# Reading the figure
# ------------------
# The first printout matches the formulas to the sixth digit: for plain SGD, an L2
# penalty with factor :math:`\lambda` is the same as weight decay with factor
# :math:`2\lambda`. In training, the effects are small and not all good. Keras' default
# AdamW decay of 0.004 changes nothing visible: with Adam's learning rate of 0.001 it
# shrinks each weight by 0.0004% per step. A decay of 3 shrinks the weights and ends with
# a slightly lower validation loss. The L2 penalty also shrinks the weights, but here its
# validation loss ends *higher*, at about the same accuracy. On 150 noisy images a
# weight penalty slows memorisation only a little; early stopping and dropout do more.
# Its strength is a hyperparameter to choose on the validation set, like any other.

# sphinx_gallery_thumbnail_number = 1

plt.show()
