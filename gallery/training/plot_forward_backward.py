"""
=========================
Forward and backward pass
=========================

A two-layer network written out in numpy: one forward pass computes the loss, one
backward pass applies the chain rule layer by layer to get the gradient of every
weight and bias. TensorFlow's automatic differentiation (``tf.GradientTape``) then
computes the same gradients from the same weights, and you will see that the two
agree to the last few digits of floating-point precision.
"""

# %%
# Data and weights
# ----------------
# Six samples with four features, three classes. The network is
#
# .. math::
#
#    z_1 = x W_1 + b_1,\quad h = \sigma(z_1),\quad z_2 = h W_2 + b_2,\quad
#    p = \operatorname{softmax}(z_2),\quad
#    L = \frac{1}{N} \sum_n -\log p_{n, y_n},
#
# a hidden layer of five sigmoid units followed by a softmax output and the
# sparse categorical cross-entropy.

from dlref.models import import_keras

keras = import_keras()  # without TensorFlow's start-up lines on stderr

import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

from dlref.activations import derivative, sigmoid, softmax
from dlref.losses import sparse_categorical_crossentropy
from dlref.plotting import PALETTE, use_style

use_style()
keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)

n_samples, n_in, n_hidden, n_classes = 6, 4, 5, 3
x = rng.normal(size=(n_samples, n_in))
y = rng.integers(0, n_classes, size=n_samples)
params = {
    "W1": rng.normal(scale=0.5, size=(n_in, n_hidden)),
    "b1": rng.normal(scale=0.1, size=n_hidden),
    "W2": rng.normal(scale=0.5, size=(n_hidden, n_classes)),
    "b2": rng.normal(scale=0.1, size=n_classes),
}
print("labels:", y)
print({name: value.shape for name, value in params.items()})

# %%
# Forward pass in numpy
# ---------------------
# Each line is one step of the formula above; the intermediate values are kept
# because the backward pass needs them.


def forward(params, x, y):
    """Return the mean loss and the intermediate values of the forward pass."""
    z1 = x @ params["W1"] + params["b1"]
    h = sigmoid(z1)
    z2 = h @ params["W2"] + params["b2"]
    p = softmax(z2)
    loss = sparse_categorical_crossentropy(y, p).mean()
    return loss, {"z1": z1, "h": h, "p": p}


# %%
# Backward pass in numpy
# ----------------------
# The chain rule, from the loss back to the input. For softmax followed by
# cross-entropy the gradient with respect to the logits is simply
# :math:`(p - \text{onehot}(y)) / N`. A dense layer :math:`z = a W + b` passes
# :math:`a^\top \delta` to :math:`W`, the column sums of :math:`\delta` to
# :math:`b`, and :math:`\delta W^\top` to its input. The sigmoid multiplies by its
# derivative :math:`\sigma'(z_1)` elementwise.


def backward(params, x, y, cache):
    """Return the gradient of the mean loss with respect to every parameter."""
    n = len(x)
    onehot = np.eye(params["W2"].shape[1], dtype=x.dtype)[y]
    d_z2 = (cache["p"] - onehot) / n
    d_h = d_z2 @ params["W2"].T
    d_z1 = d_h * derivative("sigmoid", cache["z1"])
    return {
        "W1": x.T @ d_z1,
        "b1": d_z1.sum(axis=0),
        "W2": cache["h"].T @ d_z2,
        "b2": d_z2.sum(axis=0),
    }


loss_np, cache = forward(params, x, y)
grads_np = backward(params, x, y, cache)
print(f"numpy loss: {loss_np:.10f}")

# %%
# The same gradients from TensorFlow
# ----------------------------------
# The same weights become ``tf.Variable``; ``tf.GradientTape`` records the forward
# pass and differentiates it automatically.


def tf_gradients(params, x, y):
    """Return the loss and the gradients computed by tf.GradientTape."""
    variables = {name: tf.Variable(value) for name, value in params.items()}
    with tf.GradientTape() as tape:
        h = tf.sigmoid(x @ variables["W1"] + variables["b1"])
        logits = h @ variables["W2"] + variables["b2"]
        loss = tf.reduce_mean(
            tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=logits)
        )
    grads = tape.gradient(loss, variables)
    return float(loss), {name: g.numpy() for name, g in grads.items()}


loss_tf, grads_tf = tf_gradients(params, x, y)
print(f"TF loss:    {loss_tf:.10f}")

