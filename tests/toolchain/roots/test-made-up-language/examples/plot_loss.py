"""
Loss curve
==========

One figure, one printed line.
"""
import matplotlib.pyplot as plt

from dlref.plotting import use_style

use_style()
print("final loss 0.25")  # the last value
fig, ax = plt.subplots()
ax.plot([0, 1, 2], [1.0, 0.5, 0.25])
_ = ax.set(xlabel="epoch", title="Loss curve")
