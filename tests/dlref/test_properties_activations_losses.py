"""Property-based tests (hypothesis) for dlref.activations and dlref.losses."""

from __future__ import annotations

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from dlref import activations as act
from dlref import losses as L
from dlref.losses import check_setup, select_loss

PROPERTY = settings(max_examples=60, deadline=None)

BIG = 1e4
DTYPE = st.sampled_from([np.float32, np.float64])
SHAPES = hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=6)


@st.composite
def scores(draw, shapes=SHAPES, bound=BIG):
    """Finite float32/float64 arrays with |x| <= bound."""
    dtype = draw(DTYPE)
    width = 32 if dtype == np.float32 else 64
    elements = st.floats(-bound, bound, allow_nan=False, allow_infinity=False, width=width)
    return draw(hnp.arrays(dtype, draw(shapes), elements=elements))


def tol(dtype):
    return 1e-5 if dtype == np.float32 else 1e-12


# ---------------------------------------------------------------------------------------
# Activations


@PROPERTY
@given(scores())
def test_softmax_is_a_probability_distribution(x):
    s = act.softmax(x)
    assert s.dtype == x.dtype and s.shape == x.shape
    assert np.all((s >= 0) & (s <= 1))
    np.testing.assert_allclose(s.sum(axis=-1), 1.0, rtol=0, atol=tol(x.dtype) * x.shape[-1])


@PROPERTY
@given(scores(bound=1e3), st.floats(-BIG, BIG))
def test_softmax_is_shift_invariant(x, c):
    x = x.astype(np.float64)  # the shift itself must not round x in float32
    np.testing.assert_allclose(act.softmax(x + c), act.softmax(x), rtol=0, atol=1e-9)


@PROPERTY
@given(scores())
def test_softmax_jacobian_rows_sum_to_zero(x):
    jac = act.softmax_jacobian(x)
    assert jac.shape == (*x.shape, x.shape[-1])
    np.testing.assert_allclose(jac.sum(axis=-1), 0.0, atol=tol(x.dtype))
    np.testing.assert_allclose(jac, np.swapaxes(jac, -1, -2), atol=0)


@PROPERTY
@given(scores())
def test_sigmoid_is_bounded_and_symmetric(x):
    s = act.sigmoid(x)
    assert s.dtype == x.dtype
    assert np.all((s >= 0) & (s <= 1))
    np.testing.assert_allclose(act.sigmoid(-x), 1 - s, rtol=0, atol=tol(x.dtype))


@PROPERTY
@given(scores())
def test_odd_part_identities(x):
    # relu(x) - relu(-x) = x and softplus(x) - softplus(-x) = x.
    np.testing.assert_allclose(act.relu(x) - act.relu(-x), x, rtol=0, atol=0)
    np.testing.assert_allclose(
        act.softplus(x) - act.softplus(-x), x, rtol=tol(x.dtype), atol=tol(x.dtype)
    )


@PROPERTY
@given(scores(), st.sampled_from([n for n in act.names() if n != "softmax"]))
def test_elementwise_activations_and_derivatives_are_finite(x, name):
    y, dy = act.get(name)(x), act.derivative(name, x)
    assert y.dtype == dy.dtype == x.dtype
    assert np.all(np.isfinite(y)) and np.all(np.isfinite(dy))
    assert np.all(dy >= -0.2)  # gelu and silu dip slightly below 0, the others never


# ---------------------------------------------------------------------------------------
# Losses

BATCH = st.integers(1, 8)
CLASSES = st.integers(2, 6)


@st.composite
def probability_batches(draw):
    n, k = draw(BATCH), draw(CLASSES)
    dtype = draw(DTYPE)
    width = 32 if dtype == np.float32 else 64
    p = draw(hnp.arrays(dtype, (n, k), elements=st.floats(0, 1, width=width)))
    assume(np.all(p.sum(axis=-1) > 0))
    ids = draw(hnp.arrays(np.int64, n, elements=st.integers(0, k - 1)))
    return p, ids


@st.composite
def logit_batches(draw):
    n, k = draw(BATCH), draw(CLASSES)
    z = draw(scores(shapes=st.just((n, k))))
    ids = draw(hnp.arrays(np.int64, n, elements=st.integers(0, k - 1)))
    return z, ids


