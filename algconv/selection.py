r"""The one selection loop: which engine of a registry runs a Problem, and running it.

``choose`` runs the hard guards (the engine applies, keeps exact values exact, meets inf
and NaN as the direct sum does, fits the memory limit) and then picks the lowest estimated
cost; ``evaluate`` runs the chosen (or named) engine, handing engines what they compute:
the extended image of a filter request to an engine without windows, the integer problem
of ``Boolean()`` / ``Modular(m)`` values to a standard engine.  ``convolve``,
``correlate``, ``choose_method`` (``algconv.dispatch``), ``filter`` and ``inverse`` all
come here: ``ENGINES`` for convolutions and filters, ``INVERTERS`` for inverses.
"""

from __future__ import annotations

import cmath
import time
import warnings
from dataclasses import dataclass, field

import numpy as np

from . import config
from .engines import ENGINES
from .engines.base import EXACT_KINDS, Engine, Problem, float_work_dtype
from .errors import InvalidArgument, InvalidType, MethodNotApplicable
from .function import Function, trusted_dense, trusted_dict, view
from .validation import describe

__all__ = ["MethodChoice", "choose", "explain_choice", "evaluate", "engine_for", "named_engine",
           "guard", "refusal", "absorbs", "run_engine", "extended_problem", "integer_problem",
           "PRECISION_SLOWDOWN", "MEASURE_MAX_SECONDS"]


@dataclass
class MethodChoice:
    """The engine ``choose_method`` picked, and why.

    Attributes
    ----------
    method : str
        The chosen engine's name.
    reason : str
        One sentence: why this one.
    candidates : list of (name, cost or None, note)
        Every registered engine with its estimated cost in seconds (``None`` when it does
        not apply) and a note (why it does not apply, or its measured time).

    Examples
    --------
    >>> import algconv as ac
    >>> choice = ac.choose_method([1, 2, 3], [1, 1])
    >>> choice.method, [name for name, cost, note in choice.candidates][:2]
    ('direct', ['direct', 'table'])
    """

    method: str
    reason: str
    candidates: list = field(default_factory=list)

    def __str__(self) -> str:
        lines = [f"method={self.method!r}: {self.reason}"]
        for name, cost, note in self.candidates:
            shown = "not applicable" if cost is None else f"~{cost:.2e} s"
            lines.append(f"  {name:<12} {shown:<16} {note}")
        return "\n".join(lines)


#: how much slower than a float transform (``exact = False``: fft, overlap-add, fourier)
#: the direct sum may be and still be chosen when the transform would absorb small values
#: (see ``absorbs``); beyond it the transform runs and warns
PRECISION_SLOWDOWN = 30.0


def refusal(engine: Engine, p: Problem, check_finite: bool = True) -> str | None:
    """Why ``engine`` may not evaluate ``p`` whatever the cost, or ``None``.

    It must apply to the structure, keep exact values exact, and meet inf and NaN as the
    direct sum over every stored pair does (scipy.signal's direct method: ``inf * 0`` is
    NaN, and a NaN reaches only the outputs its pairs reach).  Without ``check_finite``
    the last guard, the only one that reads every value, is left to the caller
    (``_nonfinite_refusal``).
    """
    if p.correlation and not engine.correlates:
        return (f"it convolves, but on {p.over!r}, a finite monoid that is not a group, "
                "correlate sums f(a . c) conj(g(a)), which no convolution gives (the table "
                "engine sums it through the Cayley table)")
    if p.window is not None and not engine.windows:
        return refusal(engine, extended_problem(p, probe=True), check_finite)
    if not p.semiring.is_standard:
        return _semiring_refusal(engine, p)
    reason = engine.applies(p)
    if reason is None and not engine.exact and p.kind in EXACT_KINDS:
        reason = f"it rounds through floating point, but the values are exact ({p.kind})"
    if reason is None and check_finite:
        reason = _nonfinite_refusal(engine, p)
    return reason