# %%
# Compare, parameter by parameter
# -------------------------------
# All arrays are float64, so the agreement should be close to float64 round-off,
# about :math:`10^{-16}` relative to the size of the numbers.

print(f"{'param':>5s} {'shape':>7s} {'max |grad|':>11s} {'max |numpy - TF|':>17s}")
max_grad, max_diff = {}, {}
for name in params:
    max_grad[name] = np.max(np.abs(grads_np[name]))
    max_diff[name] = np.max(np.abs(grads_np[name] - grads_tf[name]))
    shape = "x".join(map(str, grads_np[name].shape))
    print(f"{name:>5s} {shape:>7s} {max_grad[name]:11.2e} {max_diff[name]:17.2e}")

# %%
# The same check in float32
# -------------------------
# Keras trains in float32 by default. In that precision the differences sit at
# float32 round-off, roughly :math:`10^{-9}` to :math:`10^{-7}`.

params32 = {name: value.astype(np.float32) for name, value in params.items()}
x32 = x.astype(np.float32)
_, cache32 = forward(params32, x32, y)
grads32_np = backward(params32, x32, y, cache32)
_, grads32_tf = tf_gradients(params32, x32, y)
max_diff32 = {}
for name in params:
    max_diff32[name] = np.max(np.abs(grads32_np[name] - grads32_tf[name]))
    print(f"float32 {name}: max |numpy - TF| = {max_diff32[name]:.1e}")

# %%
# Gradient of the first layer, side by side
# -----------------------------------------
# The 4x5 gradient of :math:`W_1` from numpy, from TensorFlow, and their difference
# (note its own colour scale).

fig, axes = plt.subplots(1, 3, figsize=(10.0, 3.0), layout="constrained")
limit = max_grad["W1"]
panels = [
    ("numpy dL/dW1", grads_np["W1"], {"cmap": "RdBu_r", "vmin": -limit, "vmax": limit}),
    ("TensorFlow dL/dW1", grads_tf["W1"], {"cmap": "RdBu_r", "vmin": -limit, "vmax": limit}),
    (
        "difference",
        grads_np["W1"] - grads_tf["W1"],
        {"cmap": "RdBu_r", "vmin": -max_diff["W1"], "vmax": max_diff["W1"]},
    ),
]
for ax, (title, values, style) in zip(axes, panels, strict=True):
    image = ax.imshow(values, **style)
    ax.set_title(title, fontsize=12)
    ax.set(xlabel="hidden unit", ylabel="input feature")
    ax.set_xticks(range(n_hidden))
    ax.set_yticks(range(n_in))
    ax.grid(False)
    fig.colorbar(image, ax=ax, shrink=0.8, format="%.0e" if title == "difference" else None)
# Assigned, so that the cell does not end with an expression whose repr the gallery prints.
suptitle = fig.suptitle(
    "Backpropagation: numpy vs TensorFlow",
    fontsize=14,
)

# %%
# Sizes of gradients and of differences
# -------------------------------------
# For every parameter, the largest gradient entry and the largest disagreement
# between the two methods, in float64 and in float32, on a log scale.

fig, ax = plt.subplots()
positions = np.arange(len(params))
points = {
    "max |gradient|": (max_grad, "o"),
    "max |numpy - TF|, float32": (max_diff32, "s"),
    "max |numpy - TF|, float64": (max_diff, "D"),
}
for color, (label, (values, marker)) in zip(PALETTE, points.items(), strict=False):
    ax.plot(positions, list(values.values()), marker, color=color, ms=11, label=label)
ax.set_yscale("log")
ax.set_xticks(positions, list(params))
ax.set(xlabel="parameter", ylabel="absolute value")
ax.set_title("Gradient check")
ax.set_ylim(1e-19, 1.0)
ax.legend(fontsize=10, loc="center", bbox_to_anchor=(0.5, 0.36))
fig.tight_layout()

# %%
# Reading the figures
# -------------------
# The numpy and TensorFlow heatmaps look identical, and their difference is many
# orders of magnitude smaller than the gradients themselves. The second figure
# shows the gap: about 15 orders of magnitude in float64 and about 6 in float32.
# The hand-written chain rule and automatic differentiation compute the same
# numbers; only the order of floating-point operations differs.
#
# This is exactly what a framework does for you in ``model.fit``: a forward pass
# that stores intermediate values, then a backward pass that multiplies local
# derivatives from the loss back to the first layer.

# sphinx_gallery_thumbnail_number = 1

plt.show()
