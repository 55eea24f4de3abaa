"""
====================
Activation functions
====================

Every activation function of :mod:`dlref.activations` drawn on the same range,
x from -5 to 5, one small panel each. You will see which functions squash
their input into a bounded range (sigmoid, tanh), which let positive values through
unchanged (the ReLU family), and how the smooth variants (ELU, GELU, SiLU, softplus)
round off the corner at zero. A printed table gives the values at -2, 0 and 2.
"""

# %%
# Setup
# -----
# :func:`dlref.activations.names` lists the activations and
# :func:`dlref.activations.get` returns the numpy function for a name, so the loop
# below automatically covers every activation the library defines.

import matplotlib.pyplot as plt
import numpy as np

from dlref import activations
from dlref.plotting import PALETTE, use_style

use_style()

x = np.linspace(-5.0, 5.0, 501)
names = activations.names()
print("activations:", ", ".join(names))

# %%
# Softmax is not elementwise
# --------------------------
# Softmax turns a whole *vector* of scores into probabilities, so it has no
# one-number graph. The usual way to draw it is with two scores, :math:`[x, 0]`:
# the first probability, ``softmax([x, 0])[0]``, is exactly ``sigmoid(x)``.


def evaluate(name, values):
    """Return the activation ``name`` at ``values`` (softmax of ``[x, 0]`` for softmax)."""
    if name == "softmax":
        pairs = np.stack([values, np.zeros_like(values)], axis=-1)
        return activations.softmax(pairs)[..., 0]
    return activations.get(name)(values)


gap = np.max(np.abs(evaluate("softmax", x) - activations.sigmoid(x)))
print(f"max |softmax([x, 0])[0] - sigmoid(x)| on the grid: {gap:.1e}")

# %%
# Values at a few points
# ----------------------
# A small table: each row is an activation, each column an input value. Note
# the column :math:`x = 0`: sigmoid (and the two-score softmax) give 0.5,
# softplus gives :math:`\ln 2`, and every other function passes through 0.

points = np.array([-2.0, 0.0, 2.0])
print(f"{'activation':>12s}" + "".join(f"{f'x = {p:g}':>10s}" for p in points))
for name in names:
    row = evaluate(name, points)
    print(f"{name:>12s}" + "".join(f"{v:10.4f}" for v in row + 0.0))

# %%
# All activations on one grid
# ---------------------------
# Each panel has the same axes; the thin grey diagonal :math:`y = x` helps to see
# where a function behaves like the identity.

# The grid grows with activations.names(): three panels a row.
ncols = 3
nrows = -(-len(names) // ncols)
fig, axes = plt.subplots(
    nrows, ncols, figsize=(8.0, 2.35 * nrows), sharex=True, sharey=True, squeeze=False
)
for ax in axes.flat[len(names) :]:
    ax.set_visible(False)
for i, (ax, name) in enumerate(zip(axes.flat, names, strict=False)):
    ax.plot(x, x, color="0.75", lw=1.0)
    ax.axhline(0.0, color="0.5", lw=0.8)
    ax.axvline(0.0, color="0.5", lw=0.8)
    ax.plot(x, evaluate(name, x), color=PALETTE[i % len(PALETTE)], lw=2.5)
    ax.set_title("softmax([x, 0])[0]" if name == "softmax" else name, fontsize=12)
    ax.set_xlim(-5, 5)
    ax.set_ylim(-2.0, 5.0)
for ax in axes.flat[len(names) - ncols : len(names)]:  # the lowest panel of each column
    ax.set_xlabel("x")
    ax.xaxis.set_tick_params(labelbottom=True)
for ax in axes[:, 0]:
    ax.set_ylabel("f(x)")
fig.suptitle("Activation functions", fontsize=15)
fig.tight_layout()

# %%
# Reading the figure
# ------------------
# Sigmoid (and its twin, the two-score softmax) and tanh are bounded: for large
# :math:`|x|` their curves go flat, which is why their gradients vanish there.
# ReLU is exactly zero for every negative input and the identity for positive ones.
# Leaky ReLU keeps a small slope (0.2 here) on the negative side, and ELU bends
# smoothly down towards -1. GELU and SiLU dip slightly below zero around
# :math:`x \approx -1` before returning to 0, and softplus is a smooth,
# always-positive version of ReLU. The derivatives of these curves are drawn in
# :ref:`sphx_glr_auto_examples_activations_plot_activation_derivatives.py`.

# sphinx_gallery_thumbnail_number = 1

plt.show()
