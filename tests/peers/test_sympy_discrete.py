"""sympy.discrete's convolution and transform tests, ported onto algconv.

Sources: sympy/discrete/tests/test_convolutions.py and test_transforms.py.  Each test names
the peer test it came from.

How the calls translate (and where algconv differs on purpose):

* ``convolution(a, b)`` is ``ac.convolve(a, b)``: exact for ints, Rationals and symbolic
  values (no ``dps`` rounding is ever needed; sympy's ``dps=`` is not offered).
* ``convolution(a, b, cycle=n)`` is ``ac.convolve_cyclic(a, b, period=n)``.
* ``convolution(a, b, prime=p)`` is ``ac.convolve(a, b) % p`` on exact integers (algconv
  has no number-theoretic transform; the exact integer engines make it unnecessary).
* ``convolution_fwht`` / ``covering_product`` / ``intersecting_product`` /
  ``convolution_subset`` are ``ac.convolve_xor`` / ``convolve_or`` / ``convolve_and`` /
  ``convolve_subset``.  sympy pads both inputs to a common power of two; algconv asks for
  equal lengths ``2**n`` (``StructureMismatch`` otherwise), so the ports pad with ``_pad``.
  sympy returns ``[]`` when either input is empty; those cases and the combinations of
  ``dyadic=`` / ``subset=`` with ``cycle=`` (which fold a non-cyclic product) are not ported.
* ``fwht`` / ``ifwht`` / ``mobius_transform`` / ``inverse_mobius_transform`` are
  ``ac.transforms.fwht`` / ``ifwht`` / ``zeta`` / ``mobius``, padded as sympy pads.
"""

import numpy as np
import pytest
import sympy
from sympy import E, I, Rational, S, exp, pi, sqrt, symbols

import algconv as ac
from algconv import transforms


def _obj(xs):
    out = np.empty(len(xs), dtype=object)
    out[:] = list(xs)
    return out


def _pad(a, b):
    """Both inputs zero-padded to one length 2**n, as sympy pads its bitmask products."""
    m = max(len(a), len(b))
    size = 1 << (m - 1).bit_length()
    return (_obj(list(a) + [0] * (size - len(a))), _obj(list(b) + [0] * (size - len(b))))


def _same(got, want):
    got = list(np.asarray(got, dtype=object).tolist())
    assert len(got) == len(want), (got, want)
    for g, w in zip(got, want):
        assert not isinstance(g, (float, complex, sympy.Float)), g  # exact in, exact out
        diff = sympy.expand(sympy.sympify(g) - w)
        if diff != 0:  # sympy's symbolic fft leaves nested radicals: compare to 50 digits
            assert abs(sympy.N(diff, 50)) < 1e-40, (g, w)


x, y = symbols("x y")
u, v, w, z = symbols("u v w z")
p, q, r, s, t = symbols("p q r s t")


# --- test_convolutions.py ----------------------------------------------------------------------


def test_convolution():
    # test_convolutions.py::test_convolution (the fft, integer and rational cases, checked
    # against sympy's own results; the ntt cases are in test_convolution_ntt)
    from sympy.discrete.convolutions import convolution

    a = [1, Rational(5, 3), sqrt(3), Rational(7, 5)]
    b = [9, 5, 5, 4, 3, 2]
    c = [3, 5, 3, 7, 8]
    d = [1422, 6572, 3213, 5552]
    e = [-1, Rational(5, 3), Rational(7, 5)]
    _same(ac.convolve(_obj(a), _obj(b)), convolution(a, b))
    _same(ac.convolve(_obj(a), _obj(d)), convolution(a, d))
    _same(ac.convolve([0], [0]), [0])
    assert ac.convolve(b, c).tolist() == convolution(b, c)
    _same(ac.convolve(_obj([Rational(1, 2)]), _obj([Rational(1, 2)])), [Rational(1, 4)])
    _same(ac.convolve(_obj(b), _obj(e)),
          [-9, 10, Rational(239, 15), Rational(34, 3), Rational(32, 3), Rational(43, 5),
           Rational(113, 15), Rational(14, 5)])
    # dyadic=True and subset=True are the named bitmask products
    _same(ac.convolve_xor(*_pad(a, b)), convolution(a, b, dyadic=True))
    _same(ac.convolve_subset(*_pad(a, b)), convolution(a, b, subset=True))


