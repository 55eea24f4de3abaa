"""
======================================
Under- and overfitting, early stopping
======================================

Three data sets do three jobs: the training set fits the weights, the validation
set chooses *when to stop* and *which model to keep*, and the test set, touched once
at the end, reports how well the choice works on new data. This example measures the
learning curves of a network that is too small (underfitting) and one that is far too
large for its data (overfitting), lets ``keras.callbacks.EarlyStopping`` stop the large
one at its best validation loss, and shows how much more training data helps. Every run
is repeated from three seeds.
"""

# %%
# Three splits
# ------------
# The dropout example's setting: 150 training images of 8x8 digits, a fifth of them
# given a random digit as label, which leaves 22 labels wrong (a random digit can hit
# the right one). The 1347 images of the training part of
# :func:`dlref.datasets.load_digits_images` give the 150 training images and 300
# validation images; the 450 held-out images are the test set.

from dlref.models import import_keras

keras = import_keras()  # without TensorFlow's start-up lines on stderr

import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

from dlref.datasets import load_digits_images
from dlref.models import build_mlp, restart
from dlref.plotting import PALETTE, use_style

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
wrong = int(np.sum(y_train != y_pool[:n_train]))
print(f"train {x_train.shape[0]} ({wrong} labels wrong), validation {x_val.shape[0]}, "
      f"test {x_test.shape[0]}")

# sphinx_gallery_start_ignore
assert wrong == 22, "the pages and examples say 22 of the 150 training labels are wrong"
# sphinx_gallery_end_ignore


lr = 0.005


def batches(x, y, seed, batch_size=50):
    return (tf.data.Dataset.from_tensor_slices((x, y)).cache()
            .shuffle(len(x), seed=seed).batch(batch_size))


val_data = tf.data.Dataset.from_tensor_slices((x_val, y_val)).batch(300).cache()


compiled = {}  # one compiled network per shape, restarted for every run


def network(units, seed):
    """The network with hidden layers ``units``, at ``seed``'s initial weights."""
    twin = build_mlp((64,), hidden_units=units, dropout=0.0, learning_rate=lr, seed=seed)
    model = compiled.setdefault(units, twin)
    restart(model, twin)
    return model


def memorised(model):
    """Share of the wrongly labelled training images that the model gives their wrong label."""
    scores = keras.ops.convert_to_numpy(model(x_train[is_wrong], training=False))
    return float(np.mean(scores.argmax(axis=1) == y_train[is_wrong]))


is_wrong = y_train != y_pool[:n_train]


def test_scores(model):
    """Test loss and accuracy; a direct call on the arrays, like ``evaluate`` but untraced."""
    probabilities = model(x_test, training=False)
    loss = keras.losses.sparse_categorical_crossentropy(y_test, probabilities)
    hits = keras.ops.argmax(probabilities, axis=1) == y_test
    return float(keras.ops.mean(loss)), float(keras.ops.mean(keras.ops.cast(hits, "float32")))


# %%
# Underfitting and overfitting, measured
# --------------------------------------
# A network with one hidden layer of 2 units cannot represent ten digit classes
# well: training and validation loss stay high together (underfitting). Two hidden
# layers of 512 units, about 300 000 weights for 150 images, learn the training set
# by heart, wrong labels included: the training loss keeps falling while the
# validation loss turns back up (overfitting). Both are trained with Adam at learning
# rate 0.005 for 20 epochs, from three seeds; the seed sets the initial weights and
# the order of the batches. Each shape is compiled once and restarted from each seed's
# initial weights (``restart`` above).

seeds, epochs = (0, 1, 2), 20
shapes = {"2 units": (2,), "512 x 512": (512, 512)}
histories = {name: [] for name in shapes}
full_scores = []  # test loss and accuracy of the 512 x 512 networks after all their epochs
for seed in seeds:
    for name, units in shapes.items():
        model = network(units, seed)
        h = model.fit(batches(x_train, y_train, seed), epochs=epochs, validation_data=val_data,
                      shuffle=False, verbose=0).history
        histories[name].append(h)
    full_scores.append((*test_scores(model), memorised(model)))
curves = {name: {key: np.array([h[key] for h in hs]) for key in ("loss", "val_loss")}
          for name, hs in histories.items()}
