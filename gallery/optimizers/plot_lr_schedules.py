"""
=======================
Learning-rate schedules
=======================

A learning rate that suits the first epochs, when the weights are far from any
minimum, is often too large near the end, where it makes the loss jitter instead of
settle. A *schedule* changes the rate as training goes on. This example plots three
Keras schedules, reads too-high and too-low rates from the loss curve, and compares a
constant rate with decayed ones on the digits MLP, from three seeds.
"""

# %%
# Three schedules
# ---------------
# A schedule is a function from the step number to the learning rate.
# ``ExponentialDecay`` multiplies the rate by ``decay_rate`` every ``decay_steps``
# steps; ``CosineDecay`` with ``warmup_steps`` first rises linearly from
# ``initial_learning_rate`` to ``warmup_target`` and then follows half a cosine down to
# ``alpha`` times that. ``ReduceLROnPlateau`` is a callback, not a schedule: it
# multiplies the rate by ``factor`` when the validation loss stops improving.

from dlref.models import import_keras

keras = import_keras()  # without TensorFlow's start-up lines on stderr

import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

from dlref.datasets import load_digits_images
from dlref.models import build_mlp, restart
from dlref.plotting import PALETTE, use_style

use_style()
(x_train, y_train), (x_val, y_val) = load_digits_images()
x_train = x_train.reshape(len(x_train), -1).astype("float32") / 255.0
x_val = x_val.reshape(len(x_val), -1).astype("float32") / 255.0
batch_size, epochs = 64, 30
steps_per_epoch = int(np.ceil(len(x_train) / batch_size))
total_steps = steps_per_epoch * epochs
base = 0.1


def schedules():
    return {
        "constant": base,
        "exponential": keras.optimizers.schedules.ExponentialDecay(
            base, decay_steps=steps_per_epoch, decay_rate=0.9),
        "cosine + warm-up": keras.optimizers.schedules.CosineDecay(
            0.0, decay_steps=total_steps - 2 * steps_per_epoch, warmup_target=base,
            warmup_steps=2 * steps_per_epoch),
    }


steps = np.arange(total_steps)
# Called one step at a time: CosineDecay's warm-up branch takes a single step number.
lr_curves = {name: (np.full(total_steps, s) if isinstance(s, float)
                    else np.array([float(s(step)) for step in steps]))
             for name, s in schedules().items()}
for name, lr in lr_curves.items():
    print(f"{name:>17s}: step 0 {lr[0]:.4f}, end of epoch 2 {lr[2 * steps_per_epoch]:.4f}, "
          f"last step {lr[-1]:.5f}")


val_data = tf.data.Dataset.from_tensor_slices((x_val, y_val)).batch(450).cache()
seeds = (0, 1, 2)


compiled = {}  # one compiled network per kind of rate: a number, or each kind of schedule


def train(learning_rate, seed, epochs=epochs, callbacks=(), validation=True):
    """Train the digits MLP with plain SGD; the seed sets the initial weights and batches."""
    twin = build_mlp((64,), hidden_units=(64,), dropout=0.0, optimizer="sgd",
                     learning_rate=learning_rate, seed=seed)
    model = compiled.setdefault(type(learning_rate).__name__, twin)
    restart(model, twin)
    data = (tf.data.Dataset.from_tensor_slices((x_train, y_train)).cache()
            .shuffle(len(x_train), seed=seed).batch(batch_size))
    history = model.fit(data, epochs=epochs, validation_data=val_data if validation else None,
                        shuffle=False, callbacks=list(callbacks), verbose=0)
    return history.history


# %%
# Constant versus decayed
# -----------------------
# The same network with the three schedules above, and with a constant rate of 0.1
# that ``ReduceLROnPlateau(factor=0.5, patience=2)`` halves whenever the validation
# loss has not improved for two epochs; 30 epochs each, from three seeds.

