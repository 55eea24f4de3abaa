"""
=====================================================
Learning-rate schedules · 학습률 스케줄
=====================================================

A learning rate that suits the first epochs, when the weights are far from any
minimum, is often too large near the end, where it makes the loss jitter instead of
settle. A *schedule* changes the rate as training goes on. This example plots three
Keras schedules, reads too-high and too-low rates from the loss curve, and compares a
constant rate with decayed ones on the digits MLP.
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
from dlref.models import build_mlp
from dlref.plotting import PALETTE, bilingual_title, use_style

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
curves = {name: (np.full(total_steps, s) if isinstance(s, float)
                 else np.array([float(s(step)) for step in steps]))
          for name, s in schedules().items()}
for name, lr in curves.items():
    print(f"{name:>17s}: step 0 {lr[0]:.4f}, end of epoch 2 {lr[2 * steps_per_epoch]:.4f}, "
          f"last step {lr[-1]:.5f}")


def data():
    return (tf.data.Dataset.from_tensor_slices((x_train, y_train)).cache()
            .shuffle(len(x_train), seed=0).batch(batch_size))


val_data = tf.data.Dataset.from_tensor_slices((x_val, y_val)).batch(450).cache()


def train(learning_rate, callbacks=()):
    model = build_mlp((64,), hidden_units=(64,), dropout=0.0, optimizer="sgd",
                      learning_rate=learning_rate, seed=0)
    history = model.fit(data(), epochs=epochs, validation_data=val_data, shuffle=False,
                        callbacks=list(callbacks), verbose=0)
    return history.history


# %%
# Reading the rate from the loss curve
# ------------------------------------
# Plain SGD, constant rates from far too small to far too large.

rate_runs = {lr: train(lr) for lr in (0.003, 0.1, 3.0)}
for lr, h in rate_runs.items():
    print(f"constant rate {lr:5g}: training loss epoch 1 {h['loss'][0]:.3f}, "
          f"epoch {epochs} {h['loss'][-1]:.3f}")

# %%
# Constant versus decayed
# -----------------------
# The same network with the three schedules above, and with a constant rate of 0.1
# that ``ReduceLROnPlateau(factor=0.5, patience=2)`` halves whenever the validation
# loss has not improved for two epochs.

schedule_runs = {name: train(s) for name, s in schedules().items()}
plateau = keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=2)
schedule_runs["reduce on plateau"] = train(base, [plateau])
for name, h in schedule_runs.items():
    print(f"{name:>17s}: final training loss {h['loss'][-1]:.4f}, validation loss "
          f"{h['val_loss'][-1]:.4f}, validation accuracy {h['val_accuracy'][-1]:.3f}")
print(f"reduce on plateau: final rate {schedule_runs['reduce on plateau']['learning_rate'][-1]:g}")

fig, (ax_lr, ax_rate, ax_cmp) = plt.subplots(1, 3, figsize=(12.5, 4.0))
for color, (name, lr) in zip(PALETTE, curves.items(), strict=False):
    ax_lr.plot(steps / steps_per_epoch, lr, color=color, lw=2.5, label=name)
ax_lr.plot(np.arange(epochs), schedule_runs["reduce on plateau"]["learning_rate"],
           color=PALETTE[3], lw=2.5, drawstyle="steps-post", label="reduce on plateau")
ax_lr.set(xlabel="epoch", ylabel="learning rate", title="schedules", ylim=(0, 0.16))
ax_lr.legend(fontsize=9, ncol=2, loc="upper right")
epoch_axis = np.arange(1, epochs + 1)
for color, (lr, h) in zip(PALETTE, rate_runs.items(), strict=False):
    ax_rate.plot(epoch_axis, h["loss"], color=color, lw=2.5, label=f"rate {lr:g}")
ax_rate.set(xlabel="epoch", ylabel="training loss", yscale="log", title="constant rates")
ax_rate.legend(fontsize=9)
for color, (name, h) in zip(PALETTE, schedule_runs.items(), strict=False):
    ax_cmp.plot(epoch_axis, h["loss"], color=color, lw=2.5, label=name)
ax_cmp.set(xlabel="epoch", ylabel="training loss", yscale="log", title="rate 0.1, scheduled")
ax_cmp.legend(fontsize=9)
fig.suptitle(bilingual_title("Learning-rate schedules", "학습률 스케줄"), fontsize=15)
fig.tight_layout()

# %%
# Reading the figure
# ------------------
# With rate 0.003 the loss falls slowly and steadily: the rate is too small, training
# would need many more epochs. With rate 3.0 the loss jumps up at once and stays high:
# the steps overshoot the minimum. Rate 0.1 falls fast, then jitters.
#
# The schedules differ in how much large-step training they keep. Exponential decay by
# 0.9 per epoch leaves a rate of 0.004 after 30 epochs; it shrank too early, and its
# training loss ends the highest of the four. Cosine decay with warm-up and
# ``ReduceLROnPlateau`` keep large steps for longer and small ones at the end: in this
# run they end with the lowest validation loss and the best validation accuracy. The
# constant rate reaches the lowest training loss but ends on a worse validation loss, a
# sign that its last steps still jump around. Which schedule wins depends on its
# settings; each one adds hyperparameters to choose on the validation set.

# sphinx_gallery_thumbnail_number = 1

plt.show()
