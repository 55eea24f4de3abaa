"""
===================
Exploding gradients
===================

A recurrent neural network applies the same weight matrix at every time step, so
backpropagation through time multiplies the gradient by (almost) the same factor
again and again. You will see the gradient with respect to each hidden state
vanish when the recurrent weights are small and grow exponentially, that is,
explode, when they are large. The last part shows how Keras' ``clipnorm`` and
``global_clipnorm`` keep the resulting update in check.
"""

# %%
# A simple RNN in numpy
# ---------------------
# The hidden state follows :math:`h_t = f(W h_{t-1} + U x_t)` with :math:`h_0 = 0`,
# 32 hidden units, 4 input features and 40 time steps. We try two activations
# :math:`f`: none at all (a *linear* RNN), and :math:`\tanh`, the default of
# ``keras.layers.SimpleRNN``. The recurrent matrix is :math:`W = s\,Q` with
# :math:`Q` orthogonal, so :math:`s` is exactly the factor by which :math:`W`
# stretches any vector. The loss reads only the last state, :math:`L = v \cdot h_T`
# with a unit vector :math:`v`, so :math:`\lVert \partial L / \partial h_T \rVert = 1`
# and everything that follows comes from backpropagation through time.

from dlref.models import import_keras

keras = import_keras()  # without TensorFlow's start-up lines on stderr

import matplotlib.pyplot as plt
import numpy as np

from dlref.activations import derivative, tanh
from dlref.plotting import PALETTE, use_style

use_style()
keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)

n_hidden, n_inputs, steps = 32, 4, 40
Q, _ = np.linalg.qr(rng.normal(size=(n_hidden, n_hidden)))  # a random orthogonal matrix
U = rng.normal(scale=0.1 / np.sqrt(n_inputs), size=(n_hidden, n_inputs))
x = rng.normal(size=(steps, n_inputs))
v = rng.normal(size=n_hidden)
v /= np.linalg.norm(v)

# %%
# Backpropagation through time
# ----------------------------
# Going backwards, each step multiplies the gradient by the activation's derivative
# at that step and by :math:`W^\top`:
# :math:`\partial L / \partial h_{t-1} = W^\top \big(f'(a_t) \odot \partial L / \partial h_t\big)`.
# For the linear RNN :math:`f' = 1`. The same loop also accumulates the gradients
# of the weights :math:`W` and :math:`U`, which we need for the clipping experiment.


def rnn_gradients(W, activation):
    """Run the RNN forward and backward; return the state-gradient norms, dL/dW and dL/dU."""
    h, pre = [np.zeros(n_hidden)], []
    for t in range(steps):
        pre.append(W @ h[-1] + U @ x[t])
        h.append(tanh(pre[-1]) if activation == "tanh" else pre[-1])
    grad_h = v.copy()
    norms = [np.linalg.norm(grad_h)]
    grad_W, grad_U = np.zeros_like(W), np.zeros_like(U)
    for t in range(steps, 0, -1):
        delta = grad_h  # dL/da_t
        if activation == "tanh":
            delta = derivative("tanh", pre[t - 1]) * grad_h
        grad_W += np.outer(delta, h[t - 1])
        grad_U += np.outer(delta, x[t - 1])
        grad_h = W.T @ delta  # dL/dh_{t-1}
        norms.append(np.linalg.norm(grad_h))
    return np.array(norms[::-1]), grad_W, grad_U


scales = (0.5, 1.0, 1.5, 2.0)
state_norms, weight_grads = {}, {}
for activation in ("linear", "tanh"):
    for s in scales:
        norms, grad_W, grad_U = rnn_gradients(s * Q, activation)
        state_norms[activation, s] = norms
        weight_grads[activation, s] = {"W": grad_W, "U": grad_U}
        factor = norms[0] ** (1 / steps)
        print(f"{activation:>6s}, s = {s}: |dL/dh_0| = {norms[0]:.1e} "
              f"(s**{steps} = {s**steps:.1e}), average factor per step = {factor:.2f}")

# %%
# Gradient norm through time
# --------------------------
# Time runs left to right, backpropagation right to left: every line starts at 1
# at :math:`t = T` and is followed back to :math:`t = 0`.

fig, axes = plt.subplots(1, 2, figsize=(9.5, 4.2), sharey=True)
t_axis = np.arange(steps + 1)
for ax, activation in zip(axes, ("linear", "tanh"), strict=True):
    for color, s in zip(PALETTE, scales, strict=False):
        ax.plot(t_axis, state_norms[activation, s], color=color, lw=3, label=f"s = {s}")
    ax.set_yscale("log")
    ax.set_xlabel("time step t")
    ax.set_title(f"{activation} RNN", fontsize=12)
