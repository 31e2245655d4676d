"""Nodes with capacity and labels, and placement that honours selectors, required nodes and room."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GIB = 1024**3
GBIT = 1_000_000_000

DEFAULT_NODES: list[dict[str, Any]] = [
    {"name": "node-01", "cpus": 64, "memory": 256 * GIB, "disk": 8192 * GIB, "labels": {"zone": "us-west-1a"}},
    {"name": "node-02", "cpus": 64, "memory": 256 * GIB, "disk": 8192 * GIB, "labels": {"zone": "us-west-1a"}},
    {
        "name": "node-gpu-01",
        "cpus": 64,
        "memory": 512 * GIB,
        "disk": 16384 * GIB,
        "labels": {"zone": "us-west-1a", "gpu": "nvidia"},
    },
    {
        "name": "node-gpu-02",
        "cpus": 64,
        "memory": 512 * GIB,
        "disk": 16384 * GIB,
        "labels": {"zone": "us-west-1a", "gpu": "nvidia"},
    },
    {"name": "target-node", "cpus": 64, "memory": 256 * GIB, "disk": 8192 * GIB, "labels": {"zone": "us-west-1b"}},
    {"name": "node-03", "cpus": 32, "memory": 128 * GIB, "disk": 4096 * GIB, "labels": {"zone": "us-east-1a"}},
    {"name": "node-04", "cpus": 32, "memory": 128 * GIB, "disk": 4096 * GIB, "labels": {"zone": "us-east-1a"}},
]


@dataclass
class Node:
    """A host: capacity, labels, link bandwidth (bits/s) and what is placed on it."""

    name: str
    cpus: int
    memory: int
    disk: int
    labels: dict[str, str] = field(default_factory=dict)
    link: int = 10 * GBIT
    used_cpus: int = 0
    used_memory: int = 0
    used_disk: int = 0

    def fits(self, cpus: int, memory: int, disk: int) -> bool:
        """True when the node has room for that much more."""
        return (
            self.used_cpus + cpus <= self.cpus
            and self.used_memory + memory <= self.memory
            and self.used_disk + disk <= self.disk
        )

    def reserve(self, cpus: int, memory: int, disk: int, sign: int = 1) -> None:
        """Takes (sign 1) or gives back (sign -1) capacity."""
        self.used_cpus += sign * cpus
        self.used_memory += sign * memory
        self.used_disk += sign * disk


class Cluster:
    """The nodes by name, in declaration order (placement prefers the least loaded)."""

    def __init__(self, nodes: list[dict[str, Any]]) -> None:
        self.nodes = {spec["name"]: _node(spec) for spec in nodes}

    def candidates(self, config: dict[str, Any]) -> list[Node]:
        """Nodes allowed by the VM's affinity (selector, required nodes), ignoring capacity."""
        affinity = config.get("affinity") or {}
        selector = dict(affinity.get("node_selector") or {})
        required = set(affinity.get("required_nodes") or [])
        if config.get("enable_gpu"):
            selector.setdefault("gpu", "nvidia")
        nodes = [n for n in self.nodes.values() if all(n.labels.get(k) == v for k, v in selector.items())]
        if required:
            nodes = [n for n in nodes if n.name in required]
        return nodes

    def place(self, config: dict[str, Any], avoid: set[str]) -> Node | None:
        """The node a new VM goes to (preferred nodes first, then the emptiest), or None if none fits."""
        preferred = (config.get("affinity") or {}).get("preferred_nodes") or []
        fitting = [
            n
            for n in self.candidates(config)
            if n.name not in avoid and n.fits(config["cpus"], config["memory"], config["disk"])
        ]
        if not fitting:
            return None
        fitting.sort(key=lambda n: (n.name not in preferred, n.used_memory / n.memory, n.name))
        return fitting[0]


def _node(spec: dict[str, Any]) -> Node:
    return Node(
        name=spec["name"],
        cpus=int(spec["cpus"]),
        memory=int(spec["memory"]),
        disk=int(spec.get("disk", 1024 * GIB)),
        labels=dict(spec.get("labels", {})),
        link=int(spec.get("link", 10 * GBIT)),
    )


def load(path: str | Path) -> list[dict[str, Any]]:
    """Node specs of a cluster file: JSON {"nodes": [{name, cpus, memory, disk?, labels?, link?}]}."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return validate(data)


def validate(data: Any) -> list[dict[str, Any]]:
    """The node list of a cluster document, or ValueError naming what is wrong."""
    nodes = data.get("nodes") if isinstance(data, dict) else None
    if not isinstance(nodes, list) or not nodes:
        raise ValueError("a cluster needs a non-empty 'nodes' list")
    for spec in nodes:
        if not isinstance(spec, dict) or not isinstance(spec.get("name"), str):
            raise ValueError("each node needs a 'name'")
        for key in ("cpus", "memory"):
            if not isinstance(spec.get(key), int) or spec[key] <= 0:
                raise ValueError(f"node {spec['name']}: '{key}' must be a positive integer")
    return nodes
