"""
===================
Vanishing gradients
===================

Backpropagation multiplies the gradient by one activation derivative per layer on
its way from the loss to the input. With sigmoid, whose derivative is at most 0.25,
the gradient shrinks at every layer. This example measures the gradient norm of
every layer of a freshly initialised 10-layer network, once with sigmoid and once
with ReLU, and you will see the sigmoid gradients fade by orders of magnitude
towards the input while the ReLU gradients stay of the same order.
"""

# %%
# Data
# ----
# A batch of 256 digit images from :func:`dlref.datasets.load_digits_images`,
# flattened and scaled to [0, 1]. No training happens here: we only look at the
# very first gradient.

from dlref.models import import_keras

keras = import_keras()  # without TensorFlow's start-up lines on stderr

import matplotlib.pyplot as plt
import numpy as np

from dlref.datasets import load_digits_images
from dlref.diagnostics import gradient_norms
from dlref.models import build_mlp
from dlref.plotting import PALETTE, use_style

use_style()
keras.utils.set_random_seed(0)

(x_train, y_train), _ = load_digits_images()
x = x_train[:256].reshape(256, -1) / 255.0
y = y_train[:256]
print(f"batch: {x.shape}, images per class: {np.bincount(y)}")

# %%
# Two deep networks
# -----------------
# :func:`dlref.models.build_mlp` builds ten hidden layers of 32 units plus a
# softmax output, with Keras' default Glorot-uniform initialisation. The two
# networks differ only in the hidden activation.

depth, width = 10, 32
models = {
    activation: build_mlp(
        (64,),
        hidden_units=(width,) * depth,
        activation=activation,
        dropout=0.0,
        loss="sparse_categorical_crossentropy",
        seed=0,
    )
    for activation in ("sigmoid", "relu")
}

# %%
# Gradient norm per layer
# -----------------------
# :func:`dlref.diagnostics.gradient_norms` returns
# :math:`\lVert \partial L / \partial W_\ell \rVert` for every layer's weight
# matrix, from the input side to the output.

norms = {activation: gradient_norms(model, x, y) for activation, model in models.items()}
layer_names = list(norms["sigmoid"])
print(f"{'layer':>10s} {'sigmoid':>10s} {'relu':>10s}")
for name in layer_names:
    print(f"{name:>10s} {norms['sigmoid'][name]:10.2e} {norms['relu'][name]:10.2e}")

for activation, layer_norms in norms.items():
    values = list(layer_norms.values())
    print(f"{activation}: first layer / last layer = {values[0] / values[-1]:.1e}")

# %%
# The figure
# ----------
# One line per activation; the y-axis is logarithmic, so equal vertical steps mean
# equal *factors*.

fig, ax = plt.subplots()
positions = np.arange(1, len(layer_names) + 1)
for color, (activation, layer_norms) in zip(PALETTE, norms.items(), strict=False):
    label = {"sigmoid": "sigmoid", "relu": "ReLU"}[activation]
    ax.plot(positions, list(layer_norms.values()), color=color, lw=3, marker="o", ms=7,
            label=label)
ax.set_yscale("log")
ax.set_xticks(positions, [str(p) if p < positions[-1] else "out" for p in positions])
ax.set(xlabel="layer (input → output)", ylabel="gradient norm ‖∂L/∂W‖")
ax.set_title("Vanishing gradients")
ax.legend(fontsize=12)
fig.tight_layout()

# %%
# Reading the figure
# ------------------
# Read the sigmoid line from right to left, the direction in which the gradient
# travels: each layer multiplies it by sigmoid derivatives of at most 0.25 (and by
# the weights), so it loses a roughly constant factor per layer, a straight
# downward line on a log scale. The first layer's gradient ends up orders of
# magnitude smaller than the last one's (the printed ratio), so the early layers
# of a deep sigmoid network barely learn. ReLU has derivative 1 for every active
# unit, and its gradient norms stay within the same order of magnitude across the
# whole depth. This is a main reason why deep networks use ReLU-like hidden
# activations (together with initialisations designed for them).

# sphinx_gallery_thumbnail_number = 1

plt.show()