def test_cyclic_convolution():
    # test_convolutions.py::test_cyclic_convolution (the fft cases; the ntt cases through
    # ``% prime``; dyadic / subset with cycle are not offered, see the module docstring)
    full = ac.convolve([1, 2, 3], [4, 5, 6]).tolist()
    assert ac.convolve_cyclic([1, 2, 3], [4, 5, 6], period=5).tolist() == full
    assert ac.convolve_cyclic([1, 2, 3], [4, 5, 6], period=3).tolist() == [31, 31, 28]
    a = [Rational(1, 3), Rational(7, 3), Rational(5, 9), Rational(2, 7), Rational(5, 8)]
    b = [Rational(3, 5), Rational(4, 7), Rational(7, 8), Rational(8, 9)]
    full = ac.convolve(_obj(a), _obj(b))
    _same(ac.convolve_cyclic(_obj(a), _obj(b), period=len(a) + len(b) - 1), list(full))
    _same(ac.convolve_cyclic(_obj(a), _obj(b), period=4),
          [Rational(87277, 26460), Rational(30521, 11340), Rational(11125, 4032),
           Rational(3653, 1080)])
    _same(ac.convolve_cyclic(_obj(a), _obj(b), period=6),
          [Rational(20177, 20160), Rational(676, 315), Rational(47, 24), Rational(3053, 1080),
           Rational(16397, 5292), Rational(2497, 2268)])
    _same(ac.convolve_cyclic(_obj(a), _obj(b), period=9), list(full) + [S.Zero])
    prime = 19 * 2**10 + 1
    a = [2313, 5323532, 3232, 42142, 42242421]
    b = [33456, 56757, 45754, 432423]
    assert [v % prime for v in ac.convolve_cyclic(a, b, period=5).tolist()] == \
        [96, 17146, 2664, 15534, 3517]
    assert [v % prime for v in ac.convolve_cyclic(a, b, period=7).tolist()] == \
        [4643, 3458, 1260, 15534, 3517, 16314, 13688]
    with pytest.raises(ac.InvalidArgument):  # sympy: ValueError for cycle=-1
        ac.convolve_cyclic([1, 2, 3], [4, 5, 6], period=-1)


def test_convolution_fft():
    # test_convolutions.py::test_convolution_fft (sympy's fft path, exact in algconv)
    assert ac.convolve([1, 2, 3], [4, 5, 6]).tolist() == [4, 13, 28, 27, 18]
    assert ac.convolve([1], [5, 6, 7]).tolist() == [5, 6, 7]
    assert ac.convolve([1, 3], [5, 6, 7]).tolist() == [5, 21, 25, 21]
    _same(ac.convolve(_obj([1 + 2 * I]), _obj([2 + 3 * I])), [-4 + 7 * I])
    _same(ac.convolve(_obj([1 + 2 * I, 3 + 4 * I, 5 + 3 * I / 5]),
                      _obj([Rational(2, 5) + 4 * I / 7])),
          [Rational(-26, 35) + I * 48 / 35, Rational(-38, 35) + I * 116 / 35,
           Rational(58, 35) + I * 542 / 175])
    _same(ac.convolve(_obj([Rational(3, 4), Rational(5, 6)]),
                      _obj([Rational(7, 8), Rational(1, 3), Rational(2, 5)])),
          [Rational(21, 32), Rational(47, 48), Rational(26, 45), Rational(1, 3)])
    _same(ac.convolve(_obj([Rational(1, 9), Rational(2, 3), Rational(3, 5)]),
                      _obj([Rational(2, 5), Rational(3, 7), Rational(4, 9)])),
          [Rational(2, 45), Rational(11, 35), Rational(8152, 14175), Rational(523, 945),
           Rational(4, 15)])
    _same(ac.convolve(_obj([pi, E, sqrt(2)]), _obj([sqrt(3), 1 / pi, 1 / E])),
          [sqrt(3) * pi, 1 + sqrt(3) * E, E / pi + pi * exp(-1) + sqrt(6), sqrt(2) / pi + 1,
           sqrt(2) * exp(-1)])
    assert ac.convolve([2321, 33123], [5321, 6321, 71323]).tolist() == \
        [12350041, 190918524, 374911166, 2362431729]
    assert ac.convolve([312313, 31278232], [32139631, 319631]).tolist() == \
        [10037624576503, 1005370659728895, 9997492572392]
    # sympy refuses symbols in its fft (ValueError); algconv convolves them exactly.  sympy's
    # TypeError for a bare symbol (a non-sequence) differs on purpose: 0-d inputs multiply,
    # as scipy's do
    _same(ac.convolve(_obj([x, y]), _obj([y, x])), [x * y, x**2 + y**2, x * y])
    assert ac.convolve(x, y) == x * y


