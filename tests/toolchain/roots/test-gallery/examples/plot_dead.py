"""
Dead units
==========

One figure.
"""
import matplotlib.pyplot as plt

from dlref.plotting import use_style

use_style()
fig, ax = plt.subplots()
ax.plot([0, 1, 2], [0, 40, 60], label="ReLU")
ax.set(xlabel="epoch", ylabel="dead units (%)")
ax.legend()
ax.set_title("Dead units")
