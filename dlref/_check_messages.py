"""The sentences of :func:`dlref.check`'s verdict, one per situation, in the reader's language.

A verdict is a few sentences around a block of code: the block (the input, the reference's
value, the function's value, written as Python) is the same in every language; the
sentences are dlref messages (:mod:`dlref._i18n`), each complete, their fields holding
values only.  Every recognised mistake (:data:`dlref._check_mistakes.MISTAKES`) has its own
sentence here.

This module imports the standard library only.
"""

from __future__ import annotations

from typing import Any

from ._i18n import _


def _unexpected(name: str) -> AssertionError:
    # The verdict only asks for sentences that exist; anything else is a bug in dlref.
    return AssertionError(f"no verdict sentence for {name!r}")


def passed(function: str, reference: str) -> str:
    """Return the whole verdict on a function that matches."""
    return _("{function} matches {reference} on every test input.",
             function=function, reference=reference)


def differs(function: str, reference: str, failed: int, total: int) -> str:
    """Return the first sentence of a verdict on a function that does not match."""
    return _("{function} does not match {reference}: it differs on {failed} of {total} test "
             "inputs. The first of them is shown below.",
             function=function, reference=reference, failed=failed, total=total)


def differs_in_steps(function: str, reference: str, failed: int, total: int, steps: int,
                     step: int) -> str:
    """Return the first sentence of a verdict on an optimizer step that does not match."""
    if step == 1:
        return _("{function} does not match {reference}: it differs in {failed} of {total} "
                 "test runs of {steps} steps. Below is the first of them, which differs at its "
                 "first step already.", function=function, reference=reference, failed=failed,
                 total=total, steps=steps)
    return _("{function} does not match {reference}: it differs in {failed} of {total} test "
             "runs of {steps} steps. Below is the first, at step {step}, the first step that "
             "differs; w is dlref's parameter after the steps before it, on which both agreed.",
             function=function, reference=reference, failed=failed, total=total, steps=steps,
             step=step)


def problem(kind: str, f: dict[str, Any]) -> str:
    """Say what is wrong with the returned value on the input shown."""
    match kind:
        case "values" if f.get("index") is None:
            return _("It returns {got} where dlref's value is {expected}.", **f)
        case "values":
            return _("The largest difference is at index {index}: it returns {got} where "
                     "dlref's value is {expected}.", **f)
        case "nonfinite" if f.get("index") is None:
            return _("It returns {got} where dlref's value is the finite number {expected}.", **f)
        case "nonfinite":
            return _("At index {index} it returns {got} where dlref's value is the finite "
                     "number {expected}.", **f)
        case "shape":
            return _("It returns an array of shape {got_shape}, but dlref's result has shape "
                     "{expected_shape}.", **f)
        case "raised":
            return _("It raised {error_type} on this input, as shown above.", **f)
        case "not_numeric":
            return _("It returned {type}, which is not an array of numbers.", **f)
        case "not_pair":
            return _("An optimizer step that takes a state must return a pair (new w, new "
                     "state), but it returned {type}.", **f)
        case "none":
            return ""  # the mistake "no_return" says it
    raise _unexpected(kind)


def note(kind: str, f: dict[str, Any]) -> str:
    """Return a remark on a function, whether it matches or not."""
    match kind:
        case "modified":
            return _("{function} changes its argument {argument} in place. check passed it a "
                     "copy, but called from your own code it would change the caller's array.",
                     **f)
        case "warned":
            return _("numpy warned while {function} ran ({warnings}). The values are right "
                     "here, but a formula that overflows or divides by 0 on the way may give "
                     "NaN on other inputs.", **f)
    raise _unexpected(kind)


def describe(mistake: str, f: dict[str, Any]) -> str:
    """Return the sentence that names the recognised ``mistake``; ``f`` holds its fields."""
    text = (_activation_sentence(mistake, f) or _loss_sentence(mistake, f)
            or _optimizer_sentence(mistake, f))
    if not text:
        raise _unexpected(mistake)
    return text


