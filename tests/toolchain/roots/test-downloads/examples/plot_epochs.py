"""
Epochs
======

A loop of :func:`dlref.plotting.use_style` epochs.
"""

# %%
# The loop
# --------
# Each epoch prints its loss, and :class:`~matplotlib.figure.Figure` shows them all.

import matplotlib.pyplot as plt

from dlref.plotting import use_style

use_style()
losses = [0.5, 0.25]
for epoch, loss in enumerate(losses, start=1):
    print(f"epoch {epoch}: loss {loss:.2f}")  # one line per epoch
fig, ax = plt.subplots()
ax.plot(losses)

plt.show()