names = [*schedules(), "reduce on plateau"]
runs = {name: [] for name in names}
for seed in seeds:
    for name, schedule in schedules().items():
        runs[name].append(train(schedule, seed))
    plateau = keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=2)
    runs["reduce on plateau"].append(train(base, seed, callbacks=[plateau]))
curves = {name: {key: np.array([h[key] for h in hs]) for key in ("loss", "val_loss")}
          for name, hs in runs.items()}
print("after 30 epochs, mean over the seeds (lowest-highest); 'jump' is the largest change of")
print("the validation loss from one epoch to the next over the last five epochs")
print(f"{'':>17s} {'training loss':>19s} {'validation loss':>19s} {'lowest val':>10s} "
      f"{'jump':>6s}")
jumps = {}
for name, c in curves.items():
    train_loss, val_loss = c["loss"][:, -1], c["val_loss"][:, -1]
    jumps[name] = np.abs(np.diff(c["val_loss"][:, -6:], axis=1)).max(axis=1)
    print(f"{name:>17s} {train_loss.mean():.3f} ({train_loss.min():.3f}-{train_loss.max():.3f}) "
          f"{val_loss.mean():.3f} ({val_loss.min():.3f}-{val_loss.max():.3f}) "
          f"{c['val_loss'].min(axis=1).mean():10.3f} {jumps[name].mean():6.3f}")
final_rates = [h["learning_rate"][-1] for h in runs["reduce on plateau"]]
print(f"reduce on plateau: final rate {', '.join(f'{r:g}' for r in final_rates)}")

# sphinx_gallery_start_ignore
# The claims of learning-rate-schedules.md ("Measured on the digits MLP") and of the reading
# below, on every seed.
final = {name: c["val_loss"][:, -1] for name, c in curves.items()}
final_train = {name: c["loss"][:, -1] for name, c in curves.items()}
decayed = ("exponential", "cosine + warm-up", "reduce on plateau")
for name in names:
    if name != "exponential":
        assert np.all(final_train["exponential"] > final_train[name]) and np.all(
            final["exponential"] > final[name]), \
            "exponential decay ends with the highest training and validation loss"
    if name != "constant":
        assert np.all(final_train["constant"] < final_train[name]), \
            "the constant rate ends with the lowest training loss"
for name in decayed:
    assert np.all(curves["constant"]["val_loss"].min(axis=1)
                  < curves[name]["val_loss"].min(axis=1)), \
        "the constant rate's best epoch is lower than any schedule reaches in these 30 epochs"
    assert np.all(final[name] - curves[name]["val_loss"].min(axis=1) < 0.005), \
        "the decayed runs end settled, at (or within 0.005 of) their lowest validation loss"
    if name != "reduce on plateau":
        assert np.all(final["reduce on plateau"] < final[name]), \
            "reduce on plateau ends lowest of the decayed runs"
for name in decayed:
    assert np.all(jumps["constant"] > 3 * jumps[name]), \
        "the constant rate's validation loss still jumps at the end, the decayed ones are settled"
    assert np.ptp(final["constant"]) > 2 * np.ptp(final[name]), \
        "where the constant rate's last epoch lands depends on the seed: its band is the widest"
assert np.all(jumps["exponential"] < 0.005) and np.all(jumps["cosine + warm-up"] < 0.005), \
    "the validation loss of exponential and cosine decay no longer jumps at the end"
# sphinx_gallery_end_ignore

# %%
# Reading the rate from the loss curve
# ------------------------------------
# Before any schedule, a first search of the constant rate: plain SGD for 5 epochs with
# rates from far too small to far too large, from the same three seeds (the rate 0.1
# is the first 5 epochs of the constant runs above).

search = 5
rate_runs = {0.003: [train(0.003, seed, epochs=search, validation=False) for seed in seeds],
             0.1: runs["constant"],
             3.0: [train(3.0, seed, epochs=search, validation=False) for seed in seeds]}
