"""
==================
Sigmoid vs softmax
==================

The same four output scores (logits) are turned into probabilities twice: by a
sigmoid on each unit and by a softmax over all units. You will see that the sigmoid
outputs are independent yes/no probabilities that need not sum to 1, while the
softmax outputs share one unit of probability, and that for two classes the two
are the same thing.
"""

# %%
# Setup
# -----

import matplotlib.pyplot as plt
import numpy as np

from dlref.activations import sigmoid, softmax
from dlref.plotting import PALETTE, use_style

use_style()

# %%
# One vector of logits
# --------------------
# Imagine the last ``Dense`` layer of a classifier with four units, before any
# activation. Its outputs are the logits: any real numbers, larger meaning "more
# likely". We apply :func:`dlref.activations.sigmoid` to each logit separately, and
# :func:`dlref.activations.softmax` to the whole vector.

classes = ["class 0", "class 1", "class 2", "class 3"]
logits = np.array([2.0, 1.0, 0.1, -1.0])
p_sigmoid = sigmoid(logits)
p_softmax = softmax(logits)

print(f"{'':8s} {'logit':>6s} {'sigmoid':>8s} {'softmax':>8s}")
for name, z, ps, pm in zip(classes, logits, p_sigmoid, p_softmax, strict=True):
    print(f"{name:8s} {z:6.1f} {ps:8.4f} {pm:8.4f}")
print(f"sum of sigmoid outputs: {p_sigmoid.sum():.4f}")
print(f"sum of softmax outputs: {p_softmax.sum():.4f}")

# %%
# From probabilities to a decision
# --------------------------------
# Sigmoid outputs are read one by one: every class whose probability passes the
# threshold 0.5 is predicted, so a sample can get several labels, or none
# (multi-label classification). Softmax outputs are compared with each other: the
# prediction is the single class with the largest probability, the ``argmax``
# (single-label, multi-class classification).

threshold = 0.5
sigmoid_labels = [c for c, p in zip(classes, p_sigmoid, strict=True) if p > threshold]
softmax_label = classes[int(np.argmax(p_softmax))]
print(f"sigmoid > {threshold}: {sigmoid_labels}")
print(f"softmax argmax: {softmax_label}")

# %%
# Both sets of probabilities, side by side
# ----------------------------------------
# The dashed line is the 0.5 threshold used with sigmoid outputs; the hatched bar
# is the softmax ``argmax``.

x = np.arange(len(classes))
width = 0.38
fig, ax = plt.subplots()
bars_sig = ax.bar(x - width / 2, p_sigmoid, width, color=PALETTE[0], label="sigmoid (each unit)")
bars_soft = ax.bar(x + width / 2, p_softmax, width, color=PALETTE[1], label="softmax (all units)")
bars_soft[int(np.argmax(p_softmax))].set_hatch("//")
ax.bar_label(bars_sig, fmt="%.2f", fontsize=9)
ax.bar_label(bars_soft, fmt="%.2f", fontsize=9)
ax.axhline(threshold, color="black", ls="--", lw=1.2, label="threshold 0.5")
ax.set_xticks(x, [f"{c}\nlogit {z:g}" for c, z in zip(classes, logits, strict=True)])
ax.set(ylabel="probability", ylim=(0, 1.05))
ax.set_title("Sigmoid vs softmax")
ax.legend(loc="upper right")
fig.tight_layout()

# %%
# Shifting every logit
# --------------------
# Softmax only looks at the *differences* between logits: adding the same number
# to all of them changes nothing. Each sigmoid output, on the other hand, depends
# on its own logit's absolute value.

shifted = logits + 3.0
print(f"softmax(logits + 3) == softmax(logits): {np.allclose(softmax(shifted), p_softmax)}")
print(f"sigmoid(logits + 3): {np.round(sigmoid(shifted), 4)}")

# %%
# Two classes: softmax is a sigmoid
# ---------------------------------
# With two classes and logits :math:`[z, 0]`, softmax gives
# :math:`e^z / (e^z + 1) = 1 / (1 + e^{-z})`, which is exactly the sigmoid of
# :math:`z`. That is why a binary classifier can use either one sigmoid unit or two
# softmax units. We check the identity numerically on a grid of logits.

z = np.linspace(-8.0, 8.0, 401)
two_class = softmax(np.stack([z, np.zeros_like(z)], axis=-1))[:, 0]
max_diff = np.max(np.abs(two_class - sigmoid(z)))
print(f"max |softmax([z, 0])[0] - sigmoid(z)| over {z.size} logits: {max_diff:.2e}")

fig, ax = plt.subplots()
ax.plot(z, sigmoid(z), color=PALETTE[0], lw=4, alpha=0.5, label="sigmoid(z)")
ax.plot(z[::16], two_class[::16], "o", color=PALETTE[1], ms=5, label="softmax([z, 0])[0]")
ax.set(xlabel="logit z", ylabel="probability of class 1")
ax.set_title("Two classes: the same curve")
ax.legend()
fig.tight_layout()

# %%
# Reading the figures
# -------------------
# In the bar chart, each blue sigmoid bar depends on one logit only, so several
# bars can pass the 0.5 line at once and their total is not 1 (the printed sum).
# The orange softmax bars share one unit of probability: a larger logit for one
# class takes probability away from the others, and exactly one class wins the
# ``argmax``. Use sigmoid outputs when each sample can have any number of labels
# (multi-label), and softmax when it has exactly one. The second figure shows the
# special case of two classes, where the two functions agree up to floating-point
# round-off (the printed maximum difference).

# sphinx_gallery_thumbnail_number = 1

plt.show()
