"""The public namespace and the promise that a core import never imports an extra."""

import subprocess
import sys

import algconv as ac


def test_all_names_exist_and_are_exported():
    for name in ac.__all__:
        assert hasattr(ac, name), name
    assert len(set(ac.__all__)) == len(ac.__all__)
    public = {n for n in vars(ac) if not n.startswith("_") and not isinstance(getattr(ac, n), type(ac))}
    public -= {"annotations"}
    assert public <= set(ac.__all__) | {"plot"}, public - set(ac.__all__)


def test_core_import_does_not_import_extras():
    code = (
        "import sys, algconv\n"
        "bad = [m for m in ('matplotlib', 'PIL', 'flint', 'dask', 'distributed') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_core_import_loads_no_heavy_dependency():
    """scipy.signal, sympy and hypothesis load on first use of a feature that needs them
    (issue 17: ``import algconv`` within 1.5x of ``import numpy, scipy.fft``)."""
    heavy = ("scipy.signal", "scipy.ndimage", "scipy.linalg", "sympy", "hypothesis",
             "networkx", "algconv.laws", "algconv.strategies")
    code = (
        "import sys, algconv\n"
        f"print(','.join(m for m in {heavy!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_lazy_submodules_import_on_access_and_complete():
    code = (
        "import sys, algconv as ac\n"
        "names = dir(ac)\n"
        "assert {'laws', 'strategies', 'symbolic', 'plot'} <= set(names), names\n"
        "assert ac.laws.check is sys.modules['algconv.laws'].check\n"
        "assert 'hypothesis' in sys.modules and 'sympy' not in sys.modules\n"
        "from algconv import strategies\n"
        "print(strategies.__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "algconv.strategies"


PUBLIC_MODULES = [
    "algconv", "algconv.structures", "algconv.engines", "algconv.config", "algconv.validation",
    "algconv.arith", "algconv.linear", "algconv.laws", "algconv.probability", "algconv.graphs",
    "algconv.strategies", "algconv.semirings", "algconv.fourier", "algconv.symbolic", "algconv.plot",
    "algconv.filtering", "algconv.inverse", "algconv.named", "algconv.daskarray", "algconv.spec",
    "algconv.equivariant", "algconv.dispatch", "algconv.function", "algconv.errors",
    "algconv.cli", "algconv.engines.direct", "algconv.engines.table", "algconv.engines.fft",
    "algconv.engines.exact", "algconv.engines.transforms", "algconv.engines.dirichlet",
    "algconv.engines.fourier", "algconv.transforms", "algconv._kernels", "algconv.separable",
    "algconv.engines.separable", "algconv.engines.inverters",
]


def test_every_public_function_and_class_has_an_example():
    import importlib
    import inspect

    missing = []
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            if (inspect.isfunction(obj) or inspect.isclass(obj)) and ">>>" not in (obj.__doc__ or ""):
                missing.append(f"{module_name}.{name}")
    assert not missing, missing
