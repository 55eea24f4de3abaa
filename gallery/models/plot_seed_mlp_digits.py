"""
===============
The classic MLP
===============

The notes' first Keras model, ``Flatten`` → ``Dense(128, relu)`` → ``Dropout(0.2)`` →
``Dense(10, softmax)``, trained on small 8x8 handwritten digits. You will see the
learning curves, the test accuracy, a confusion matrix that shows which digits get
mixed up, and a few of the images the model gets wrong.
"""

# %%
# Setup
# -----
# :func:`~dlref.models.import_keras` imports Keras, and TensorFlow without the
# start-up log lines it writes to the terminal.
# One call to ``keras.utils.set_random_seed`` makes the weights and the training
# reproducible.

from dlref.models import import_keras

keras = import_keras()  # without TensorFlow's start-up lines on stderr

import matplotlib.pyplot as plt
import numpy as np
from sklearn.metrics import ConfusionMatrixDisplay

from dlref.datasets import load_digits_images
from dlref.models import seed_model
from dlref.plotting import use_style

use_style()
keras.utils.set_random_seed(0)

# %%
# The data
# --------
# :func:`dlref.datasets.load_digits_images` returns scikit-learn's 1797 handwritten
# digits in the layout of ``keras.datasets.mnist.load_data()``: ``uint8`` images
# (here 8x8 pixels instead of 28x28) and integer labels 0-9. Like MNIST, the pixel
# values go from 0 to 255, so we divide by 255 to bring them into [0, 1].

(x_train, y_train), (x_test, y_test) = load_digits_images()
x_train = x_train / 255.0
x_test = x_test / 255.0
print(f"train: {x_train.shape}, test: {x_test.shape}, labels: {np.unique(y_train)}")

fig, axes = plt.subplots(1, 10, figsize=(8.0, 1.4))
for digit, ax in enumerate(axes):
    ax.imshow(x_train[np.flatnonzero(y_train == digit)[0]], cmap="gray_r")
    ax.set_title(str(digit))
    ax.set_axis_off()
fig.suptitle("One training image per class")
fig.tight_layout()

# %%
# The model
# ---------
# :func:`dlref.models.seed_model` builds the notes' model, with the input shape
# changed to 8x8. ``Flatten`` turns each image into a vector of 64 numbers, the
# hidden ``Dense`` layer has 128 ReLU units, ``Dropout`` switches off 20% of them at
# random during training, and the softmax output gives one probability per digit.
# It is compiled with Adam and sparse categorical crossentropy (integer labels).

model = seed_model(input_shape=(8, 8))
model.summary()

# %%
# Training
# --------
# To keep the example short, the 450 held-out images play two roles. Keras
# evaluates them after every epoch (``validation_data``), which gives the
# validation curves, and the final evaluation on them is the test accuracy. In a
# real project, keep a separate validation split for decisions such as the number
# of epochs, and touch the test set only once at the end.

history = model.fit(
    x_train,
    y_train,
    epochs=20,
    batch_size=32,
    validation_data=(x_test, y_test),
    verbose=0,
)
test_loss, test_accuracy = model.evaluate(x_test, y_test, verbose=0)
print(f"final training accuracy: {history.history['accuracy'][-1]:.4f}")
print(f"test loss: {test_loss:.4f}, test accuracy: {test_accuracy:.4f}")

# %%
# Learning curves
# ---------------
# One point per epoch. The training numbers are averaged over the epoch with
# dropout switched on; the validation numbers are computed at the end of the epoch
# with dropout switched off.

epochs = np.arange(1, len(history.history["loss"]) + 1)
fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(8.0, 3.6))
for ax, key, label in ((ax_loss, "loss", "loss"), (ax_acc, "accuracy", "accuracy")):
    ax.plot(epochs, history.history[key], label="train")
    ax.plot(epochs, history.history[f"val_{key}"], label="validation")
    ax.set(xlabel="epoch", ylabel=label)
    ax.legend()
ax_loss.set_title("Loss")
ax_acc.set_title("Accuracy")
fig.tight_layout()

# %%
# Confusion matrix
# ----------------
# Row *i*, column *j* counts the test images of digit *i* that the model labels
# *j*. The predicted label is the ``argmax`` of the 10 softmax probabilities.

probabilities = model.predict(x_test, verbose=0)
y_pred = probabilities.argmax(axis=1)
wrong = np.flatnonzero(y_pred != y_test)
print(f"misclassified: {wrong.size} of {y_test.size} test images")
pairs, counts = np.unique(
    np.stack([y_test[wrong], y_pred[wrong]], axis=1), axis=0, return_counts=True
)
true_digit, pred_digit = pairs[counts.argmax()]
print(f"most frequent mistake: {true_digit} predicted as {pred_digit} ({counts.max()} times)")
confidence = probabilities.max(axis=1)
print(
    f"mean probability of the predicted class: {confidence[y_pred == y_test].mean():.2f} "
    f"when right, {confidence[wrong].mean():.2f} when wrong"
)

fig, ax = plt.subplots(figsize=(5.6, 5.0))
ConfusionMatrixDisplay.from_predictions(y_test, y_pred, ax=ax, colorbar=False, cmap="Blues")
ax.grid(False)
ax.set(xlabel="predicted label", ylabel="true label")
ax.set_title("Confusion matrix")
fig.tight_layout()

# %%
# Misclassified digits
# --------------------
# The first few test images the model gets wrong, with the true label, the
# predicted label and the probability the model gave to its (wrong) prediction.

shown = wrong[:8]
fig, axes = plt.subplots(1, len(shown), figsize=(8.0, 2.0), squeeze=False)
for ax, i in zip(axes[0], shown, strict=True):
    ax.imshow(x_test[i], cmap="gray_r")
    ax.set_title(f"true {y_test[i]}\npred {y_pred[i]} ({probabilities[i].max():.2f})", fontsize=9)
    ax.set_axis_off()
fig.suptitle("Misclassified test digits")
fig.tight_layout()

# %%
# Reading the figures
# -------------------
# Both loss curves fall quickly during the first epochs and then flatten. The
# final training accuracy (with dropout on) and the test accuracy printed above
# are close, so this small model does not overfit badly in 20 epochs; the gap
# between the curves is the thing to watch when you train longer or use a bigger
# model. Most of the confusion matrix's weight is on the diagonal; the largest
# off-diagonal cell (printed as the most frequent mistake) shows which pair of
# digits looks most alike to the model at 8x8 pixels. Several misclassified
# images are hard to read even for a person, and the printed mean probabilities
# show that the model is less sure of itself when it is wrong than when it is
# right.

# sphinx_gallery_thumbnail_number = 3

plt.show()
