"""
No Hangul font
==============

Draws Hangul with a font that lacks it.
"""
import matplotlib.pyplot as plt

plt.rcParams["font.family"] = ["DejaVu Sans"]
fig, ax = plt.subplots()
ax.set_title("기울기 소실")
