"""Convolution engines, one module each, registered by name in ``ENGINES``.

``algconv.dispatch.choose_method`` picks among them; ``method=NAME`` forces one.

Examples
--------
>>> from algconv.engines import ENGINES
>>> ENGINES["direct"]
<engine 'direct'>
"""

from .base import Engine, Problem, Window
from .direct import DirectEngine
from .dirichlet import DirichletEngine
from .exact import ExactEngine
from .fft import FFTEngine, OverlapAddEngine
from .fourier import FourierEngine
from .ndimage import NdimageEngine
from .semiring_fast import SEMIRING_ENGINES
from .separable import SeparableEngine
from .stencil import StencilEngine
from .table import TableEngine
from .transforms import XorEngine, ZetaEngine

__all__ = ["ENGINES", "register", "Engine", "Problem", "Window"]

#: name -> engine; order is the tie-break order of equal costs
ENGINES: dict[str, Engine] = {}


def register(engine: Engine) -> Engine:
    """Add ``engine`` to the registry under ``engine.name`` (replacing one of that name).

    Examples
    --------
    >>> from algconv.engines.direct import DirectEngine
    >>> register(DirectEngine()).name in ENGINES
    True
    """
    ENGINES[engine.name] = engine
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