def _nonfinite_refusal(engine: Engine, p: Problem) -> str | None:
    """The guard on inf and NaN (see ``refusal``): ``None`` if ``engine`` keeps them where
    the direct sum puts them or every value is finite (engines of other semirings decide
    for themselves, and the integer problems of ``Boolean()`` / ``Modular(m)`` are finite)."""
    if p.window is not None and not engine.windows:
        p = extended_problem(p, probe=True)
    if engine.keeps_nonfinite or not p.semiring.is_standard or p.finite:
        return None
    return ("it would spread inf or NaN beyond the outputs the direct sum gives them "
            "(a transform mixes every value into every output), but the values are not "
            "all finite")


def _semiring_refusal(engine: Engine, p: Problem) -> str | None:
    """Why ``engine`` may not evaluate ``p``, whose values are in a semiring other than the
    standard numbers.  Engines that declare ``semirings`` decide for themselves; a
    standard engine runs the integer problem of ``Boolean()`` or ``Modular(m)`` (exact
    sums, then ``counts > 0`` or ``counts mod m``), and nothing else."""
    S = p.semiring
    if p.witness and not engine.witnesses:
        return f"it gives no witnesses, but witness=True was asked for (values in {S!r})"
    if engine.semirings:
        return engine.applies(p)
    if S.integer_image:
        reason = refusal(engine, integer_problem(p))
        return None if reason is None else f"on the integer sums that {S!r} reduces: {reason}"
    return (f"it needs the ordinary sum and product (a ring), but the values are in {S!r}; "
            "the direct and table engines take any semiring")


def integer_problem(p: Problem) -> Problem:
    """The standard problem on the integers whose image ``p`` is (``Boolean()``: 0/1
    counts; ``Modular(m)``: the residues), for engines that only know the standard numbers."""
    q = p.__dict__.get("_integers")
    if q is None:
        S = p.semiring

        def lift(h: Function) -> Function:
            v = view(h)
            if v.is_dense:
                return trusted_dense(S.to_integers(v.array), v.over, v.start)
            return trusted_dict({x: int(y) for x, y in v.items()}, v.over)

        q = Problem(lift(p.f), lift(p.g), p.over)
        p._integers = q
    return q


def extended_problem(p: Problem, probe: bool = False) -> Problem:
    """The full convolution whose ``valid`` part is the filter request ``p`` (``p.window``):
    the image extended by the boundary rule, with the same kernel (cached on ``p``).

    With ``probe``, for float values in the standard numbers, a problem of the extended
    shape that holds no values (``numpy.broadcast_to``: no memory), for guards and costs
    only, so that choosing never pays for the extension: the standard engines' guards and
    estimates depend on shapes, the value kind and finiteness alone (copied from ``p``),
    and the separable engine never factorises a probe (``engines.base.holds_values``).

    >>> import algconv as ac
    >>> from algconv.engines.base import Window
    >>> from algconv.function import trusted_dense
    >>> Z = ac.Integers()
    >>> image, kernel = (trusted_dense(np.array(x), Z, (0,)) for x in ([1, 2, 3], [1, 1, 1]))
    >>> p = Problem(image, kernel, Z, window=Window("nearest", 0, (1,)))
    >>> extended_problem(p).fv.array
    array([1, 1, 2, 3, 3])
    """
    image, kernel = p.fv.array, p.gv.array
    if probe and p.semiring.is_standard and p.kind in ("float", "complex"):
        q = p.__dict__.get("_probe")
        if q is None:
            shape = tuple(m + n - 1 for m, n in zip(image.shape, kernel.shape))
            zeros = np.broadcast_to(np.zeros((), dtype=image.dtype), shape)  # no memory
            q = Problem(trusted_dense(zeros, p.over, p.fv.start, p.semiring), p.g, p.over)
            q._kind = p.kind
            q._finite_by = lambda: p.finite and cmath.isfinite(complex(p.window.fill))
            p._probe = q
        return q
    q = p.__dict__.get("_extended")
    if q is None:
        config.check_memory(
            float(np.prod([m + n - 1 for m, n in zip(image.shape, kernel.shape)]))
            * (64 if image.dtype == object else image.dtype.itemsize),
            f"the image of shape {image.shape} extended by boundary={p.window.boundary!r}")
        extended = p.window.extend(image, kernel.shape)
        q = Problem(trusted_dense(extended, p.over, p.fv.start, p.semiring), p.g, p.over)
        p._extended = q
    return q