def _activation_sentence(mistake: str, f: dict[str, Any]) -> str:
    match mistake:
        case "no_return":
            return _("{function} returned None; a return statement is probably missing at its "
                     "end.", **f)
        case "softmax_without_max":
            return _("This is softmax computed without subtracting the maximum. exp(1000) "
                     "overflows to inf, and inf / inf is NaN; subtract x.max(axis=-1, "
                     "keepdims=True) from the scores first. Softmax does not change when the "
                     "same number is subtracted from every score of a row.", **f)
        case "softmax_keepdims":
            return _("This is softmax with a maximum or a sum over axis=-1 taken without "
                     "keepdims=True. Its result of shape (batch,) does not broadcast against "
                     "scores of shape (batch, classes); write np.max(x, axis=-1, keepdims=True) "
                     "and np.sum(e, axis=-1, keepdims=True).", **f)
        case "softmax_whole_array":
            return _("This is softmax normalised over the whole batch at once. The "
                     "probabilities of all rows together sum to 1 instead of each row's; take "
                     "the maximum and the sum along the last axis (axis=-1, keepdims=True).", **f)
        case "overflow":
            return _("An exponential overflows. {function} returns NaN or inf only at inputs of "
                     "large magnitude (such as 1000 or -1000), where {name} is finite; rewrite "
                     "the formula so that np.exp only sees arguments of at most 0, e.g. with "
                     "exp(-|x|), np.log1p or np.logaddexp.", **f)
        case "single_sample_only":
            return _("{function} works on single samples (1-D input) but not on this batch of "
                     "shape {shape}. Compute along the last axis (axis=-1 with keepdims=True, "
                     "or indexing such as s[..., :, None]) so that each row of a batch is one "
                     "sample.", **f)
        case "other_slope":
            return _("{function} uses the negative slope {slope}, but the reference uses "
                     "{expected}. The defaults differ: keras.activations.leaky_relu uses 0.2, "
                     "the layer keras.layers.LeakyReLU 0.3 and PyTorch 0.01. To compare with "
                     "yours, pass negative_slope={slope} to check.", **f)
        case "other_alpha":
            return _("{function} uses alpha={alpha}, but the reference uses alpha={expected} "
                     "(the default of Keras is 1.0). To compare with yours, pass alpha={alpha} "
                     "to check.", **f)
        case "gelu_approximation" if f["approximate"]:
            return _("{function} computes the tanh approximation of GELU, but "
                     "keras.activations.gelu, like the reference, defaults to the exact form "
                     "with erf. To compare with the approximation, pass approximate=True to "
                     "check.", **f)
        case "gelu_approximation":
            return _("{function} computes the exact GELU with erf, but check was asked for "
                     "the tanh approximation (approximate=True).", **f)
        case "kink_value":
            return _("{function} differs only at the kink x = 0, where it returns {got} and "
                     "dlref returns {expected}. {name} has no derivative there, and dlref takes "
                     "the value that TensorFlow's gradient takes, {expected}.", **f)
        case "activation_not_derivative":
            return _("{function} returns the values of {name} itself, not of its derivative.",
                     **f)
        case "derivative_of_output":
            return _("{function} computes the derivative from the activation's output, as if x "
                     "were {name}(x) already, but check passes the input x, as "
                     "dlref.activations.derivative takes it. Compute s = {name}(x) first, then "
                     "the derivative from s.", **f)
    return ""


def _loss_sentence(mistake: str, f: dict[str, Any]) -> str:
    match mistake:
        case "unclipped_log":
            return _("This is the log of an unclipped probability. A predicted probability of "
                     "exactly 0 or 1 gives log(0) = -inf, so the loss is inf or NaN; Keras "
                     "first clips probabilities to [1e-7, 1 - 1e-7] (keras.config.epsilon()), "
                     "as np.clip(y_pred, 1e-7, 1 - 1e-7) does.", **f)
        case "logits_overflow":
            return _("With from_logits=True the loss takes logits of any size, but {function} "
                     "goes wrong for logits of 1000 or -1000. An exponential overflows, or a "
                     "sigmoid or softmax of 1000 rounds to exactly 0 or 1 before the log (and "
                     "clipping then caps the loss near 16); compute the loss from the logits "
                     "directly, with the log-sum-exp trick (subtract the maximum) or "
                     "max(z, 0) - z * y + log1p(exp(-|z|)).", **f)
        case "other_epsilon":
            return _("{function} differs only on samples with a predicted probability of "
                     "exactly 0 or 1, where the clipping decides the loss. It clips with another "
                     "epsilon than Keras' 1e-7 (keras.config.epsilon()).", **f)
        case "float64_clipping":
            return _("{function} returns what dlref returns for these values in float64, but "
                     "the input is float32. Keras computes float32 in float32, where 1 - 1e-7 "
                     "rounds to 0.99999988, so a sure but wrong prediction costs 15.94 rather "
                     "than 16.12; compute in the dtype of y_pred (np.clip keeps float32).", **f)
        case "not_reduced":
            return _("{function} returns the loss of every element, in the shape of y_pred, "
                     "but a Keras loss function returns one value per sample. Reduce over the "
                     "last axis with {reduce}.", **f)
        case "sum_over_batch":
            return _("This is a sum where Keras takes a mean. The value is {ratio} times "
                     "dlref's, which is the batch size {batch}; Keras averages the losses of "
                     "the samples over the batch (np.mean), and model.fit reports that mean.",
                     **f)
        case "sum_over_outputs":
            return _("This is a sum where Keras takes a mean. The value is {ratio} times "
                     "dlref's, which is the number of outputs per sample ({width}); Keras "
                     "averages over the last axis, np.mean(..., axis=-1).", **f)
        case "sum_over_batch_and_outputs":
            return _("This is a sum where Keras takes a mean. The value is {ratio} times "
                     "dlref's, which is the batch size times the number of outputs ({batch} x "
                     "{width}); Keras averages over the outputs of a sample and over the batch.",
                     **f)
        case "mean_over_classes":
            return _("This is a mean where crossentropy takes a sum. The value is {ratio} times "
                     "dlref's, which is 1 over the number of classes ({width}); sum over the "
                     "classes with np.sum(..., axis=-1), and average over the batch only.", **f)
        case "swapped_arguments":
            return _("{function} takes its arguments in the other order: it returns dlref's "
                     "loss of (y_pred, y_true). Keras' losses take y_true first, then y_pred.",
                     **f)
        case "logits_as_probabilities":
            return _("{function} treats y_pred as logits (it applies a sigmoid or softmax "
                     "first), but without from_logits=True y_pred holds probabilities. If your "
                     "function takes logits, check it with from_logits=True.", **f)
        case "root_mean_squared":
            return _("{function} returns the square root of the mean squared error (RMSE); "
                     "Keras' mean_squared_error takes no square root.", **f)
    return ""


