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


def test_every_public_callable_has_an_example():
    missing = []
    for name in ac.__all__:
        obj = getattr(ac, name)
        if callable(obj) and not (obj.__doc__ and ">>>" in obj.__doc__):
            missing.append(name)
    assert not missing, missing
