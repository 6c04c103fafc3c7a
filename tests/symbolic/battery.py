"""The battery of symbolic convolutions shared by the tests and ``benchmarks/bench_symbolic.py``.

Each case names its inputs, the structure, and what the test checks the answer against:
``breaks`` (where the integrand of the defining integral kinks, for mpmath.quad), ``span``
(the range of the summation index on Z when it is finite), an ``expected`` closed form for
the DiracDelta cases (the distributions cannot be sampled pointwise), and ``closed=False`` for
the cases where no closed form is expected (they must raise NoClosedForm, never a wrong answer).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

import algconv as ac

t = sp.Symbol("t", real=True)
n = sp.Symbol("n", integer=True)
lam, mu, a, b = sp.symbols("lambda mu a b", positive=True)
p = sp.Symbol("p", positive=True)
m = sp.Symbol("m", integer=True, positive=True)
k = sp.Symbol("k", integer=True, positive=True)
s1, s2 = sp.symbols("sigma1 sigma2", positive=True)
H = sp.Heaviside
R, Z, N = ac.Reals(), ac.Integers(), ac.Naturals()


def box(lo, hi, v=t):
    return H(v - lo) - H(v - hi)


def uniform(lo, hi, v=t):
    return sp.Piecewise((1 / sp.S(hi - lo), (v > lo) & (v < hi)), (0, True))


def step(v=n):
    return H(v, 1)


def ih(m_, v=t):
    """Irwin-Hall density of the sum of m_ uniforms, as a Piecewise."""
    from algconv.symbolic.families import irwin_hall

    return sp.Piecewise(*[(e.subs(t, v), (v > lo) & (v < hi)) for lo, hi, e in irwin_hall(m_, t)],
                        (0, True))


@dataclass
class Case:
    name: str
    f: sp.Expr
    g: sp.Expr
    over: object = R
    breaks: tuple = ()
    closed: bool | None = True  # None: either a checked closed form or NoClosedForm
    expected: sp.Expr | None = None
    span: tuple | None = None
    params: dict = field(default_factory=dict)
    slow: bool = False
    timeout: float = 30.0

    @property
    def var(self):
        return t if isinstance(self.over, ac.Reals) else n


CASES = [
    # ---------------------------------------------------------------- over R ------
    Case("box*box", box(0, 1), box(0, 1), breaks=(0, 1)),
    Case("box*triangle", box(0, 1), sp.Max(0, 1 - sp.Abs(t)), breaks=(-1, 0, 1)),
    Case("exp(-t)H*exp(-2t)H", sp.exp(-t) * H(t), sp.exp(-2 * t) * H(t), breaks=(0,)),
    Case("U(-1,1)+U(-1,1) #13552", uniform(-1, 1), uniform(-1, 1), breaks=(-1, 1)),
    Case("U(0,1)+U(0,2) #23761", uniform(0, 1), uniform(0, 2), breaks=(0, 1, 2)),
    Case("U(0,2)+U(1,3) overlap", uniform(0, 2), uniform(1, 3), breaks=(0, 1, 2, 3)),
    Case("U(0,a)+U(0,2a) symbolic", uniform(0, a), uniform(0, 2 * a), breaks=(0, a, 2 * a)),
    Case("product of Heavisides #28091", H(t - sp.Rational(1, 3)) * H(sp.Rational(2, 3) - t),
         H(t) * H(1 - t), breaks=(0, sp.Rational(1, 3), sp.Rational(2, 3), 1)),
    Case("delta(t-1)*gaussian", sp.DiracDelta(t - 1), sp.exp(-t**2),
         expected=sp.exp(-(t - 1) ** 2)),
    Case("delta'(t)*t^3/6 #26776", t**3 / 6, sp.DiracDelta(t, 1), expected=t**2 / 2),
    Case("delta'''(t)*t^3/6 #26776", sp.DiracDelta(t, 3), t**3 / 6, expected=sp.S.One),
    Case("delta*delta", sp.DiracDelta(t - 1), 3 * sp.DiracDelta(t + 2),
         expected=3 * sp.DiracDelta(t + 1)),
    Case("delta'*box", sp.DiracDelta(t, 1), box(0, 1),
         expected=sp.DiracDelta(t) - sp.DiracDelta(t - 1)),
    Case("(delta+box)*(delta'+ramp)", sp.DiracDelta(t - 1) + box(0, 1),
         sp.DiracDelta(t, 1) + t * box(0, 2),
         expected=sp.Piecewise((0, t < 0), (t**2 / 2, t < 1), (2 * t - sp.Rational(3, 2), t < 2),
                               (-t**2 / 2 + 2 * t + sp.Rational(1, 2), t < 3), (0, True))
         + sp.DiracDelta(t) - sp.DiracDelta(t - 1) + sp.DiracDelta(t - 1, 1), slow=True),
    Case("normal*normal", sp.exp(-t**2 / 2) / sp.sqrt(2 * sp.pi),
         sp.exp(-t**2 / 2) / sp.sqrt(2 * sp.pi)),
    Case("normal(1,s1)*normal(-2,s2)",
         sp.exp(-(t - 1) ** 2 / (2 * s1**2)) / (s1 * sp.sqrt(2 * sp.pi)),
         sp.exp(-(t + 2) ** 2 / (2 * s2**2)) / (s2 * sp.sqrt(2 * sp.pi))),
    Case("cauchy*cauchy", 1 / (sp.pi * (1 + t**2)), 2 / (sp.pi * (4 + (t - 1) ** 2))),
    Case("exp(lam)*exp(mu) symbolic", lam * sp.exp(-lam * t) * H(t), mu * sp.exp(-mu * t) * H(t),
         breaks=(0,)),
    Case("erlang(3)*erlang(2)", t**2 * sp.exp(-t) * H(t) / 2, t * sp.exp(-t) * H(t), breaks=(0,)),
    Case("gamma(3/2)*gamma(3/2)", sp.sqrt(t) * sp.exp(-t) * H(t), sp.sqrt(t) * sp.exp(-t) * H(t),
         breaks=(0,)),
    Case("gamma(3/2,1)*exp(3)", sp.sqrt(t) * sp.exp(-t) * H(t), sp.exp(-3 * t) * H(t),
         breaks=(0,)),
    Case("t^3 e^-2t * e^-t", t**3 * sp.exp(-2 * t) * H(t), sp.exp(-t) * H(t), breaks=(0,)),
    Case("laplace*laplace", sp.exp(-sp.Abs(t)) / 2, sp.exp(-sp.Abs(t)) / 2, breaks=(0,)),
    Case("sin*exp causal", sp.sin(t) * H(t), sp.exp(-t) * H(t), breaks=(0,)),
    Case("step*exp", H(t), sp.exp(-t) * H(t), breaks=(0,)),
    Case("ramp*box", t * box(0, 1), box(0, 1), breaks=(0, 1)),
    Case("Irwin-Hall 3*2", ih(3), ih(2), breaks=(0, 1, 2, 3)),
    Case("triangle*triangle", sp.Max(0, 1 - sp.Abs(t)), sp.Max(0, 1 - sp.Abs(t)),
         breaks=(-1, 0, 1)),
    Case("cos box*box", sp.cos(t) * box(0, sp.pi), box(0, 1), breaks=(0, 1, sp.pi)),
    Case("exp*box", sp.exp(-t) * H(t), box(0, 1), breaks=(0, 1)),
    Case("gaussian*box (erf)", sp.exp(-t**2), box(-1, 1), breaks=(-1, 1)),
    Case("sign*exp(-|t|) * exp(-|t|)", sp.sign(t) * sp.exp(-sp.Abs(t)), sp.exp(-sp.Abs(t)),
         breaks=(0,)),
    Case("box(0,a)*step", box(0, a), H(t), breaks=(0, a)),
    Case("box(0,1+b)*box(0,1) symbolic", box(0, 1 + b), box(0, 1), breaks=(0, 1, 1 + b)),
    Case("box(0,a)*box(0,1) order unknown", box(0, a), box(0, 1), breaks=(0, 1, a)),
    Case("gaussian*exp causal (EMG)", sp.exp(-t**2), sp.exp(-t) * H(t), breaks=(0,), slow=True),
    Case("gaussian*cauchy (Voigt)", sp.exp(-t**2), 1 / (1 + t**2), closed=False, timeout=6.0,
         slow=True),
    Case("exp(-t^4)*exp(-t^4)", sp.exp(-t**4), sp.exp(-t**4), closed=False, timeout=4.0),
    # ---------------------------------------------------------------- over Z ------
    Case("two dice", sp.Piecewise((sp.Rational(1, 6), (n >= 1) & (n <= 6)), (0, True)),
         sp.Piecewise((sp.Rational(1, 6), (n >= 1) & (n <= 6)), (0, True)), over=Z, span=(1, 6)),
    Case("two-sided geometric", sp.Rational(1, 2) ** sp.Abs(n), sp.Rational(1, 3) ** sp.Abs(n),
         over=Z),
    Case("causal geometric Z", step() * sp.Rational(1, 2) ** n, step() * sp.Rational(1, 3) ** n,
         over=Z),
    Case("box[0,2]*box[0,4] Z", sp.Piecewise((1, (n >= 0) & (n <= 2)), (0, True)),
         sp.Piecewise((1, (n >= 0) & (n <= 4)), (0, True)), over=Z, span=(0, 2)),
    Case("uniform 1..k+1 symbolic Z",
         sp.Piecewise((1 / (k + 1), (n >= 1) & (n <= k + 1)), (0, True)),
         sp.Piecewise((1 / (k + 1), (n >= 1) & (n <= k + 1)), (0, True)), over=Z, span=(1, 6)),
    Case("kronecker*geometric Z", sp.KroneckerDelta(n, 2), step() * sp.Rational(1, 2) ** n,
         over=Z, span=(2, 2)),
    Case("Heaviside(n) literal Z", H(n), H(n), over=Z),
    Case("poisson Z with step", step() * lam**n * sp.exp(-lam) / sp.factorial(n),
         step() * mu**n * sp.exp(-mu) / sp.factorial(n), over=Z),
    # ---------------------------------------------------------------- over N ------
    Case("poisson*poisson", sp.exp(-lam) * lam**n / sp.factorial(n),
         sp.exp(-mu) * mu**n / sp.factorial(n), over=N),
    Case("binomial(4,p)*binomial(3,p)", sp.binomial(4, n) * p**n * (1 - p) ** (4 - n),
         sp.binomial(3, n) * p**n * (1 - p) ** (3 - n), over=N),
    Case("binomial(m,1/3)*binomial(2,1/3)", sp.binomial(m, n) * sp.Rational(1, 3) ** n
         * sp.Rational(2, 3) ** (m - n),
         sp.binomial(2, n) * sp.Rational(1, 3) ** n * sp.Rational(2, 3) ** (2 - n), over=N),
    Case("negbin*negbin", sp.binomial(n + 2, n) * sp.Rational(1, 2) ** 3 * sp.Rational(1, 2) ** n,
         sp.binomial(n + 1, n) * sp.Rational(1, 2) ** 2 * sp.Rational(1, 2) ** n, over=N),
    Case("geometric 1/2 * 1/3 N", sp.Rational(1, 2) ** n, sp.Rational(1, 3) ** n, over=N),
    Case("geometric symbolic N", a**n, b**n, over=N),
    Case("n 2^-n * 1 N", n * sp.Rational(1, 2) ** n, sp.S.One, over=N),
    Case("1*1 N", sp.S.One, sp.S.One, over=N),
    Case("n^2 * n N", n**2, n, over=N),
    Case("poisson*geometric N", sp.exp(-1) / sp.factorial(n), sp.Rational(1, 2) ** n, over=N,
         closed=None, timeout=8.0, slow=True),
    Case("harmonic 1/(n+1)^2 N", 1 / (n + 1), 1 / (n + 1), over=N),
    Case("1/(n^2+1) * 1/(n^2+1) N", 1 / (n**2 + 1), 1 / (n**2 + 1), over=N, closed=None,
         timeout=5.0, slow=True),
]

