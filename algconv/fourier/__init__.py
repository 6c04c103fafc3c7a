"""Harmonic analysis on finite groups: irreducible representations and the Fourier transform.

``irreps(G)`` lists the irreducible unitary representations of a finite group,
``transform(f)`` maps a Function to one matrix per irrep, ``inverse_transform(F, over=G)``
maps back, and convolution becomes matrix multiplication:
``transform(f * g)[k] == transform(f)[k] @ transform(g)[k]``.  The engine
``method="fourier"`` of ``ac.convolve`` uses it (fast on ``S_n``).

Examples
--------
>>> S4 = ac.SymmetricGroup(4)
>>> [r.dimension for r in ac.fourier.irreps(S4)]
[1, 3, 2, 3, 1]
"""

from .representation import Representation
from .transform import inverse_transform, irreps, transform

__all__ = ["Representation", "irreps", "transform", "inverse_transform"]
