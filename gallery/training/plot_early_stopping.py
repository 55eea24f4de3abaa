"""
=========================================================================
Under- and overfitting, early stopping · 과소적합, 과대적합과 조기 종료
=========================================================================

Three data sets do three jobs: the training set fits the weights, the validation
set chooses *when to stop* and *which model to keep*, and the test set, touched once
at the end, reports how well the choice works on new data. This example measures the
learning curves of a network that is too small (underfitting) and one that is far too
large for its data (overfitting), lets ``keras.callbacks.EarlyStopping`` stop the large
one at its best validation loss, and shows that more training data helps more than
anything else.
"""

# %%
# Three splits
# ------------
# The dropout example's setting: 150 training images of 8x8 digits, a fifth of their
# labels replaced by random digits. The 1347 images of the training part of
# :func:`dlref.datasets.load_digits_images` give the 150 training images and 300
# validation images; the 450 held-out images are the test set.

from dlref.models import import_keras

keras = import_keras()  # without TensorFlow's start-up lines on stderr

import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

from dlref.datasets import load_digits_images
from dlref.models import build_mlp
from dlref.plotting import PALETTE, bilingual_title, use_style

use_style()
rng = np.random.default_rng(0)

(x_pool, y_pool), (x_test, y_test) = load_digits_images()
x_pool = x_pool.reshape(len(x_pool), -1).astype("float32") / 255.0
x_test = x_test.reshape(len(x_test), -1).astype("float32") / 255.0
n_train, n_val, noise = 150, 300, 0.2
x_train, y_train = x_pool[:n_train], y_pool[:n_train].copy()
x_val, y_val = x_pool[n_train:n_train + n_val], y_pool[n_train:n_train + n_val]
relabel = rng.random(n_train) < noise
y_train[relabel] = rng.integers(0, 10, size=relabel.sum())
print(f"train {x_train.shape[0]}, validation {x_val.shape[0]}, test {x_test.shape[0]}")


def batches(x, y, batch_size=50, shuffle=True):
    data = tf.data.Dataset.from_tensor_slices((x, y)).cache()
    if shuffle:
        data = data.shuffle(len(x), seed=0)
    return data.batch(batch_size)


# Each run gets a fresh training dataset: a dataset object continues its sequence of
# shuffles from one ``fit`` to the next, and the runs should see the same batches.
val_data = batches(x_val, y_val, 300, shuffle=False)

# %%
# Underfitting and overfitting, measured
# --------------------------------------
# A network with one hidden layer of 2 units cannot represent ten digit classes
# well: training and validation loss stay high together (underfitting). Two hidden
# layers of 512 units, about 300 000 weights for 150 images, learn the training set
# by heart, wrong labels included: the training loss keeps falling while the
# validation loss turns back up (overfitting). Both are trained with Adam at learning
# rate 0.005 for 30 epochs.

epochs, lr = 30, 0.005
histories = {}
for name, units in (("2 units", (2,)), ("512 x 512", (512, 512))):
    model = build_mlp((64,), hidden_units=units, dropout=0.0, learning_rate=lr, seed=0)
    histories[name] = model.fit(batches(x_train, y_train), epochs=epochs, validation_data=val_data,
                                shuffle=False, verbose=0).history
for name, h in histories.items():
    best = int(np.argmin(h["val_loss"]))
    print(f"{name:>10s}: train loss {h['loss'][-1]:.3f}, val loss {h['val_loss'][-1]:.3f}, "
          f"lowest val loss {h['val_loss'][best]:.3f} at epoch {best + 1}")

# %%
# Early stopping
# --------------
# ``EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True)`` stops
# training once the validation loss has not improved for 5 epochs and puts back the
# weights of the best epoch. We train the large network again from the same seed and
# compare, on the test set, the restored weights with the weights of the last epoch of
# the full 30-epoch run.

stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=5,
                                        restore_best_weights=True)
early = build_mlp((64,), hidden_units=(512, 512), dropout=0.0, learning_rate=lr, seed=0)
h_early = early.fit(batches(x_train, y_train), epochs=epochs, validation_data=val_data,
                    shuffle=False, callbacks=[stopper], verbose=0).history