for name, c in curves.items():
    best = c["val_loss"].argmin(axis=1) + 1
    print(f"{name:>10s}: train loss {c['loss'][:, -1].mean():.3f}, "
          f"val loss {c['val_loss'][:, -1].mean():.3f}, lowest val loss "
          f"{c['val_loss'].min(axis=1).mean():.3f} at epochs {', '.join(map(str, best))}")

# sphinx_gallery_start_ignore
# The claims of overfitting-and-regularisation.md ("Learning curves") on every seed.
small, large = curves["2 units"], curves["512 x 512"]
assert np.all(small["loss"][:, -1] > 1.0) and np.all(small["val_loss"][:, -1] > 1.0), \
    "2 units underfit: both losses stay high"
assert np.all(np.abs(small["val_loss"][:, -1] - small["loss"][:, -1]) < 0.2), \
    "2 units underfit: the two losses stay close together"
assert np.all(large["loss"][:, -1] < 0.05), "512 x 512: the training loss goes towards zero"
large_best = large["val_loss"].argmin(axis=1) + 1
assert np.all((large_best >= 8) & (large_best <= 11)), \
    "512 x 512: the validation loss has its minimum after 8 to 11 epochs"
assert np.all(large["val_loss"][:, -1] > 1.3 * large["val_loss"].min(axis=1)), \
    "512 x 512: the validation loss climbs again after its minimum"
# sphinx_gallery_end_ignore

# %%
# Early stopping
# --------------
# ``EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True)`` stops
# training once the validation loss has not improved for 5 epochs and puts back the
# weights of the best epoch. We train the large network again from each seed and
# compare, on the test set, the restored weights with the weights of the last epoch of
# the full 20-epoch run.

stops = []
for seed, (full_loss, full_acc, full_memo) in zip(seeds, full_scores, strict=True):
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=5,
                                            restore_best_weights=True)
    early = network((512, 512), seed)
    early.fit(batches(x_train, y_train, seed), epochs=epochs, validation_data=val_data,
              shuffle=False, callbacks=[stopper], verbose=0)
    early_loss, early_acc = test_scores(early)
    stops.append((stopper.best_epoch + 1, stopper.stopped_epoch + 1, full_loss, full_acc,
                  early_loss, early_acc, full_memo, memorised(early)))
    print(f"seed {seed}: best epoch {stopper.best_epoch + 1}, stopped after epoch "
          f"{stopper.stopped_epoch + 1}; test loss {full_loss:.3f} -> {early_loss:.3f}, "
          f"test accuracy {full_acc:.3f} -> {early_acc:.3f} (last of {epochs} epochs -> restored)")

# sphinx_gallery_start_ignore
# The claims of overfitting-and-regularisation.md ("Early stopping") on every seed.
best_epochs, stopped, full_loss, full_acc, early_loss, early_acc, full_memo, early_memo = \
    np.array(stops).T
assert np.all(stopped - best_epochs == 5), "training stops five epochs after the minimum"
assert np.all(best_epochs - 1 == large["val_loss"].argmin(axis=1)), \
    "the early-stopping run retraces the full run up to its minimum"
assert np.all(early_loss < full_loss) and np.all(early_acc > full_acc), \
    "the restored weights have a lower test loss and a higher test accuracy"
assert np.all(full_memo > 0.9) and np.all(early_memo < full_memo - 0.2), \
    "after its minimum the validation loss climbs as the network memorises the wrong labels"
# sphinx_gallery_end_ignore

fig, axes = plt.subplots(1, 2, figsize=(9.5, 4.2), sharey=True)
epoch_axis = np.arange(1, epochs + 1)
for ax, (name, c) in zip(axes, curves.items(), strict=True):
    for key, color, style, label in (("loss", PALETTE[0], "-", "training"),
                                     ("val_loss", PALETTE[1], "--", "validation")):
        ax.plot(epoch_axis, c[key].mean(axis=0), color=color, lw=2.5, ls=style, label=label)
        ax.fill_between(epoch_axis, c[key].min(axis=0), c[key].max(axis=0), color=color,
                        alpha=0.2, lw=0)
    ax.set(xlabel="epoch", title=name, yscale="log", xticks=range(0, epochs + 1, 5))