def _problem_for(engine: Engine, p: Problem) -> Problem:
    """The problem ``engine`` computes: ``p``; for a filter request and an engine without
    windows, the full convolution of the extended image (a shape-only probe, which is all
    costs need); for a standard engine on ``Boolean()`` or ``Modular(m)`` values, the
    integer problem ``p`` is an image of."""
    if p.window is not None and not engine.windows:
        p = extended_problem(p, probe=True)
    if p.semiring.is_standard or engine.semirings:
        return p
    return integer_problem(p)


def run_engine(engine: Engine, p: Problem) -> Function:
    """``engine`` on ``p`` (through the integers for a standard engine on ``Boolean()`` or
    ``Modular(m)`` values; for a filter request and an engine without windows, the
    ``valid`` part of the extended image's full convolution)."""
    if p.window is not None and not engine.windows:
        q = extended_problem(p)
        full = view(run_engine(engine, q)).dense()[0]
        out = full[tuple(slice(k - 1, k - 1 + n)  # the valid part: the image's shape
                         for n, k in zip(p.fv.array.shape, p.gv.array.shape))]
        return trusted_dense(out, p.over, p.fv.start, p.semiring)
    q = _problem_for(engine, p)
    if q is p:
        return engine.run(p)
    h = view(engine.run(q))
    S = p.semiring
    if h.is_dense:
        return trusted_dense(S.from_integers(h.array), h.over, h.start, S)
    return trusted_dict({x: S.from_integers(np.array([v]))[0].item() for x, v in h.items()},
                        h.over, S)


def guard(engine: Engine, p: Problem, check_finite: bool = True) -> str | None:
    """The reason ``engine`` may not run ``p``, hard guards first; ``None`` if it may
    (``check_finite``: see ``refusal``).

    >>> import algconv as ac
    >>> from algconv.engines import ENGINES
    >>> from algconv.function import Function
    >>> f = Function({0: 1}, over=ac.Integers())
    >>> guard(ENGINES["fft"], Problem(f, f, ac.Integers()))
    'it rounds through floating point, but the values are exact (int)'
    """
    reason = refusal(engine, p, check_finite)
    if reason is not None:
        return reason
    need = engine.memory(_problem_for(engine, p))
    if need > config.memory_limit:
        return (
            f"it would need about {config.format_bytes(need)}, more than "
            f"algconv.config.memory_limit={config.format_bytes(config.memory_limit)}"
        )
    return None


def absorbs(p: Problem) -> bool:
    """Whether a float transform of ``p`` would absorb some value entirely.

    A transform of ``f`` is rounded to about ``eps * max|f|``; a nonzero value below that
    leaves no trace in it, so an output made of such values alone (``[1e300, 1] * [1, 1]``
    at its last entry) comes out as rounding noise.  The direct sum keeps it.
    """
    if "absorbs" in p.__dict__:
        return p._absorbs
    p._absorbs = False
    if not p.semiring.is_standard or p.kind not in ("float", "complex"):
        return False
    arrays = [h.array if h.is_dense else np.array(list(h.mapping.values()))
              for h in (p.fv, p.gv)]
    dtype = float_work_dtype(np.result_type(*arrays))
    eps = np.finfo(dtype).eps if dtype.kind in "fc" else np.finfo(np.float64).eps
    for a in arrays:
        if a.size == 0:
            continue
        top, bottom = _magnitudes(a, dtype)
        floor = eps * top
        if bottom >= floor:  # the common case, in one pass: no tiny value at all
            continue
        magnitude = np.abs(a.astype(dtype, copy=False))
        if np.min(magnitude, where=magnitude > 0, initial=np.inf) < floor:
            p._absorbs = True
    return p._absorbs


#: values per chunk of ``_magnitudes``: its temporaries stay in the cache
MAGNITUDE_CHUNK = 2**16


