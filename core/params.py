"""Rules and scenarios as plain data: dataclasses that save to and load from JSON dicts.

Example
-------
>>> from dataclasses import dataclass, field
>>> @dataclass
... class Rule(PlainData):
...     rate: float = 0.1
...     kind: str = field(default="rule", init=False)
>>> Rule.from_dict({"rate": 0.2, "kind": "rule", "added_later": 1})
Rule(rate=0.2, kind='rule')
>>> Rule(0.3).to_dict()
{'rate': 0.3, 'kind': 'rule'}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, fields


class PlainData:
    """Mixin for dataclasses of parameters: ``to_dict`` / ``from_dict`` round trip.

    ``from_dict`` ignores unknown keys (a save from an older or newer version) and
    fields that are not constructor arguments (such as a fixed ``kind``).
    """

    def to_dict(self) -> dict:
        """Plain JSON-serialisable dict of every field."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping):
        """Rebuild from :meth:`to_dict` output (unknown keys ignored)."""
        if not isinstance(data, Mapping):
            raise ValueError(f"a saved {cls.__name__} must be a dictionary")
        names = {f.name for f in fields(cls) if f.init}
        return cls(**{k: v for k, v in data.items() if k in names})
