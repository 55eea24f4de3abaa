"""
==============
Loss functions
==============

A loss function turns "how wrong is the model?" into one number, and its shape
decides which mistakes the training cares about most. You will see a straight line
fitted with mean squared error and with mean absolute error to data containing one
outlier, and how binary crossentropy and squared error punish a confident wrong
probability.
"""

# %%
# Setup
# -----

import matplotlib.pyplot as plt
import numpy as np

from dlref import losses, optimizers
from dlref.plotting import PALETTE, use_style

use_style()
rng = np.random.default_rng(0)

# %%
# Data with one outlier
# ---------------------
# Twenty points on the line :math:`y = 2x + 1` with a little noise; then one point
# is replaced by a gross error, as a typo in a data file would do.

x = np.linspace(0.0, 10.0, 20)
y = 2.0 * x + 1.0 + rng.normal(0.0, 0.5, size=x.size)
outlier = 18
y[outlier] = -5.0
line_value = 2 * x[outlier] + 1
print(f"outlier at x = {x[outlier]:.2f}: y = {y[outlier]:.1f} (the line gives {line_value:.1f})")

# Design matrix: prediction = slope * x + intercept = X @ [slope, intercept]
X = np.stack([x, np.ones_like(x)], axis=1)

# %%
# Fitting with mean squared error
# -------------------------------
# Minimising :func:`~dlref.losses.mean_squared_error` over a straight line is
# ordinary least squares, which has a closed-form solution.

w_mse, *_ = np.linalg.lstsq(X, y, rcond=None)

# %%
# Fitting with mean absolute error
# --------------------------------
# :func:`~dlref.losses.mean_absolute_error` has no closed form, so we minimise it
# numerically with :func:`dlref.optimizers.minimize` and
# :class:`~dlref.optimizers.Adam`. The gradient of :math:`|r|` is the sign of
# :math:`r` (a subgradient at 0): every point pulls on the line with the same
# strength, however far away it is.


def mae(w):
    """MAE of the line with parameters ``w = [slope, intercept]``."""
    return float(losses.mean_absolute_error(y, X @ w))


def mae_grad(w):
    """A subgradient of :func:`mae`."""
    return -X.T @ np.sign(y - X @ w) / y.size


path = optimizers.minimize(mae_grad, np.zeros(2), optimizers.Adam(learning_rate=0.01), 3000)
w_mae = path[-1]

print(f"{'fit':22s} {'slope':>6s} {'intercept':>9s} {'MSE':>7s} {'MAE':>6s}")
for name, w in (
    ("true line", np.array([2.0, 1.0])),
    ("MSE (least squares)", w_mse),
    ("MAE (Adam, 3000 steps)", w_mae),
):
    mse_value = float(losses.mean_squared_error(y, X @ w))
    print(f"{name:22s} {w[0]:6.3f} {w[1]:9.3f} {mse_value:7.2f} {mae(w):6.3f}")

# %%
# The two fitted lines
# --------------------

fig, ax = plt.subplots()
inliers = np.arange(x.size) != outlier
ax.scatter(x[inliers], y[inliers], color="0.35", zorder=3, label="data")
ax.scatter(x[outlier], y[outlier], color="black", marker="X", s=90, zorder=3, label="outlier")
grid = np.linspace(0.0, 10.0, 2)
ax.plot(grid, w_mse[0] * grid + w_mse[1], color=PALETTE[1], label=f"MSE fit, slope {w_mse[0]:.2f}")
ax.plot(grid, w_mae[0] * grid + w_mae[1], color=PALETTE[0], label=f"MAE fit, slope {w_mae[0]:.2f}")
ax.set(xlabel="x", ylabel="y")
ax.set_title("MSE vs MAE with an outlier")
ax.legend(loc="upper left")
fig.tight_layout()

# %%
# Squaring makes the one big residual dominate the mean squared error, so least
# squares tilts the whole line towards the outlier. The absolute error grows only
# linearly with the residual, so the MAE line stays with the other 19 points and its
# slope stays close to the true 2 (compare the printed slopes). The price: MAE's
# gradient has the same size near and far from the optimum, which makes it slower
# and less smooth to minimise.
#
# Crossentropy: the cost of a confident mistake
# ---------------------------------------------
# For classification the model outputs a probability :math:`p` that the label is 1.
# For a sample whose label *is* 1, :func:`~dlref.losses.binary_crossentropy` is
# :math:`-\log p`; the squared error of the same probability is :math:`(1 - p)^2`.

p = np.linspace(0.001, 0.999, 999)
y_true = np.ones((p.size, 1))
bce = losses.binary_crossentropy(y_true, p[:, None])
mse = losses.mean_squared_error(y_true, p[:, None])

print(f"{'p':>5s} {'BCE':>7s} {'MSE':>7s}")
for value in (0.01, 0.1, 0.5, 0.9, 0.99):
    bce_p = losses.binary_crossentropy([[1.0]], [[value]])[0]
    mse_p = losses.mean_squared_error([[1.0]], [[value]])[0]
    print(f"{value:5.2f} {bce_p:7.4f} {mse_p:7.4f}")

fig, ax = plt.subplots()
ax.plot(p, bce, color=PALETTE[0], label=r"binary crossentropy  $-\log p$")
ax.plot(p, mse, color=PALETTE[1], label=r"squared error  $(1 - p)^2$")
ax.set(xlabel="predicted probability p of the true class (label 1)", ylabel="loss", ylim=(0, 5))
ax.set_title("Loss for a sample with label 1")
ax.legend(loc="upper right")
fig.tight_layout()

# %%
# Reading the figure
# ------------------
# Both losses are 0 when the model gives the true class probability 1. As
# :math:`p` falls towards 0, the squared error never exceeds 1, while the
# crossentropy grows without bound (the printed value at :math:`p = 0.01` is
# already several times the one at :math:`p = 0.5`). A confident wrong answer is
# therefore punished much harder, and its gradient stays large, which is why
# classifiers are trained with crossentropy rather than squared error. Near
# :math:`p = 1` both are small, and crossentropy keeps rewarding the last steps
# from 0.9 to 0.99.

# sphinx_gallery_thumbnail_number = 1

plt.show()