def _optimizer_sentence(mistake: str, f: dict[str, Any]) -> str:
    match mistake:
        case "missing_epsilon":
            return _("{function} returns NaN or inf where a gradient has been 0 so far, because "
                     "the update divides 0 by 0. Keras adds epsilon={epsilon} to the "
                     "denominator so that it is never 0.", **f)
        case "dampened_momentum":
            return _("{function} averages the gradients, v = momentum * v + (1 - momentum) * g, "
                     "as some courses write momentum. Keras' SGD sums them, v = momentum * v - "
                     "learning_rate * g and then w = w + v, so its steps are about "
                     "1 / (1 - momentum) times larger.", **f)
        case "momentum_ignored":
            return _("{function} takes plain gradient steps, w - learning_rate * g, and ignores "
                     "the momentum. Keep a velocity in the state, v = momentum * v - "
                     "learning_rate * g, and step to w + v.", **f)
        case "nesterov_mismatch":
            return _("{function} computes the other kind of momentum: it matches SGD with "
                     "nesterov={mine}, but check was asked for nesterov={asked}.", **f)
        case "state_not_kept":
            return _("{function} does not carry its state from one step to the next, so every "
                     "step looks like the first. Return the updated state (velocity, moments, "
                     "step count) and start from the state it is given.", **f)
        case "no_bias_correction":
            return _("This is Adam without bias correction. m and v start at 0, so the early "
                     "steps come out of scale; Keras divides by 1 - beta_1**t and "
                     "1 - beta_2**t (folded into the step size).", **f)
        case "textbook_adam_epsilon":
            return _("This is Adam as Algorithm 1 of Kingma & Ba writes it, with epsilon added "
                     "to the bias-corrected sqrt(v_hat). Keras adds epsilon to the uncorrected "
                     "sqrt(v) and folds the corrections into the step size (the paper's "
                     "efficient form, Sec. 2); the two differ when gradients are small compared "
                     "with epsilon.", **f)
        case "epsilon_outside_sqrt":
            return _("{function} adds epsilon outside the square root, sqrt(s) + epsilon, but "
                     "Keras adds it inside, sqrt(s + epsilon). The two differ when gradients "
                     "are small compared with sqrt(epsilon).", **f)
        case "decay_swapped":
            return _("{function} weights the new gradient by the decay rate and the running "
                     "average by 1 minus it. The decay rate (rho, beta_1, beta_2) is the share "
                     "of the old average that is kept, e.g. s = rho * s + (1 - rho) * g**2.",
                     **f)
        case "zero_initial_accumulator":
            return _("{function} starts the accumulator of Adagrad at 0, but Keras starts it "
                     "at initial_accumulator_value=0.1.", **f)
        case "gradient_ascent":
            return _("{function} steps uphill: it adds the update where Keras subtracts it "
                     "(w - learning_rate * g), so the loss grows.", **f)
        case "other_learning_rate":
            return _("Every step of {function} is {ratio} times dlref's, as with a learning "
                     "rate of {implied} instead of {rate}. If that is the rate you meant, pass "
                     "learning_rate={implied} to check.", **f)
    return ""