def test_convolution_ntt():
    # test_convolutions.py::test_convolution_ntt: convolution mod a prime is the exact integer
    # convolution reduced mod the prime
    pr = 7 * 17 * 2**23 + 1
    qr = 19 * 2**10 + 1
    rr = 2 * 500000003 + 1

    def mod(a, b, m):
        return [v % m for v in ac.convolve(a, b).tolist()]

    assert mod([2], [3], rr) == [6]
    assert mod([2, 3], [4], rr) == [8, 12]
    assert mod([32121, 42144, 4214, 4241], [32132, 3232, 87242], pr) == \
        [33867619, 459741727, 79180879, 831885249, 381344700, 369993322]
    assert mod([121913, 3171831, 31888131, 12], [17882, 21292, 29921, 312], qr) == \
        [8158, 3065, 3682, 7090, 1239, 2232, 3744]
    assert mod([12, 19, 21, 98, 67], [2, 6, 7, 8, 9], pr) == \
        mod([12, 19, 21, 98, 67], [2, 6, 7, 8, 9], qr)


def test_convolution_fwht():
    # test_convolutions.py::test_convolution_fwht (non-empty cases)
    assert ac.convolve_xor(*_pad([1, 2, 3], [4, 5, 6])).tolist() == [32, 13, 18, 27]
    _same(ac.convolve_xor(*_pad([Rational(5, 7), Rational(6, 8), Rational(7, 3)],
                                [2, 4, Rational(6, 7)])),
          [Rational(45, 7), Rational(61, 14), Rational(776, 147), Rational(419, 42)])
    a = [1, Rational(5, 3), sqrt(3), Rational(7, 5), 4 + 5 * I]
    b = [94, 51, 53, 45, 31, 27, 13]
    c = [3 + 4 * I, 5 + 7 * I, 3, Rational(7, 6), 8]
    _same(ac.convolve_xor(*_pad(a, b)),
          [53 * sqrt(3) + 366 + 155 * I, 45 * sqrt(3) + Rational(5848, 15) + 135 * I,
           94 * sqrt(3) + Rational(1257, 5) + 65 * I, 51 * sqrt(3) + Rational(3974, 15),
           13 * sqrt(3) + 452 + 470 * I, Rational(4513, 15) + 255 * I,
           31 * sqrt(3) + Rational(1314, 5) + 265 * I, 27 * sqrt(3) + Rational(3676, 15) + 225 * I])
    _same(ac.convolve_xor(*_pad(b, c)),
          [Rational(1993, 2) + 733 * I, Rational(6215, 6) + 862 * I, Rational(1659, 2) + 527 * I,
           Rational(1988, 3) + 551 * I, 1019 + 313 * I, Rational(3955, 6) + 325 * I,
           Rational(1175, 2) + 52 * I, Rational(3253, 6) + 91 * I])
    _same(ac.convolve_xor(*_pad(a[3:], c)),
          [Rational(-54, 5) + I * 293 / 5, -1 + I * 204 / 5, Rational(133, 15) + I * 35 / 6,
           Rational(409, 30) + 15 * I, Rational(56, 5), 32 + 40 * I, 0, 0])
    _same(ac.convolve_xor(*_pad([u, v], [x, y])), [u * x + v * y, u * y + v * x])
    _same(ac.convolve_xor(*_pad([u, v, w], [x, y])), [u * x + v * y, u * y + v * x, w * x, w * y])
    _same(ac.convolve_xor(*_pad([u, v, w], [x, y, z])),
          [u * x + v * y + w * z, u * y + v * x, u * z + w * x, v * z + w * y])
    with pytest.raises(ac.AlgconvError):  # sympy: TypeError for non-sequences
        ac.convolve_xor(x, y)


