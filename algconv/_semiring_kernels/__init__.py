"""Fast array kernels of the value semirings (max-plus, min-plus, Boolean, mod m, log-sum-exp).

Numpy arrays in, numpy arrays out, full convolution on Z^d (``out.shape == a.shape +
b.shape - 1``, ``out[c] = add over i + j = c of mul(a[i], b[j])``), each exact or with a
proven error bound.  Private: ``algconv.semirings`` and the engines call them.

* ``tropical``: ``tropical_convolve`` (max-plus / min-plus, witnesses; exact pruning for
  1-D), ``tropical_filter`` (grey dilation / erosion with ``algconv.filter``'s geometry,
  through scipy.ndimage where its conventions provably agree);
* ``concave``: ``concave_tropical`` (concave / convex sequences by a merge of slopes);
* ``boolean``: ``boolean_convolve`` (FFT counts with a proven error bound);
* ``modular``: ``modular_convolve`` (any modulus m >= 2: balanced digits, exact FFTs);
* ``logsumexp``: ``logsumexp_convolve`` (a shift per output: accurate in every entry);
* ``fft_digits``: exact convolution of small-integer digit arrays by float FFT (Percival's bound;
  blocked for long 1-D inputs, Karatsuba's products for three digits a side).
"""

from .boolean import boolean_convolve
from .concave import concave_tropical
from .logsumexp import logsumexp_convolve
from .modular import modular_convolve
from .tropical import tropical_convolve, tropical_filter

__all__ = [
    "boolean_convolve",
    "concave_tropical",
    "logsumexp_convolve",
    "modular_convolve",
    "tropical_convolve",
    "tropical_filter",
]