rate_curves = {lr: np.array([h["loss"][:search] for h in hs]) for lr, hs in rate_runs.items()}
for lr, c in rate_curves.items():
    print(f"constant rate {lr:5g}: training loss epoch 1 {c[:, 0].mean():.3f}, "
          f"epoch {search} {c[:, -1].mean():.3f} ({c[:, -1].min():.3f}-{c[:, -1].max():.3f})")

# sphinx_gallery_start_ignore
chance = np.log(10)  # the crossentropy of a uniform guess over 10 digits
low, good, high = rate_curves[0.003], rate_curves[0.1], rate_curves[3.0]
assert np.all(np.diff(low, axis=1) < 0) and np.all(low[:, -1] > 1.5), \
    "rate 0.003 falls slowly and steadily"
assert np.all(good[:, -1] < 0.5 * good[:, 0]), "rate 0.1 falls fast"
assert np.all(high[:, 0] > chance) and np.all(high.min(axis=1) > 2.0), \
    "rate 3 jumps up above chance at once and stays high"
# sphinx_gallery_end_ignore

fig, (ax_lr, ax_rate, ax_cmp) = plt.subplots(1, 3, figsize=(12.5, 4.0))
for color, (name, lr) in zip(PALETTE, lr_curves.items(), strict=False):
    ax_lr.plot(steps / steps_per_epoch, lr, color=color, lw=2.5, label=name)
ax_lr.plot(np.arange(epochs), runs["reduce on plateau"][0]["learning_rate"],
           color=PALETTE[3], lw=2.5, drawstyle="steps-post", label="reduce on plateau (seed 0)")
ax_lr.set(xlabel="epoch", ylabel="learning rate", title="schedules", ylim=(0, 0.16))
ax_lr.legend(fontsize=9, loc="upper right")


def spread(ax, x, rows, color, label):
    """The mean over the seeds as a line, the lowest to highest seed as a band."""
    ax.plot(x, rows.mean(axis=0), color=color, lw=2.5, label=label)
    ax.fill_between(x, rows.min(axis=0), rows.max(axis=0), color=color, alpha=0.2, lw=0)


for color, (lr, c) in zip(PALETTE, rate_curves.items(), strict=False):
    spread(ax_rate, np.arange(1, search + 1), c, color, f"rate {lr:g}")
ax_rate.set(xlabel="epoch", ylabel="training loss", yscale="log", title="constant rates",
            xticks=range(1, search + 1))
ax_rate.legend(fontsize=9)
for color, (name, c) in zip(PALETTE, curves.items(), strict=False):
    spread(ax_cmp, np.arange(1, epochs + 1), c["val_loss"], color, name)
ax_cmp.set(xlabel="epoch", ylabel="validation loss", yscale="log", title="rate 0.1, scheduled")
ax_cmp.legend(fontsize=9)
fig.suptitle("Learning-rate schedules", fontsize=15)
fig.tight_layout()

# %%
# Reading the figure
# ------------------
# Lines are the mean over the three seeds, bands span the lowest to the highest seed.
# With rate 0.003 the loss falls slowly and steadily: the rate is too small, training
# would need many more epochs. With rate 3.0 the loss jumps above chance level
# (:math:`\ln 10 \approx 2.30`) at once and stays high: the steps overshoot the
# minimum. Rate 0.1 falls fast.
#
# The schedules differ in how much large-step training they keep. Exponential decay by
# 0.9 per epoch leaves a rate of 0.004 after 30 epochs; it shrank too early, and on
# every seed it ends with the highest training and validation loss of the four. The
# constant rate ends with the lowest training loss, and its best epoch has a lower
# validation loss than any schedule reaches in these 30 epochs. But its validation loss
# still jumps from epoch to epoch at the end (the wide band), so where its last epoch
# lands is luck. The decayed runs end settled, at their lowest validation loss, and
# ``ReduceLROnPlateau`` ends lowest of them on every seed. What a schedule buys here is
# a last epoch that can be trusted, not a better minimum; which one wins depends on its
# settings, and each adds hyperparameters to choose on the validation set.

# sphinx_gallery_thumbnail_number = 1

plt.show()
