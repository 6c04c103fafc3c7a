"""Peer suites: the convolution tests of scipy.signal, scipy.ndimage, numpy and sympy.discrete,
ported onto algconv wherever algconv offers the feature.  Each test names the peer test it came
from as ``file::class::name``; a comment marks every place algconv differs on purpose."""