axes[0].set_ylabel(r"gradient norm $\Vert\partial L / \partial h_t\Vert$")
axes[1].legend(fontsize=11, title="recurrent scale", title_fontsize=10, loc="upper right")
fig.suptitle("Exploding gradients", fontsize=15)
fig.tight_layout()

# %%
# In the linear RNN every backward step multiplies by :math:`W^\top`, and an
# orthogonal matrix times :math:`s` changes every length by exactly :math:`s`, so
# :math:`\lVert \partial L / \partial h_t \rVert = s^{T-t}`: straight lines on the
# log scale, the printed values match :math:`s^{40}`. With :math:`s = 0.5` the
# gradient from 40 steps away has vanished, with :math:`s = 2` it has exploded by
# twelve orders of magnitude; only :math:`s = 1` keeps it constant.
#
# The tanh RNN tells the same story more mildly: the tanh derivative is at most 1
# and smaller where units saturate, so the printed per-step factor stays below
# :math:`s`. Small recurrent weights still make the gradient vanish, and large ones
# still make it grow exponentially, only with a smaller base.

# %%
# Gradient clipping
# -----------------
# Large gradients mean huge, destabilising weight updates. Keras optimizers can
# clip the gradient before the update, in two different ways (see
# ``keras/src/optimizers/base_optimizer.py``):
#
# * ``clipnorm=c`` clips *each* gradient tensor separately, so that every tensor's
#   norm is at most :math:`c`;
# * ``global_clipnorm=c`` rescales *all* gradients together, so that the norm of
#   all of them stacked is at most :math:`c`; the direction is unchanged.
#
# We apply one SGD step with the gradients of :math:`W` and :math:`U` of the
# tanh RNN at :math:`s = 2` and measure how far each weight moves.

grads = weight_grads["tanh", 2.0]
for name, g in grads.items():
    print(f"|dL/d{name}| = {np.linalg.norm(g):.2f}")
print(f"global norm = {np.sqrt(sum(np.sum(g**2) for g in grads.values())):.2f}")

learning_rate = 0.1
settings = {
    "no clipping": {},
    "clipnorm=1": {"clipnorm": 1.0},
    "global_clipnorm=1": {"global_clipnorm": 1.0},
}
update_norms = {}
for label, clip in settings.items():
    optimizer = keras.optimizers.SGD(learning_rate=learning_rate, **clip)
    weights = {name: keras.Variable(np.zeros_like(g)) for name, g in grads.items()}
    optimizer.apply([grads[name] for name in weights], list(weights.values()))
    update_norms[label] = {
        name: float(np.linalg.norm(keras.ops.convert_to_numpy(w))) for name, w in weights.items()
    }  # the weights started at 0, so each new value is the update itself
    total = np.sqrt(sum(u**2 for u in update_norms[label].values()))
    ratio = update_norms[label]["W"] / update_norms[label]["U"]
    print(f"{label:>17s}: |update W| = {update_norms[label]['W']:.4f}, "
          f"|update U| = {update_norms[label]['U']:.4f}, total = {total:.4f}, "
          f"W/U = {ratio:.2f}")

# %%
# Update size with and without clipping
# -------------------------------------
# Note the log scale: without clipping the update is the learning rate times the
# exploded gradient.

fig, ax = plt.subplots()
positions = np.arange(len(settings))
width = 0.38
for i, (color, name) in enumerate(zip(PALETTE, ("W", "U"), strict=False)):
    ax.bar(positions + (i - 0.5) * width, [update_norms[label][name] for label in settings],
           width, color=color, label=f"update of {name}")
ax.axhline(learning_rate * 1.0, color="0.3", ls="--", lw=1.5, label="learning rate × 1")
ax.set_yscale("log")
ax.set_xticks(positions, list(settings))
ax.set(ylabel="update norm ‖Δ‖")
ax.set_title("Gradient clipping")
ax.legend(fontsize=10)
fig.tight_layout()

# %%
# Reading the figures
# -------------------
# The first figure shows why plain RNNs are hard to train on long sequences: the
# gradient signal from distant time steps either fades away or blows up
# exponentially, depending on the size of the recurrent weights.
#
# Clipping treats the symptom: it caps the size of the update, not the cause of
# the large gradient. The two settings cap different things. ``clipnorm`` clipped
# :math:`W` and :math:`U` separately, each to norm 1, so each update is at most
# the learning rate (the dashed line) but together they are larger, and the
# printed ratio W/U changed: the update no longer points along the gradient.
# ``global_clipnorm`` scaled both by the same factor, so the total update equals
# the learning rate and the ratio and direction are those of the true gradient.
# In Keras 3, ``clipnorm`` is per tensor; use ``global_clipnorm`` when you want
# the classic "clip the whole gradient vector" behaviour.

# sphinx_gallery_thumbnail_number = 1

plt.show()
