"""
======================
Activation derivatives
======================

During backpropagation every layer multiplies the incoming gradient by the slope of
its activation function. This example draws those slopes with
:func:`dlref.activations.derivative`: first sigmoid and tanh, whose largest slopes
are only 0.25 and 1, then every elementwise activation of :mod:`dlref.activations`
on one grid.
"""

# %%
# Setup
# -----
# Softmax is left out: each of its outputs depends on every input, so its
# derivative is a matrix (:func:`dlref.activations.softmax_jacobian`), not a curve.

import matplotlib.pyplot as plt
import numpy as np

from dlref import activations
from dlref.plotting import PALETTE, use_style

use_style()

x = np.linspace(-5.0, 5.0, 1001)  # the grid contains x = 0 exactly
names = [name for name in activations.names() if name != "softmax"]
slopes = {name: activations.derivative(name, x) for name in names}

# %%
# Are the derivatives right?
# --------------------------
# A quick check against a central finite difference,
# :math:`(f(x + h) - f(x - h)) / 2h`, away from the kink at 0 that ReLU,
# Leaky ReLU and ELU have.

h = 1e-5
smooth = np.abs(x) > 1e-3
for name in names:
    f = activations.get(name)
    numeric = (f(x + h) - f(x - h)) / (2 * h)
    error = np.max(np.abs(numeric - slopes[name])[smooth])
    print(f"{name:>10s}: max |finite difference - derivative| = {error:.1e}")

# %%
# The largest slope of sigmoid and tanh
# -------------------------------------
# Both curves are steepest at :math:`x = 0`. We read the maxima off the grid
# rather than quoting them.

peaks = {}
for name in ("sigmoid", "tanh"):
    i = int(np.argmax(slopes[name]))
    peaks[name] = (x[i] + 0.0, slopes[name][i])
    print(f"max {name}'(x) = {slopes[name][i]:.4f} at x = {x[i] + 0.0:g}")

depth = 10
print(
    f"upper bound on the sigmoid slopes multiplied through {depth} layers: "
    f"{peaks['sigmoid'][1]:.2f}**{depth} = {peaks['sigmoid'][1] ** depth:.1e}"
)

fig, ax = plt.subplots()
label_at = {"sigmoid": (1.6, 0.4), "tanh": (1.0, 1.02)}  # where the labels go (data units)
for color, name in zip(PALETTE, ("sigmoid", "tanh"), strict=False):
    ax.plot(x, slopes[name], color=color, lw=3, label=f"{name}'(x)")
    x0, y0 = peaks[name]
    ax.plot(x0, y0, "o", color=color, ms=9)
    ax.annotate(
        f"max = {y0:.2f} at x = {x0:g}",
        xy=(x0, y0),
        xytext=label_at[name],
        fontsize=12,
        color=color,
        arrowprops={"arrowstyle": "->", "color": color},
    )
ax.set(xlabel="x", ylabel="derivative f'(x)", xlim=(-5, 5), ylim=(0, 1.15))
ax.set_title("Sigmoid and tanh derivatives")
ax.legend(fontsize=11, loc="upper left")
fig.tight_layout()

# %%
# Sigmoid's slope never exceeds 0.25, so each sigmoid layer shrinks the gradient
# it passes back by a factor of at least 4, and ten of them by at least the
# factor printed above. tanh reaches slope 1, but only near 0: both curves are
# almost flat for :math:`|x| > 3`, where a saturated unit lets almost no gradient
# through.

# %%
# All derivatives on one grid
# ---------------------------
# The same axes for every activation; the dashed line marks slope 1, the slope of
# the identity.

# The grid grows with activations.names(): four panels a row.
ncols = 4
nrows = -(-len(names) // ncols)
fig, axes = plt.subplots(
    nrows, ncols, figsize=(9.0, 2.4 * nrows), sharex=True, sharey=True, squeeze=False
)
for ax in axes.flat[len(names) :]:
    ax.set_visible(False)
for i, (ax, name) in enumerate(zip(axes.flat, names, strict=False)):
    ax.axhline(1.0, color="0.6", lw=1.0, ls="--")
    ax.plot(x, slopes[name], color=PALETTE[i % len(PALETTE)], lw=2.5)
    ax.set_title(f"{name}'", fontsize=12)
    ax.set_xlim(-5, 5)
    ax.set_xticks([-4, 0, 4])
    ax.set_ylim(-0.2, 1.25)
for ax in axes.flat[len(names) - ncols : len(names)]:  # the lowest panel of each column
    ax.set_xlabel("x")
    ax.xaxis.set_tick_params(labelbottom=True)
for ax in axes[:, 0]:
    ax.set_ylabel("f'(x)")
fig.suptitle("Activation derivatives", fontsize=15)
fig.tight_layout()

# %%
# Reading the figure
# ------------------
# The ReLU family has slope exactly 1 for every positive input, so a path of
# active ReLU units passes the gradient back unchanged; that is the main reason
# deep networks train better with ReLU than with sigmoid. ReLU's slope is 0 for
# negative inputs (a unit stuck there stops learning, see
# :ref:`sphx_glr_auto_examples_activations_plot_dying_relu.py`), while Leaky ReLU
# keeps a small slope of 0.2 and ELU a slope that fades smoothly. GELU and SiLU
# overshoot slightly above 1 for moderate positive inputs and dip slightly below
# 0 on the negative side. The derivative of softplus is the sigmoid function
# itself.

# sphinx_gallery_thumbnail_number = 1

plt.show()
