"""Offline image datasets shaped like ``keras.datasets.mnist.load_data()``.

Nothing here downloads: :func:`load_digits_images` rebuilds an MNIST look-alike from
the 8x8 digits bundled with scikit-learn, and :func:`load_mnist` reads an
``mnist.npz`` file that is already on disk.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from ._i18n import _
from ._validation import check_number

__all__ = ["MNIST_URL", "load_digits_images", "load_mnist"]

#: Where Keras downloads MNIST from (``keras.datasets.mnist.load_data``).
MNIST_URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz"

_MNIST_KEYS = ("x_train", "y_train", "x_test", "y_test")

Split = tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


def load_digits_images(test_size: float = 0.25, seed: int | None = 0) -> Split:
    """Load scikit-learn's 8x8 handwritten digits as MNIST-style uint8 images.

    The 1797 images of :func:`sklearn.datasets.load_digits` hold grey levels
    0..16; they are rescaled to 0..255 (``round(v * 255 / 16)``) and stored as
    ``uint8``, like MNIST.  The split is stratified
    (:func:`sklearn.model_selection.train_test_split`), so every digit keeps its
    share in both parts.  The data ship with scikit-learn: nothing is downloaded.

    Parameters
    ----------
    test_size : float, default 0.25
        Fraction of the images in the test split, in :math:`(0, 1)`.
    seed : int or None, default 0
        ``random_state`` of the split; None gives a different split each call.

    Returns
    -------
    tuple
        ``((x_train, y_train), (x_test, y_test))``: images of shape ``(n, 8, 8)`` and
        labels of shape ``(n,)``, all ``uint8``.

    Raises
    ------
    ValueError
        If ``test_size`` is not in :math:`(0, 1)` or ``seed`` is negative.
    TypeError
        If ``test_size`` or ``seed`` has the wrong type.
    ModuleNotFoundError
        If scikit-learn is not installed.

    See Also
    --------
    load_mnist : The real MNIST, from a local file.

    Examples
    --------
    >>> from dlref.datasets import load_digits_images
    >>> (x_train, y_train), (x_test, y_test) = load_digits_images()
    >>> x_train.shape, x_test.shape, x_train.dtype, y_train.dtype
    ((1347, 8, 8), (450, 8, 8), dtype('uint8'), dtype('uint8'))
    >>> int(x_train.min()), int(x_train.max())
    (0, 255)
    >>> x = x_train / 255.0  # scale to [0, 1] before training, as for MNIST
    """
    test_size = check_number(
        "test_size", test_size, low=0.0, high=1.0, low_inclusive=False, high_inclusive=False
    )
    if seed is not None:
        if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
            raise TypeError(
                _("seed must be None or a non-negative integer; got {type} {value!r}.",
                  type=type(seed).__name__, value=seed)
            )
        if seed < 0:
            raise ValueError(
                _("seed must be a non-negative integer; got {value!r}.", value=seed)
            )
    try:
        from sklearn.datasets import load_digits
        from sklearn.model_selection import train_test_split
    except ModuleNotFoundError as exc:  # sklearn is only a docs extra of dlref
        raise ModuleNotFoundError(
            _("load_digits_images needs scikit-learn (it ships the digits data); install it "
              "with: pip install scikit-learn")
        ) from exc

    digits = load_digits()
    images = np.round(digits.images * (255.0 / 16.0)).astype(np.uint8)
    labels = digits.target.astype(np.uint8)
    n_test = int(np.ceil(test_size * len(labels)))
    n_classes = len(np.unique(labels))
    if not n_classes <= n_test <= len(labels) - n_classes:
        raise ValueError(
            _("test_size={test_size!r} gives {n_test} test images; a stratified split of "
              "{n} images into {k} classes needs between {k} and {most}.",
              test_size=test_size, n_test=n_test, n=len(labels), k=n_classes,
              most=len(labels) - n_classes)
        )
    x_train, x_test, y_train, y_test = train_test_split(
        images, labels, test_size=test_size, stratify=labels, random_state=seed
    )
    return (x_train, y_train), (x_test, y_test)


def load_mnist(path: str | os.PathLike[str]) -> Split:
    """Read MNIST from a local Keras-format ``mnist.npz`` file (never downloads).

    The file is the one ``keras.datasets.mnist.load_data()`` caches in
    ``~/.keras/datasets/mnist.npz``; it holds the arrays ``x_train``, ``y_train``,
    ``x_test`` and ``y_test``.

    Parameters
    ----------
    path : str or os.PathLike
        The ``.npz`` file, or a directory containing ``mnist.npz``.

    Returns
    -------
    tuple
        ``((x_train, y_train), (x_test, y_test))``, the four arrays exactly as stored
        (for MNIST: ``uint8`` images of shape ``(n, 28, 28)`` and ``uint8`` labels).

    Raises
    ------
    FileNotFoundError
        If the file does not exist; the message says how to get it.
    ValueError
        If the file is not an ``.npz`` archive, lacks one of the four keys, or the
        images and labels of a split differ in length.
    TypeError
        If ``path`` is not a string or path.

    See Also
    --------
    load_digits_images : An offline stand-in with the same layout.

    Examples
    --------
    >>> import os, tempfile
    >>> import numpy as np
    >>> from dlref.datasets import load_mnist
    >>> path = os.path.join(tempfile.mkdtemp(), "mnist.npz")
    >>> img = np.zeros((3, 28, 28), np.uint8)
    >>> np.savez(path, x_train=img, y_train=np.arange(3, dtype=np.uint8),
    ...          x_test=img[:1], y_test=np.zeros(1, np.uint8))
    >>> (x_train, y_train), (x_test, y_test) = load_mnist(path)
    >>> x_train.shape, y_train.tolist(), x_test.shape
    ((3, 28, 28), [0, 1, 2], (1, 28, 28))
    >>> load_mnist("no/such/mnist.npz")
    Traceback (most recent call last):
    ...
    FileNotFoundError: MNIST file not found: 'no/such/mnist.npz'. ...
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(
            _("path must be a str or os.PathLike to an mnist.npz file; got {type} {value!r}.",
              type=type(path).__name__, value=path)
        )
    p = Path(path)
    if p.is_dir():
        p = p / "mnist.npz"
    if not p.is_file():
        raise FileNotFoundError(
            _("MNIST file not found: {path!r}. dlref never downloads; get the file once with "
              '`python -c "import keras; keras.datasets.mnist.load_data()"` (it is saved as '
              "~/.keras/datasets/mnist.npz) or from {url}, then pass its path.",
              path=str(p), url=MNIST_URL)
        )
    try:
        data = np.load(p, allow_pickle=False)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise ValueError(
            _("{path!r} is not a readable .npz archive: {error}", path=str(p), error=exc)
        ) from exc
    if not isinstance(data, np.lib.npyio.NpzFile):  # a bare .npy holds one array, no keys
        raise ValueError(
            _("{path!r} holds a single array, not an .npz archive with the keys {keys}.",
              path=str(p), keys=list(_MNIST_KEYS))
        )
    with data:
        found = list(data.files)
        missing = [k for k in _MNIST_KEYS if k not in found]
        if missing:
            raise ValueError(
                _("{path!r} lacks the key(s) {missing}; a Keras mnist.npz holds {keys}, this "
                  "file holds {found}.", path=str(p), missing=missing, keys=list(_MNIST_KEYS),
                  found=found)
            )
        arrays: dict[str, Any] = {k: data[k] for k in _MNIST_KEYS}
    for split in ("train", "test"):
        nx, ny = len(arrays[f"x_{split}"]), len(arrays[f"y_{split}"])
        if nx != ny:
            raise ValueError(
                _("{path!r}: x_{split} has {nx} images but y_{split} has {ny} labels.",
                  path=str(p), split=split, nx=nx, ny=ny)
            )
    return (arrays["x_train"], arrays["y_train"]), (arrays["x_test"], arrays["y_test"])
