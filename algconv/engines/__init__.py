"""Engines, registered by name: convolution engines (one module each) in ``ENGINES``,
inversion engines (``inverters.py``) in ``INVERTERS``.

The one selection loop of ``algconv.selection`` picks among a registry's engines
(``choose_method`` for ``ENGINES``, ``algconv.inverse`` for ``INVERTERS``);
``method=NAME`` forces one.

Examples
--------
>>> from algconv.engines import ENGINES, INVERTERS
>>> ENGINES["direct"], INVERTERS["solve"]
(<engine 'direct'>, <engine 'solve'>)
"""

from .base import Engine, Problem, Window
from .direct import DirectEngine
from .dirichlet import DirichletEngine
from .exact import ExactEngine
from .fft import FFTEngine, OverlapAddEngine
from .fourier import FourierEngine
from .inverters import INVERTER_CLASSES
from .ndimage import NdimageEngine
from .semiring_fast import SEMIRING_ENGINES
from .separable import SeparableEngine
from .stencil import StencilEngine
from .table import TableEngine
from .transforms import XorEngine, ZetaEngine

__all__ = ["ENGINES", "INVERTERS", "register", "Engine", "Problem", "Window"]

#: name -> convolution engine; order is the tie-break order of equal costs
ENGINES: dict[str, Engine] = {}
#: name -> inversion engine (``algconv.inverse``), the same interface and tie-break rule
INVERTERS: dict[str, Engine] = {}


def register(engine: Engine, registry: dict | None = None) -> Engine:
    """Add ``engine`` to ``registry`` (default ``ENGINES``) under ``engine.name``, replacing
    one of that name.

    Examples
    --------
    >>> from algconv.engines.direct import DirectEngine
    >>> register(DirectEngine()).name in ENGINES
    True
    """
    (ENGINES if registry is None else registry)[engine.name] = engine
    return engine


register(DirectEngine())
register(TableEngine())
register(XorEngine())
register(ZetaEngine())
register(DirichletEngine())
register(FourierEngine())
register(FFTEngine())
register(OverlapAddEngine())
register(ExactEngine())
register(SeparableEngine())
register(NdimageEngine())
register(StencilEngine())
for _engine in SEMIRING_ENGINES:
    register(_engine())
for _inverter in INVERTER_CLASSES:
    register(_inverter(), INVERTERS)
