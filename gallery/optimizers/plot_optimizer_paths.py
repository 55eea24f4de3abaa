"""
===============
Optimizer paths
===============

Five optimizers (SGD, SGD with momentum, RMSprop, Adagrad and Adam) start from the
same point on two small two-dimensional surfaces. On a stretched bowl you will see the
typical shape of each path; on the curved Rosenbrock valley you will see how far each
one gets in the same number of steps. The printed tables give the final points and
distances to the minimum.
"""

# %%
# Setup
# -----
# Everything here is numpy: :func:`dlref.optimizers.minimize` applies one of the
# numpy optimizers (they follow the update rules of their Keras namesakes) and
# records the whole trajectory.

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import LogNorm

from dlref import optimizers
from dlref.plotting import PALETTE, use_style

use_style()


def report(paths, optimum, f):
    """Print the final point, its distance to the optimum and the function value."""
    print(f"{'optimizer':32s} {'final point':>18s} {'distance':>9s} {'f(final)':>9s}")
    for name, path in paths.items():
        final = np.round(path[-1], 3) + 0.0  # + 0.0 turns -0.0 into 0.0
        point = f"({final[0]:.3f}, {final[1]:.3f})"
        dist = np.linalg.norm(path[-1] - optimum)
        print(f"{name:32s} {point:>18s} {dist:9.2e} {f(path[-1]):9.2e}")


# %%
# A stretched bowl
# ----------------
# :func:`~dlref.optimizers.quadratic` with curvatures 1 and 25 is the bowl
# :math:`f(x, y) = \tfrac12 (x^2 + 25 y^2)`, 25 times steeper along :math:`y` than
# along :math:`x`. Its minimum is at the origin.

curvature = (1.0, 25.0)


def bowl(p):
    """Stretched quadratic bowl."""
    return optimizers.quadratic(p, curvature)


def bowl_grad(p):
    """Gradient of the bowl."""
    return optimizers.quadratic_grad(p, curvature)


bowl_start = np.array([-4.0, 1.5])
bowl_optimum = np.zeros(2)
bowl_steps = 50

# %%
# Learning rates
# --------------
# Each optimizer gets a learning rate chosen by hand for this surface (in the
# legend). Plain gradient descent on this bowl is stable only for learning rates
# below 2 / 25 = 0.08, so SGD gets 0.07. The adaptive optimizers divide the gradient
# by a running estimate of its size, so their learning rate is roughly a step length
# in parameter units.

bowl_optimizers = {
    "SGD (lr=0.07)": optimizers.SGD(learning_rate=0.07),
    "SGD + momentum 0.9 (lr=0.01)": optimizers.SGD(learning_rate=0.01, momentum=0.9),
    "RMSprop (lr=0.1)": optimizers.RMSprop(learning_rate=0.1),
    "Adagrad (lr=1.0)": optimizers.Adagrad(learning_rate=1.0),
    "Adam (lr=0.3)": optimizers.Adam(learning_rate=0.3),
}
bowl_paths = {
    name: optimizers.minimize(bowl_grad, bowl_start, opt, steps=bowl_steps)
    for name, opt in bowl_optimizers.items()
}
print(f"stretched bowl, after {bowl_steps} steps from {bowl_start}:")
report(bowl_paths, bowl_optimum, bowl)

# %%
# Paths on the bowl
# -----------------
# Contour levels are spaced logarithmically so that the region near the minimum is
# visible. The circle marks the start, the star the minimum.

xs = np.linspace(-4.5, 4.5, 300)
ys = np.linspace(-2.0, 2.0, 300)
values = bowl(np.stack(np.meshgrid(xs, ys), axis=-1))

fig, ax = plt.subplots(figsize=(8.0, 4.2))
ax.contour(
    xs, ys, values, levels=np.logspace(-2, 2, 13), norm=LogNorm(), colors="0.7", linewidths=0.8
)
for color, (name, path) in zip(PALETTE, bowl_paths.items(), strict=False):
    ax.plot(path[:, 0], path[:, 1], color=color, lw=1.8, marker=".", ms=4, label=name)
