"""A stand-in for Lava's public API (Lava is not packaged for Debian): each
process records the keyword arguments it was built with and each port the
views and connections made on it, so that tests can check what
snnc_lava.load asks of Lava."""

import enum

LOG = []


class Port:
    def __init__(self, owner, name, view=()):
        self.owner, self.name, self.view = owner, name, tuple(view)

    def reshape(self, shape):
        return Port(self.owner, self.name, self.view + (("reshape", shape),))

    def transpose(self, axes):
        return Port(self.owner, self.name, self.view + (("transpose", axes),))

    def connect(self, other):
        LOG.append(f"connect {self.owner}.{self.name}{list(self.view)} -> "
                   f"{other.owner}.{other.name}")


class Process:
    def __init__(self, **kwargs):
        self.kwargs = kwargs
        name = kwargs["name"]
        for port in ("s_in", "s_out", "a_in", "a_out", "s_in_bap"):
            setattr(self, port, Port(name, port))
        shown = ", ".join(f"{k}={_show(v)}" for k, v in sorted(kwargs.items()))
        LOG.append(f"{type(self).__name__}({shown})")


def _show(v):
    import numpy as np
    if isinstance(v, np.ndarray):
        return f"array{list(v.shape)}:{v.dtype.kind}:{v.ravel().tolist()[:8]}"
    if hasattr(v, "tocoo"):
        c = v.tocoo()
        return (f"csr{list(v.shape)}:rows={c.row.tolist()}:"
                f"cols={c.col.tolist()}:values={c.data.tolist()}")
    if isinstance(v, enum.Enum):
        return f"{type(v).__name__}.{v.name}"
    if isinstance(v, Recorded):
        shown = ", ".join(f"{k}={_show(x)}" for k, x in sorted(v.kwargs.items()))
        return f"{type(v).__name__}({shown})"
    return repr(v)


class Recorded:
    """A non-process object (a learning rule) shown with its arguments."""

    def __init__(self, **kwargs):
        self.kwargs = kwargs