axes[0].set_ylabel("loss (crossentropy)")
for i, best in enumerate(best_epochs):
    axes[1].axvline(best, color=PALETTE[2], lw=1.5, ls=":",
                    label="best epoch of each seed (restored)" if i == 0 else None)
axes[1].legend(fontsize=10, loc="lower left")
fig.suptitle("Underfitting and overfitting", fontsize=15)
fig.tight_layout()

# %%
# More data
# ---------
# The same large network (with clean labels now) trained on growing subsets of the
# 1047 images not used for validation, for a fixed number of 100 weight updates each,
# from the same three seeds, and measured on its own training images and on the
# validation set.


def accuracy(model, x, y):
    """Share of correct answers; a direct call on the arrays, no ``evaluate`` needed."""
    scores = keras.ops.convert_to_numpy(model(x, training=False))
    return float(np.mean(scores.argmax(axis=1) == y))


x_rest = np.concatenate([x_pool[:n_train], x_pool[n_train + n_val:]])
y_rest = np.concatenate([y_pool[:n_train], y_pool[n_train + n_val:]])
sizes = [50, 200, 1047]
train_accs, val_accs = np.zeros((len(seeds), len(sizes))), np.zeros((len(seeds), len(sizes)))
for i, seed in enumerate(seeds):
    for j, n in enumerate(sizes):
        net = network((512, 512), seed)
        net.fit(batches(x_rest[:n], y_rest[:n], seed).repeat(), epochs=1, steps_per_epoch=100,
                shuffle=False, verbose=0)
        train_accs[i, j] = accuracy(net, x_rest[:n], y_rest[:n])
        val_accs[i, j] = accuracy(net, x_val, y_val)
for j, n in enumerate(sizes):
    print(f"{n:5d} training images: train accuracy {train_accs[:, j].mean():.3f}, "
          f"validation accuracy {val_accs[:, j].mean():.3f} "
          f"({val_accs[:, j].min():.3f}-{val_accs[:, j].max():.3f})")

# sphinx_gallery_start_ignore
# The claims of overfitting-and-regularisation.md ("More data") on every seed.
assert np.all(train_accs > 0.9), "training accuracy stays near 1 at every size"
assert np.all(np.diff(val_accs, axis=1) > 0) and np.all(val_accs[:, -1] - val_accs[:, 0] > 0.1), \
    "validation accuracy climbs with the data, better and better"
assert 0.74 < val_accs[:, 0].mean() < 0.82 and 0.95 < val_accs[:, -1].mean() < 0.99, \
    "validation accuracy rises from about 0.78 to about 0.97 (the figure's mean line)"
gap = train_accs - val_accs
assert np.all(gap[:, -1] < gap[:, 0] / 2), "the gap between training and validation closes"
# sphinx_gallery_end_ignore

fig, ax = plt.subplots(figsize=(6.4, 4.2))
for accs, color, style, label in ((train_accs, PALETTE[0], "-", "training"),
                                  (val_accs, PALETTE[1], "--", "validation")):
    ax.plot(sizes, accs.mean(axis=0), color=color, lw=2.5, ls=style, marker="o", label=label)
    ax.fill_between(sizes, accs.min(axis=0), accs.max(axis=0), color=color, alpha=0.2, lw=0)
ax.set(xscale="log", xlabel="training images", ylabel="accuracy", ylim=(0.5, 1.02))
ax.legend(fontsize=11, loc="lower right")
ax.set_title("Accuracy vs data size")
fig.tight_layout()

# %%
# Reading the figures
# -------------------
# Lines are the mean over the three seeds, bands span the lowest to the highest seed.
# The small network's two curves stay high and close together: it does not even fit
# its training data, and it needs more capacity, not a penalty. The large network's
# curves separate: its training loss falls towards zero, its validation loss reaches a
# minimum after a few epochs and then climbs as it memorises the wrong labels. Early
# stopping picks that minimum from the validation set alone, and on every seed the
# restored weights have a lower test loss and a higher test accuracy than the full
# run. The last figure shows the gap between training and validation accuracy closing
# as the data grows: the same network that overfits 50 images generalises well from a
# thousand.

# sphinx_gallery_thumbnail_number = 1

plt.show()