def _magnitudes(a: np.ndarray, dtype: np.dtype) -> tuple[float, float]:
    """``(max |a|, min |a|)`` in ``dtype``, a chunk at a time (no temporary of ``a``'s
    size: a 2048^2 image took 10 ms with one, 3 ms in chunks).

    >>> _magnitudes(np.array([-3.0, 0.5, 2.0]), np.dtype(np.float64))
    (3.0, 0.5)
    """
    flat = a.reshape(-1)
    top, bottom = 0.0, np.inf
    for s in range(0, flat.size, MAGNITUDE_CHUNK):
        magnitude = np.abs(flat[s:s + MAGNITUDE_CHUNK].astype(dtype, copy=False))
        top = max(top, float(magnitude.max()))
        bottom = min(bottom, float(magnitude.min()))
    return top, bottom


def _precise(p: Problem, engine: Engine, cost: float) -> tuple[Engine, str | None]:
    """``engine``, or the direct sum where a float transform would absorb small values and
    the direct sum costs at most ``PRECISION_SLOWDOWN`` times more; with the reason."""
    if not engine.transforms or not absorbs(p):
        return engine, None
    direct = ENGINES["direct"]
    if guard(direct, p) is None and _cost(direct, p) <= PRECISION_SLOWDOWN * cost:
        return direct, (f"the direct sum, since method={engine.name!r} would absorb values "
                        "below its rounding (they span more than the float precision)")
    return engine, None


def _warn_absorbed(engine: Engine) -> None:
    warnings.warn(
        f"method={engine.name!r} rounds each transform to about eps times its largest value, "
        "and some values are smaller than that: outputs made of them alone come out as "
        "rounding noise; method='direct' keeps them",
        RuntimeWarning, stacklevel=4,
    )


def _no_engine(p: Problem, candidates: list | None = None, registry: dict = ENGINES) -> None:
    """Raise ``InvalidArgument``: every engine failed a hard guard (memory, in practice)."""
    if candidates is None:
        candidates = [(name, None, guard(engine, p)) for name, engine in registry.items()]
    reasons = "; ".join(f"{name}: {note}" for name, _, note in candidates)
    raise InvalidArgument(
        f"Got an input no engine can evaluate within the limits ({reasons}); raise "
        "algconv.config.limit_memory(...) or use a smaller input"
    )


def _cost(engine: Engine, p: Problem) -> float:
    return engine.cost(_problem_for(engine, p))


#: ``choose_method(measure=True)`` times only the candidates estimated to finish within
#: this many seconds; the others keep their estimate (so measuring never hangs)
MEASURE_MAX_SECONDS = 1.0


def explain_choice(p: Problem, registry: dict = ENGINES, measure: bool = False) -> MethodChoice:
    """The engine of ``registry`` that ``method='auto'`` runs ``p`` with, and why: every
    candidate's cost or the reason it does not apply (``choose_method`` for convolutions,
    ``algconv.inverse.choose_inverse`` for ``INVERTERS``).

    >>> import algconv as ac
    >>> from algconv.engines import INVERTERS
    >>> from algconv.engines.inverters import inverse_problem
    >>> explain_choice(inverse_problem(ac.delta(over=ac.Integers())), INVERTERS).method
    'point-mass'
    """
    return MethodChoice(*choose(p, measure, True, registry))