@PROPERTY
@given(probability_batches())
def test_probability_losses_are_non_negative_and_finite(batch):
    p, ids = batch
    one_hot = np.eye(p.shape[1], dtype=p.dtype)[ids]
    for loss in (
        L.binary_crossentropy(one_hot, p),
        L.categorical_crossentropy(one_hot, p),
        L.sparse_categorical_crossentropy(ids, p),
        L.mean_squared_error(one_hot, p),
        L.mean_absolute_error(one_hot, p),
    ):
        assert loss.shape == (p.shape[0],) and loss.dtype == p.dtype
        assert np.all(np.isfinite(loss)) and np.all(loss >= 0)
        # Clipping bounds every loss by -log(eps) = 16.12 (+ log k for the sparse loss,
        # which renormalises the clipped row).
        assert np.all(loss <= -np.log(L.EPSILON) + np.log(p.shape[1]) + 1e-3)


@PROPERTY
@given(logit_batches())
def test_logit_losses_are_non_negative_finite_and_consistent(batch):
    z, ids = batch
    one_hot = np.eye(z.shape[1], dtype=z.dtype)[ids]
    sparse = L.sparse_categorical_crossentropy(ids, z, from_logits=True)
    dense = L.categorical_crossentropy(one_hot, z, from_logits=True)
    binary = L.binary_crossentropy(one_hot, z, from_logits=True)
    for loss in (sparse, dense, binary):
        assert loss.dtype == z.dtype and np.all(np.isfinite(loss)) and np.all(loss >= 0)
    np.testing.assert_allclose(sparse, dense, rtol=tol(z.dtype), atol=tol(z.dtype))
    # From logits equals from probabilities wherever clipping does not bite.
    p = act.softmax(z.astype(np.float64))
    if np.all((p > 1e-6) & (p < 1 - 1e-6)):
        np.testing.assert_allclose(
            L.sparse_categorical_crossentropy(ids, p), sparse, rtol=1e-4, atol=1e-5
        )


# ---------------------------------------------------------------------------------------
# select_loss inference on generated labels

N_SAMPLES = st.integers(1, 30)


@PROPERTY
@given(hnp.arrays(np.int64, N_SAMPLES, elements=st.integers(0, 30)))
def test_select_loss_integer_ids(ids):
    assume(ids.max() >= 2)
    choice = select_loss(y=ids)
    assert choice.loss == "sparse_categorical_crossentropy"
    assert choice.output_activation == "softmax"
    assert choice.output_units == ids.max() + 1
    assert choice.metrics == ("accuracy",)
    assert check_setup(ids, choice.loss, "softmax").output_units == choice.output_units


@PROPERTY
@given(hnp.arrays(np.int64, N_SAMPLES, elements=st.integers(0, 1)), st.booleans())
def test_select_loss_binary(labels, as_column):
    y = labels[:, None] if as_column else labels
    choice = select_loss(y=y)
    assert (choice.loss, choice.output_activation, choice.output_units) == (
        "binary_crossentropy",
        "sigmoid",
        1,
    )


@PROPERTY
@given(
    CLASSES.flatmap(lambda k: st.tuples(st.just(k), st.lists(st.integers(0, k - 1), min_size=1)))
)
def test_select_loss_one_hot(k_and_ids):
    k, ids = k_and_ids
    y = np.eye(k)[ids]
    choice = select_loss(y=y)
    assert (choice.loss, choice.output_activation, choice.output_units) == (
        "categorical_crossentropy",
        "softmax",
        k,
    )


@PROPERTY
@given(
    st.tuples(N_SAMPLES, st.integers(2, 6)).flatmap(
        lambda shape: hnp.arrays(np.int8, shape, elements=st.integers(0, 1))
    )
)
def test_select_loss_multilabel(y):
    assume(np.any(y.sum(axis=1) != 1))
    choice = select_loss(y=y)
    assert (choice.loss, choice.output_activation, choice.output_units) == (
        "binary_crossentropy",
        "sigmoid",
        y.shape[1],
    )
    assert choice.metrics == ("binary_accuracy",)


@PROPERTY
@given(
    st.tuples(N_SAMPLES, st.integers(1, 4)).flatmap(
        lambda shape: hnp.arrays(np.float64, shape, elements=st.floats(-1e6, 1e6))
    ),
    st.booleans(),
    st.booleans(),
)
def test_select_loss_real_targets(y, flatten, robust):
    y = y.copy()
    y.flat[0] = -0.5  # a negative fraction: no class encoding can hold it
    if flatten and y.shape[1] == 1:
        y = y[:, 0]
    choice = select_loss(y=y, robust=robust)
    assert choice.loss == ("mean_absolute_error" if robust else "mean_squared_error")
    assert choice.output_activation == "linear"
    assert choice.output_units == (1 if y.ndim == 1 else y.shape[1])
    assert choice.metrics == (("mse",) if robust else ("mae",))