def test_convolution_subset():
    # test_convolutions.py::test_convolution_subset (non-empty cases)
    _same(ac.convolve_subset(_obj([6 + I * 3 / 7]), _obj([Rational(2, 3)])), [4 + I * 2 / 7])
    a = [1, Rational(5, 3), sqrt(3), 4 + 5 * I]
    b = [64, 71, 55, 47, 33, 29, 15]
    c = [3 + I * 2 / 3, 5 + 7 * I, 7, Rational(7, 5), 9]
    _same(ac.convolve_subset(*_pad(a, b)),
          [64, Rational(533, 3), 55 + 64 * sqrt(3), 71 * sqrt(3) + Rational(1184, 3) + 320 * I,
           33, 84, 15 + 33 * sqrt(3), 29 * sqrt(3) + 157 + 165 * I])
    _same(ac.convolve_subset(*_pad(b, c)),
          [192 + I * 128 / 3, 533 + I * 1486 / 3, 613 + I * 110 / 3,
           Rational(5013, 5) + I * 1249 / 3, 675 + 22 * I, 891 + I * 751 / 3, 771 + 10 * I,
           Rational(3736, 5) + 105 * I])
    _same(ac.convolve_subset(*_pad(a, c)), list(ac.convolve_subset(*_pad(c, a))))
    _same(ac.convolve_subset(*_pad(a[:2], b)),
          [64, Rational(533, 3), 55, Rational(416, 3), 33, 84, 15, 25])
    _same(ac.convolve_subset(*_pad(a[:2], c)),
          [3 + I * 2 / 3, 10 + I * 73 / 9, 7, Rational(196, 15), 9, 15, 0, 0])
    _same(ac.convolve_subset(*_pad([u, v, w], [x, y])), [u * x, u * y + v * x, w * x, w * y])
    _same(ac.convolve_subset(*_pad([u, v, w, x], [y, z])),
          [u * y, u * z + v * y, w * y, w * z + x * y])


def test_covering_product():
    # test_convolutions.py::test_covering_product (non-empty cases): union, ac.convolve_or
    _same(ac.convolve_or(_obj([6 + I * 3 / 7]), _obj([Rational(2, 3)])), [4 + I * 2 / 7])
    a = [1, Rational(5, 8), sqrt(7), 4 + 9 * I]
    b = [66, 81, 95, 49, 37, 89, 17]
    c = [3 + I * 2 / 3, 51 + 72 * I, 7, Rational(7, 15), 91]
    _same(ac.convolve_or(*_pad(a, b)),
          [66, Rational(1383, 8), 95 + 161 * sqrt(7), 130 * sqrt(7) + 1303 + 2619 * I, 37,
           Rational(671, 4), 17 + 54 * sqrt(7), 89 * sqrt(7) + Rational(4661, 8) + 1287 * I])
    _same(ac.convolve_or(*_pad(b, c)),
          [198 + 44 * I, 7740 + 10638 * I, 1412 + I * 190 / 3, Rational(42684, 5) + I * 31202 / 3,
           9484 + I * 74 / 3, 22163 + I * 27394 / 3, 10621 + I * 34 / 3,
           Rational(90236, 15) + 1224 * I])
    _same(ac.convolve_or(*_pad(b, c[:-1])),
          [198 + 44 * I, 7740 + 10638 * I, 1412 + I * 190 / 3, Rational(42684, 5) + I * 31202 / 3,
           111 + I * 74 / 3, 6693 + I * 27394 / 3, 429 + I * 34 / 3,
           Rational(23351, 15) + 1224 * I])
    _same(ac.convolve_or(*_pad(a, c[:-1])),
          [3 + I * 2 / 3, Rational(339, 4) + I * 1409 / 12, 7 + 10 * sqrt(7) + 2 * sqrt(7) * I / 3,
           -403 + 772 * sqrt(7) / 15 + 72 * sqrt(7) * I + I * 12658 / 15])
    _same(ac.convolve_or(*_pad([u, v, w], [x, y])), [u * x, u * y + v * x + v * y, w * x, w * y])
    _same(ac.convolve_or(*_pad([u, v, w, x], [y, z])),
          [u * y, u * z + v * y + v * z, w * y, w * z + x * y + x * z])