ax.plot(*bowl_start, "o", color="black", ms=8, label="start")
ax.plot(*bowl_optimum, "*", color="black", ms=16, label="minimum")
ax.set(xlabel="x", ylabel="y", xlim=(-4.5, 4.5), ylim=(-2.0, 2.0))
ax.set_title("Optimizer paths")
ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
fig.tight_layout()

# %%
# Plain SGD zig-zags: its step is large enough to overshoot across the steep
# direction, yet progress along the shallow direction is slow. Momentum averages
# the zig-zag away and builds up speed along the valley, at the price of swinging
# past the minimum before it settles. RMSprop, Adagrad and Adam rescale each
# coordinate by the size of its own gradients, so their first steps point
# diagonally, almost straight at the minimum, whatever the stretch of the bowl.
#
# Why not simply give SGD a bigger step? Just past the limit of 0.08 it diverges:

with np.errstate(over="ignore", invalid="ignore"):
    for lr in (0.07, 0.085):
        path = optimizers.minimize(
            bowl_grad, bowl_start, optimizers.SGD(learning_rate=lr), steps=bowl_steps
        )
        print(
            f"plain SGD, lr={lr}: distance after {bowl_steps} steps = "
            f"{np.linalg.norm(path[-1]):.3g}"
        )

# %%
# A harder surface: the Rosenbrock valley
# ---------------------------------------
# :func:`~dlref.optimizers.rosenbrock`,
# :math:`f(x, y) = (1 - x)^2 + 100 (y - x^2)^2`, has its minimum at :math:`(1, 1)` at
# the end of a long, curved, almost flat valley. Again the learning rates are picked
# by hand; here SGD and SGD with momentum share the same one, so the only difference
# between them is the momentum term.

rosen_start = np.array([-1.5, 2.0])
rosen_optimum = np.array([1.0, 1.0])
rosen_steps = 1000
rosen_optimizers = {
    "SGD (lr=0.001)": optimizers.SGD(learning_rate=0.001),
    "SGD + momentum 0.9 (lr=0.001)": optimizers.SGD(learning_rate=0.001, momentum=0.9),
    "RMSprop (lr=0.01)": optimizers.RMSprop(learning_rate=0.01),
    "Adagrad (lr=0.5)": optimizers.Adagrad(learning_rate=0.5),
    "Adam (lr=0.1)": optimizers.Adam(learning_rate=0.1),
}
rosen_paths = {
    name: optimizers.minimize(optimizers.rosenbrock_grad, rosen_start, opt, steps=rosen_steps)
    for name, opt in rosen_optimizers.items()
}
print(f"Rosenbrock, after {rosen_steps} steps from {rosen_start}:")
report(rosen_paths, rosen_optimum, optimizers.rosenbrock)

# %%
# Distance to the minimum, step by step
# -------------------------------------
# All paths quickly drop into the valley and then follow its floor, so on a contour
# plot they overlap. Drawing the distance to :math:`(1, 1)` after each step (log
# scale) separates them.

fig, ax = plt.subplots()
for color, (name, path) in zip(PALETTE, rosen_paths.items(), strict=False):
    ax.plot(np.linalg.norm(path - rosen_optimum, axis=1), color=color, label=name)
ax.set_yscale("log")
ax.set(xlabel="step", ylabel="distance to the minimum")
ax.set_title("Rosenbrock: convergence")
ax.legend(fontsize=8)
fig.tight_layout()

# %%
# Reading the figures
# -------------------
# Plain SGD, held to a small learning rate by the steep valley walls, creeps along
# the floor and is still far from the minimum after 1000 steps. With the same
# learning rate, momentum accumulates the small but consistent push along the floor
# and gets close. Adagrad, the fastest on the bowl, stalls here: it divides by the
# sum of *all* squared gradients seen so far, so the large gradients of the first
# steps keep its later steps tiny. RMSprop forgets old gradients and keeps moving.
# Adam combines momentum with RMSprop's scaling; with these settings it ends
# closest. The tables above give the exact numbers. Rankings like these depend on
# the surface and on the learning rates, so read them as an illustration of each
# method's behaviour, not as a benchmark.

# sphinx_gallery_thumbnail_number = 1

plt.show()
