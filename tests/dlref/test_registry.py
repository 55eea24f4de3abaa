"""The one registry shape behind activations, losses and optimizers, and the re-export helper."""

from __future__ import annotations

import inspect
import pickle

import numpy as np
import pytest

from dlref import activations, losses, optimizers
from dlref._registry import Registry, reexport

FAMILIES = {"activations": activations, "losses": losses, "optimizers": optimizers}
# A misspelling of one name of each family, and the name difflib should suggest.
MISSPELT = {"activations": ("sigmod", "sigmoid"), "losses": ("mean_squard_error",
            "mean_squared_error"), "optimizers": ("rmsporp", "rmsprop")}


# --- the helper itself ------------------------------------------------------------------


def first(x):
    return x


def Second(x):  # noqa: N802 - a class-like name, to show names are lower-cased
    return 2 * x


def test_registry_names_objects_by_their_own_lower_cased_name():
    registry = Registry()
    assert registry.add(first) is first
    decorated = registry.register(aliases=("two",), weight=2)(Second)
    assert decorated is Second
    assert registry.names() == ("first", "second")  # sorted, aliases left out
    assert registry.get("first") is first
    assert registry.get(" SECOND ") is Second
    assert registry.get("two") is Second
    assert registry.key("Two") == "second"
    assert dict(registry.info("two")) == {"weight": 2}
    assert dict(registry.info("first")) == {}
    with pytest.raises(TypeError):
        registry.info("first")["weight"] = 3  # read-only


def test_registry_rejects_bad_names_like_every_dlref_argument():
    registry = Registry()
    registry.add(first)
    registry.add(Second, aliases=("two",))
    with pytest.raises(
        ValueError,
        match=r"^kind='frist' is not supported; allowed values are \['first', 'second', 'two'\]\. "
        r"Did you mean 'first'\?$",
    ):
        registry.get("frist", argname="kind")
    with pytest.raises(ValueError, match=r"^name='zzz' is not supported; allowed values are "
                                         r"\['first', 'second', 'two'\]\.$"):
        registry.get("zzz")
    with pytest.raises(TypeError, match=r"^name must be a string, one of \['first', 'second', "
                                        r"'two'\]; got int 3\.$"):
        registry.get(3)


def test_registry_refuses_one_name_twice():
    registry = Registry()
    registry.add(first)
    with pytest.raises(ValueError, match="The name 'first' is registered twice"):
        registry.add(first)
    with pytest.raises(ValueError, match="The name 'first' is registered twice"):
        registry.add(Second, aliases=("first",))
    assert registry.names() == ("first",)


def test_reexport_sets_the_public_module():
    def helper():
        return 1

    reexport("dlref.somewhere", helper)
    assert helper.__module__ == "dlref.somewhere"


# --- the three families behave alike ------------------------------------------------------


@pytest.mark.parametrize("family", FAMILIES)
def test_names_are_sorted_and_each_gets_its_object(family):
    module = FAMILIES[family]
    names = module.names()
    assert names and names == tuple(sorted(names))
    for name in names:
        obj = module.get(name)
        expected = obj.name if family == "optimizers" else obj.__name__
        assert expected == name
        assert module.get(name.upper()) is not None


@pytest.mark.parametrize("family", FAMILIES)
def test_a_misspelt_name_is_explained_the_same_way(family):
    module = FAMILIES[family]
    wrong, right = MISSPELT[family]
    with pytest.raises(ValueError) as err:
        module.get(wrong)
    message = str(err.value)
    assert message.startswith(f"name={wrong!r} is not supported; allowed values are [")
    for name in module.names():
        assert repr(name) in message
    assert message.endswith(f" Did you mean {right!r}?")
    with pytest.raises(TypeError, match=r"^name must be a string, one of \[.*\]; got int 7\."):
        module.get(7)


@pytest.mark.parametrize("family", FAMILIES)
def test_every_public_name_is_documented_from_its_public_module(family):
    # reexport() replaced the three hand-written __module__ loops: help(), the API pages and
    # pickle name dlref.<family>, even for names defined in a private module.
    module = FAMILIES[family]
    for name in module.__all__:
        obj = getattr(module, name)
        if inspect.isfunction(obj) or inspect.isclass(obj):
            assert obj.__module__ == module.__name__, name
            assert pickle.loads(pickle.dumps(obj)) is obj


@pytest.mark.parametrize("family", FAMILIES)
def test_all_is_read_off_the_registry(family):
    module = FAMILIES[family]
    for name in module.names():
        obj = module.get(name)
        public = type(obj) if family == "optimizers" else obj
        assert getattr(module, public.__name__) is public
        assert public.__name__ in module.__all__


# --- the losses registry ------------------------------------------------------------------


def test_loss_names_are_the_five_keras_losses():
    assert losses.names() == (
        "binary_crossentropy", "categorical_crossentropy", "mean_absolute_error",
        "mean_squared_error", "sparse_categorical_crossentropy",
    )  # fmt: skip
    for name in losses.names():
        assert losses.get(name) is getattr(losses, name)


def test_loss_get_takes_keras_short_names():
    assert losses.get("mse") is losses.mean_squared_error
    assert losses.get(" MAE ") is losses.mean_absolute_error
    y_true, y_pred = np.array([[0.0, 1.0]]), np.array([[1.0, 3.0]])
    np.testing.assert_allclose(losses.get("mse")(y_true, y_pred), [2.5])
    np.testing.assert_allclose(losses.get("mae")(y_true, y_pred), [1.5])


def test_loss_get_agrees_with_keras():
    keras = pytest.importorskip("keras")
    y_true = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]])
    y_pred = np.array([[0.2, 0.7, 0.1], [0.5, 0.3, 0.2]])
    for name in (*losses.names(), "mse", "mae"):
        truth = y_true.argmax(axis=1) if name.startswith("sparse") else y_true
        expected = keras.ops.convert_to_numpy(keras.losses.get(name)(truth, y_pred))
        np.testing.assert_allclose(losses.get(name)(truth, y_pred), expected, rtol=1e-6,
                                   err_msg=name)


def test_check_setup_reads_the_loss_names_from_the_registry():
    with pytest.raises(ValueError) as err:
        losses.check_setup([0, 1], "binary_crossentropyy", "sigmoid")
    message = str(err.value)
    assert message.startswith("loss='binary_crossentropyy' is not supported; allowed values are ")
    assert message.endswith("Did you mean 'binary_crossentropy'?")
    for name in (*losses.names(), "mae", "mse"):
        assert repr(name) in message
    assert losses.check_setup([1.5, 2.0], "MSE", "linear").loss == "mean_squared_error"


def test_optimizer_name_is_its_registry_name():
    assert [optimizers.get(name).name for name in optimizers.names()] == list(optimizers.names())
    assert optimizers.Optimizer.name == "optimizer"