def choose(p: Problem, measure: bool = False, explain: bool = False,
           registry: dict = ENGINES) -> tuple:
    """The one selection loop: ``(engine name, reason, candidates)`` for ``p``.

    Every engine of ``registry`` (``ENGINES``, or ``INVERTERS`` for ``algconv.inverse``)
    in order: the hard guards first (``guard``), then the lowest
    cost wins (the first of equal costs), or the fastest measured with ``measure``.  The
    choice depends only on ``p``'s value and the configuration (structures by value:
    caches never enter a cost).  Without ``explain`` an engine whose fixed cost
    (``min_cost``, a lower bound of its ``cost``) cannot beat the best so far is skipped
    unexamined, which keeps tiny calls cheap and picks the same engine.  For a filter
    request the engines with windows come first, so that the others, usually dearer, are
    priced without scanning the image for inf and NaN (that guard runs last, only for an
    engine that would win).  Only convolutions
    trade a float transform for the direct sum where it would absorb values (``_precise``).
    """
    explain = explain or measure
    candidates, best, best_cost = [], None, float("inf")
    engines = registry.items()
    if p.window is not None:  # the engines that filter natively first (and first on ties)
        engines = sorted(engines, key=lambda item: not item[1].windows)
    for name, engine in engines:
        if not explain and engine.min_cost >= best_cost:
            continue
        reason = guard(engine, p, check_finite=explain)
        if reason is not None:
            if explain:
                candidates.append((name, None, reason))
            continue
        cost = _cost(engine, p)
        if not explain and (cost >= best_cost or _nonfinite_refusal(engine, p) is not None):
            continue  # the scan for inf and NaN only for an engine that would win
        note = engine.summary
        if _problem_for(engine, p) is not p:
            note = f"{note}; exact integer sums, reduced to {p.semiring!r}"
        if measure and cost > MEASURE_MAX_SECONDS:
            note = f"not measured: estimated over {MEASURE_MAX_SECONDS:g} s; {engine.summary}"
        elif measure:
            t0 = time.perf_counter()
            run_engine(engine, p)
            cost = time.perf_counter() - t0
            note = f"measured; {engine.summary}"
        if explain:
            candidates.append((name, cost, note))
        if cost < best_cost:
            best, best_cost = engine, cost
    if best is None:
        _no_engine(p, candidates if explain else None, registry)
    engine, precise = _precise(p, best, best_cost) if registry is ENGINES else (best, None)
    if precise is None and explain:  # the sentence only an explanation shows
        how = "fastest measured" if measure else "lowest estimated cost"
        precise = f"{how} of {sum(c is not None for _, c, _ in candidates)} applicable engines"
    return engine.name, precise or "", candidates


def evaluate(p: Problem, method: str = "auto", registry: dict = ENGINES) -> Function:
    """``p`` evaluated by the engine of ``registry`` that ``method`` names, or by the one
    the selection loop picks for ``'auto'`` (``MethodNotApplicable`` if the named one may
    not run it; ``InvalidArgument`` lists the valid names of an unknown one).  ``registry``
    is ``ENGINES`` for convolutions, ``INVERTERS`` for ``algconv.inverse``.

    >>> import algconv as ac
    >>> from algconv.function import trusted_dense
    >>> f = trusted_dense(np.array([1, 2]), ac.Integers(), (0,))
    >>> evaluate(Problem(f, f, ac.Integers())).to_dict()
    {0: 1, 1: 4, 2: 4}
    >>> from algconv.engines import INVERTERS
    >>> from algconv.engines.inverters import inverse_problem
    >>> g = ac.Function({0: 2.0, 1: 1.0}, over=ac.Cyclic(2))
    >>> evaluate(inverse_problem(g), "solve", INVERTERS).to_array()
    array([ 0.66666667, -0.33333333])
    """
    return run_engine(engine_for(p, method, registry), p)


def engine_for(p: Problem, method: str, registry: dict = ENGINES) -> Engine:
    if isinstance(method, str) and method == "auto":
        engine = registry[choose(p, registry=registry)[0]]
    else:
        engine = named_engine(p, method, registry)
    if engine.transforms and absorbs(p):
        _warn_absorbed(engine)
    return engine


def named_engine(p: Problem, method: str, registry: dict = ENGINES) -> Engine:
    if not isinstance(method, str):
        raise InvalidType(f"Got method={describe(method)}, but expected a str")
    engine = registry.get(method)
    if engine is None:
        allowed = ", ".join(repr(m) for m in ("auto", *registry))
        raise InvalidArgument(f"Got method={method!r}, but the only valid values are {allowed}")
    reason = refusal(engine, p)
    if reason is not None:
        raise MethodNotApplicable(
            f"method={method!r} does not apply: {reason}; use method='auto'"
        )
    config.check_memory(engine.memory(_problem_for(engine, p)), f"method={method!r} on this input")
    return engine