def test_intersecting_product():
    # test_convolutions.py::test_intersecting_product (non-empty cases): ac.convolve_and
    _same(ac.convolve_and(_obj([6 + I * 3 / 7]), _obj([Rational(2, 3)])), [4 + I * 2 / 7])
    a = [1, sqrt(5), Rational(3, 8) + 5 * I, 4 + 7 * I]
    b = [67, 51, 65, 48, 36, 79, 27]
    c = [3 + I * 2 / 5, 5 + 9 * I, 7, Rational(7, 19), 13]
    _same(ac.convolve_and(*_pad(a, b)),
          [195 * sqrt(5) + Rational(6979, 8) + 1886 * I, 178 * sqrt(5) + 520 + 910 * I,
           Rational(841, 2) + 1344 * I, 192 + 336 * I, 0, 0, 0, 0])
    _same(ac.convolve_and(*_pad(b, c)),
          [Rational(128553, 19) + I * 9521 / 5, Rational(17820, 19) + 1602 * I,
           Rational(19264, 19), Rational(336, 19), 1846, 0, 0, 0])
    _same(ac.convolve_and(*_pad(b[1:], c[:-1])),
          [Rational(64788, 19) + I * 8622 / 5, Rational(12804, 19) + 1152 * I,
           Rational(11508, 19), Rational(252, 19), 0, 0, 0, 0])
    _same(ac.convolve_and(*_pad(a, c[:-2])),
          [Rational(-99, 5) + 10 * sqrt(5) + 2 * sqrt(5) * I / 5 + I * 3021 / 40,
           -43 + 5 * sqrt(5) + 9 * sqrt(5) * I + 71 * I, Rational(245, 8) + 84 * I, 0])
    _same(ac.convolve_and(*_pad([u, v, w], [x, y])),
          [u * x + u * y + v * x + w * x + w * y, v * y, 0, 0])
    _same(ac.convolve_and(*_pad([u, v, w, x], [y, z])),
          [u * y + u * z + v * y + w * y + w * z + x * y, v * z + x * z, 0, 0])


def test_convolution_int():
    # test_convolutions.py::test_convolution_int
    cases = [
        ([1], [1], [1]),
        ([1, 1], [0], [0, 0]),  # sympy trims to [0]; algconv keeps the full length
        ([1, 2, 3], [4, 5, 6], [4, 13, 28, 27, 18]),
        ([1], [5, 6, 7], [5, 6, 7]),
        ([1, 3], [5, 6, 7], [5, 21, 25, 21]),
        ([10, -5, 1, 3], [-5, 6, 7], [-50, 85, 35, -44, 25, 21]),
        ([0, 1, 0, -1], [1, 0, -1, 0], [0, 1, 0, -2, 0, 1, 0]),  # sympy trims the last 0
        ([-341, -5, 1, 3, -71, -99, 43, 87], [5, 6, 7, 12, 345, 21, -78, -7, -89],
         [-1705, -2071, -2412, -4106, -118035, -9774, 25998, 2981, 5509, -34317, 19228, 38870,
          5485, 1724, -4436, -7743]),
    ]
    for a, b, want in cases:
        assert ac.convolve(a, b).tolist() == want


# --- test_transforms.py ------------------------------------------------------------------------


