"""dlref.datasets: offline digits in MNIST layout, and reading a local mnist.npz."""

from __future__ import annotations

import subprocess
import sys
from functools import partial

import bad_input
import numpy as np
import pytest

from dlref.datasets import MNIST_URL, load_digits_images, load_mnist


def test_digits_have_mnist_layout():
    (x_train, y_train), (x_test, y_test) = load_digits_images()
    assert x_train.shape == (1347, 8, 8) and x_test.shape == (450, 8, 8)
    assert y_train.shape == (1347,) and y_test.shape == (450,)
    for a in (x_train, y_train, x_test, y_test):
        assert a.dtype == np.uint8
    assert x_train.min() == 0 and x_train.max() == 255
    assert set(np.unique(y_train)) == set(range(10))


def test_digits_values_are_sklearn_rescaled():
    sklearn_datasets = pytest.importorskip("sklearn.datasets")
    digits = sklearn_datasets.load_digits()
    (x_train, _), (x_test, _) = load_digits_images()
    ours = np.sort(np.concatenate([x_train, x_test]).reshape(len(digits.images), -1), axis=0)
    theirs = np.sort(np.round(digits.images * 255 / 16).reshape(len(digits.images), -1), axis=0)
    np.testing.assert_array_equal(ours, theirs)
    # 16 grey levels map onto 0..255 exactly at the ends.
    assert set(np.unique(np.concatenate([x_train, x_test]))) <= {
        round(v * 255 / 16) for v in range(17)
    }


def test_digits_split_is_stratified_and_seeded():
    (_, y_train), (_, y_test) = load_digits_images(test_size=0.2, seed=1)
    assert len(y_test) == 360
    share_train = np.bincount(y_train, minlength=10) / len(y_train)
    share_test = np.bincount(y_test, minlength=10) / len(y_test)
    np.testing.assert_allclose(share_train, share_test, atol=0.01)
    (a, _), _ = load_digits_images(seed=1)
    (b, _), _ = load_digits_images(seed=1)
    (c, _), _ = load_digits_images(seed=2)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


def _write_npz(path, **overrides):
    arrays = {
        "x_train": np.arange(2 * 28 * 28, dtype=np.uint8).reshape(2, 28, 28),
        "y_train": np.array([3, 7], dtype=np.uint8),
        "x_test": np.zeros((1, 28, 28), dtype=np.uint8),
        "y_test": np.array([5], dtype=np.uint8),
    }
    arrays.update(overrides)
    arrays = {k: v for k, v in arrays.items() if v is not None}
    np.savez(path, **arrays)
    return arrays


def test_load_mnist_reads_a_keras_npz(tmp_path):
    arrays = _write_npz(tmp_path / "mnist.npz")
    (x_train, y_train), (x_test, y_test) = load_mnist(tmp_path / "mnist.npz")
    for got, key in [
        (x_train, "x_train"),
        (y_train, "y_train"),
        (x_test, "x_test"),
        (y_test, "y_test"),
    ]:
        np.testing.assert_array_equal(got, arrays[key])
        assert got.dtype == np.uint8
    # A str path and a directory holding mnist.npz work too.
    assert load_mnist(str(tmp_path / "mnist.npz"))[1][1].tolist() == [5]
    assert load_mnist(tmp_path)[0][1].tolist() == [3, 7]


def test_load_mnist_missing_file_says_how_to_get_it(tmp_path):
    path = tmp_path / "nowhere" / "mnist.npz"
    with pytest.raises(FileNotFoundError) as info:
        load_mnist(path)
    message = str(info.value)
    assert str(path) in message
    assert "keras.datasets.mnist.load_data()" in message and MNIST_URL in message


def test_load_mnist_missing_keys(tmp_path):
    _write_npz(tmp_path / "mnist.npz", y_test=None)
    with pytest.raises(ValueError, match=r"lacks the key\(s\) \['y_test'\]"):
        load_mnist(tmp_path / "mnist.npz")


def test_load_mnist_length_mismatch(tmp_path):
    _write_npz(tmp_path / "mnist.npz", y_train=np.array([1, 2, 3], dtype=np.uint8))
    with pytest.raises(ValueError, match=r"x_train has 2 images but y_train has 3 labels"):
        load_mnist(tmp_path / "mnist.npz")


def test_load_mnist_rejects_non_npz_files(tmp_path):
    text = tmp_path / "mnist.npz"
    text.write_text("not an archive")
    with pytest.raises(ValueError, match=r"is not a readable \.npz archive"):
        load_mnist(text)
    npy = tmp_path / "single.npy"
    np.save(npy, np.zeros(3))
    with pytest.raises(ValueError, match=r"holds a single array, not an \.npz archive"):
        load_mnist(npy)


def test_load_digits_images_never_uses_the_network():
    code = (
        "import socket\n"
        "def no_net(*a, **k): raise RuntimeError('network used')\n"
        "socket.socket.connect = no_net\n"
        "from dlref.datasets import load_digits_images\n"
        "print(len(load_digits_images()[0][0]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert int(out) > 0


# ---------------------------------------------------------------------------------------
# Bad input: each call fails with a message that names the argument and what was given.

BAD_INPUT = [
    # -- datasets -------------------------------------------------------------
    (
        partial(load_digits_images, test_size=1.5),
        ValueError,
        r"test_size must be in \(0, 1\); got 1\.5",
    ),
    (
        partial(load_digits_images, test_size=0),
        ValueError,
        r"test_size must be in \(0, 1\); got 0\.0",
    ),
    (
        partial(load_digits_images, test_size=0.001),
        ValueError,
        r"test_size=0\.001 gives 2 test images; a stratified split of 1797 images into 10 "
        r"classes needs between 10 and 1787",
    ),
    (
        partial(load_digits_images, seed=-3),
        ValueError,
        r"seed must be a non-negative integer; got -3",
    ),
    (
        partial(load_digits_images, seed="0"),
        TypeError,
        r"seed must be None or a non-negative integer; got str '0'",
    ),
    (
        partial(load_mnist, "missing/mnist.npz"),
        FileNotFoundError,
        r"MNIST file not found: 'missing/mnist\.npz'\. dlref never downloads; get the file",
    ),
    (
        partial(load_mnist, None),
        TypeError,
        r"path must be a str or os\.PathLike to an mnist\.npz file; got NoneType None",
    ),
]

test_bad_input_is_explained = bad_input.make_test(BAD_INPUT)