print(f"stopped after epoch {stopper.stopped_epoch + 1}, "
      f"best epoch {stopper.best_epoch + 1}")
full_loss, full_acc = model.evaluate(x_test, y_test, verbose=0)
early_loss, early_acc = early.evaluate(x_test, y_test, verbose=0)
print(f"test, last of 30 epochs  : loss {full_loss:.3f}, accuracy {full_acc:.3f}")
print(f"test, early stopping     : loss {early_loss:.3f}, accuracy {early_acc:.3f}")

fig, axes = plt.subplots(1, 2, figsize=(9.5, 4.2), sharey=True)
epoch_axis = np.arange(1, epochs + 1)
for ax, (name, h) in zip(axes, histories.items(), strict=True):
    ax.plot(epoch_axis, h["loss"], color=PALETTE[0], lw=2.5, label="training")
    ax.plot(epoch_axis, h["val_loss"], color=PALETTE[1], lw=2.5, ls="--", label="validation")
    ax.set(xlabel="epoch", title=name, yscale="log")
axes[0].set_ylabel("loss (crossentropy)")
best_epoch = stopper.best_epoch + 1
axes[1].axvline(best_epoch, color=PALETTE[2], lw=2, ls=":", label="best (restored)")
axes[1].axvline(stopper.stopped_epoch + 1, color="0.4", lw=1.5, ls="-.", label="stopped")
axes[1].legend(fontsize=10, loc="lower left")
fig.suptitle(bilingual_title("Underfitting and overfitting", "과소적합과 과대적합"), fontsize=15)
fig.tight_layout()

# %%
# More data is the strongest regulariser
# --------------------------------------
# The same large network (with clean labels now) trained on growing subsets of the
# 1047 images not used for validation, for a fixed number of 200 weight updates each, and
# evaluated on the validation set.

x_rest = np.concatenate([x_pool[:n_train], x_pool[n_train + n_val:]])
y_rest = np.concatenate([y_pool[:n_train], y_pool[n_train + n_val:]])
sizes = [50, 100, 200, 400, 1047]
curve = []
for n in sizes:
    net = build_mlp((64,), hidden_units=(512, 512), dropout=0.0, learning_rate=lr, seed=0)
    data = batches(x_rest[:n], y_rest[:n]).repeat()
    net.fit(data, epochs=1, steps_per_epoch=200, shuffle=False, verbose=0)
    train_acc = net.evaluate(x_rest[:n], y_rest[:n], verbose=0)[1]
    val_acc = net.evaluate(x_val, y_val, verbose=0)[1]
    curve.append((train_acc, val_acc))
    print(f"{n:5d} training images: train accuracy {train_acc:.3f}, "
          f"validation accuracy {val_acc:.3f}")

fig, ax = plt.subplots(figsize=(6.4, 4.2))
train_accs, val_accs = np.array(curve).T
ax.plot(sizes, train_accs, color=PALETTE[0], lw=2.5, marker="o", label="training")
ax.plot(sizes, val_accs, color=PALETTE[1], lw=2.5, ls="--", marker="o", label="validation")
ax.set(xscale="log", xlabel="training images", ylabel="accuracy", ylim=(0.5, 1.02))
ax.legend(fontsize=11, loc="lower right")
ax.set_title(bilingual_title("Accuracy vs data size", "데이터 크기와 정확도"))
fig.tight_layout()

# %%
# Reading the figures
# -------------------
# The small network's two curves stay high and close together: it does not even fit its
# training data, and it needs more capacity, not a penalty. The large network's curves
# separate: its training loss falls towards zero, its validation loss reaches a minimum
# after a few epochs and then climbs as it memorises the wrong labels. Early stopping
# picks that minimum from the validation set alone and gives lower test loss than the
# full run. The last figure shows the gap between training and validation accuracy closing
# as the data grows: the same network that overfits 50 images generalises well from a
# thousand.

# sphinx_gallery_thumbnail_number = 1

plt.show()