def test_fwht_ifwht():
    # test_transforms.py::test_fwht_ifwht
    for f in (transforms.fwht, transforms.ifwht):
        assert f([]).tolist() == []
        _same(f(_obj([Rational(7, 4)])), [Rational(7, 4)])
    ls = [213, 321, 43235, 5325, 312, 53]
    fls = [49459, 38061, -47661, -37759, 48729, 37543, -48391, -38277]
    assert transforms.fwht(ls).tolist() == fls
    assert transforms.ifwht(fls).tolist() == ls + [0] * 2
    ls = [S.Half + 2 * I, Rational(3, 7) + 4 * I, Rational(5, 6) + 6 * I, Rational(7, 3),
          Rational(9, 4)]
    ifls = [Rational(533, 672) + I * 3 / 2, Rational(23, 224) + I / 2, Rational(1, 672),
            Rational(107, 224) - I, Rational(155, 672) + I * 3 / 2, Rational(-103, 224) + I / 2,
            Rational(-377, 672), Rational(-19, 224) - I]
    _same(transforms.ifwht(_obj(ls)), ifls)
    _same(transforms.fwht(_obj(ifls)), ls + [S.Zero] * 3)
    with pytest.raises(ac.InvalidType):  # sympy: TypeError
        transforms.fwht(x)
    ls = [x, 2 * x, 3 * x**2, 4 * x**3]
    ifls = [x**3 + 3 * x**2 / 4 + x * Rational(3, 4), -x**3 + 3 * x**2 / 4 - x / 4,
            -x**3 - 3 * x**2 / 4 + x * Rational(3, 4), x**3 - 3 * x**2 / 4 - x / 4]
    _same(transforms.ifwht(_obj(ls)), ifls)
    _same(transforms.fwht(_obj(ifls)), ls)
    ls = [x, y, x**2, y**2, x * y]
    fls = [x**2 + x * y + x + y**2 + y, x**2 + x * y + x - y**2 - y,
           -x**2 + x * y + x - y**2 + y, -x**2 + x * y + x + y**2 - y,
           x**2 - x * y + x + y**2 + y, x**2 - x * y + x - y**2 - y,
           -x**2 - x * y + x - y**2 + y, -x**2 - x * y + x + y**2 - y]
    _same(transforms.fwht(_obj(ls)), fls)
    _same(transforms.ifwht(_obj(fls)), ls + [S.Zero] * 3)
    ls = list(range(6))
    assert transforms.fwht(ls).tolist() == [8 * v for v in transforms.ifwht(ls).tolist()]


def test_mobius_transform():
    # test_transforms.py::test_mobius_transform
    for f in (transforms.zeta, transforms.mobius):
        for subset in (True, False):
            assert f([], subset=subset).tolist() == []
            _same(f(_obj([Rational(7, 4)]), subset=subset), [Rational(7, 4)])
    _same(transforms.zeta(_obj([x, y])), [x, x + y])
    _same(transforms.mobius(_obj([x, x + y])), [x, y])
    _same(transforms.zeta(_obj([x, y]), subset=False), [x + y, y])
    _same(transforms.mobius(_obj([x + y, y]), subset=False), [x, y])
    _same(transforms.zeta(_obj([w, x, y, z])), [w, w + x, w + y, w + x + y + z])
    _same(transforms.mobius(_obj([w, w + x, w + y, w + x + y + z])), [w, x, y, z])
    _same(transforms.zeta(_obj([w, x, y, z]), subset=False), [w + x + y + z, x + z, y + z, z])
    _same(transforms.mobius(_obj([w + x + y + z, x + z, y + z, z]), subset=False), [w, x, y, z])
    ls = [Rational(2, 3), Rational(6, 7), Rational(5, 8), 9, Rational(5, 3) + 7 * I]
    mls = [Rational(2, 3), Rational(32, 21), Rational(31, 24), Rational(1873, 168),
           Rational(7, 3) + 7 * I, Rational(67, 21) + 7 * I, Rational(71, 24) + 7 * I,
           Rational(2153, 168) + 7 * I]
    _same(transforms.zeta(_obj(ls)), mls)
    _same(transforms.mobius(_obj(mls)), ls + [S.Zero] * 3)
    mls = [Rational(2153, 168) + 7 * I, Rational(69, 7), Rational(77, 8), 9,
           Rational(5, 3) + 7 * I, 0, 0, 0]
    _same(transforms.zeta(_obj(ls), subset=False), mls)
    _same(transforms.mobius(_obj(mls), subset=False), ls + [S.Zero] * 3)
    ls = ls[:-1]
    mls = [Rational(2, 3), Rational(32, 21), Rational(31, 24), Rational(1873, 168)]
    _same(transforms.zeta(_obj(ls)), mls)
    _same(transforms.mobius(_obj(mls)), ls)
    mls = [Rational(1873, 168), Rational(69, 7), Rational(77, 8), 9]
    _same(transforms.zeta(_obj(ls), subset=False), mls)
    _same(transforms.mobius(_obj(mls), subset=False), ls)
    with pytest.raises(ac.InvalidType):
        transforms.zeta(x, subset=True)
    with pytest.raises(ac.InvalidType):
        transforms.mobius(y, subset=False)
