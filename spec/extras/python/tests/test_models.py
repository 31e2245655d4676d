"""Models: constraints checked before any request, forward compatibility, typed decode failures."""

from __future__ import annotations

from typing import Any

import pytest

import dwcp
from dwcp._errors import CATALOGUE
from dwcp._runtime.model import decode

GIB = 1024**3


def config(**changes: Any) -> dwcp.VMConfig:
    fields: dict[str, Any] = {"name": "web-1", "memory": 2 * GIB, "cpus": 2, "disk": 20 * GIB, "image": "ubuntu"}
    return dwcp.VMConfig(**{**fields, **changes})


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "Bad_Name"}, "name"),
        ({"memory": 1024}, "memory"),
        ({"cpus": 0}, "cpus"),
        ({"cpus": 129}, "cpus"),
        ({"image": ""}, "image"),
        ({"priority": 11}, "priority"),
        ({"network": {"mtu": 100}}, "network.mtu"),
        ({"network": {"interfaces": [{"name": "eth0", "type": "ne2000"}]}}, "network.interfaces.0.type"),
    ],
)
def test_invalid_config_names_the_field(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(dwcp.ValidationError) as caught:
        config(**changes)
    assert caught.value.field == field
    assert caught.value.code == "validation_failed"
    assert caught.value.status is None


def test_reference_style_nested_models() -> None:
    vm = config(
        network=dwcp.NetworkConfig(mode="bridge", interfaces=[dwcp.NetworkInterface(name="eth0", type="virtio")]),
        affinity=dwcp.Affinity(node_selector={"zone": "a"}, required_nodes=["node-01"]),
    )
    assert vm.to_wire().startswith(b'{"name":"web-1"')


def test_unknown_enum_values_and_fields_are_tolerated() -> None:
    raw = b'{"status": "ok", "version": "3", "uptime": 5, "brand_new": 1}'
    assert decode(dwcp.HealthStatus, raw, CATALOGUE).uptime == 5
    assert dwcp.VMState("hibernating") is dwcp.VMState.UNKNOWN
    assert f"{dwcp.VMState.RUNNING}" == "running"


@pytest.mark.parametrize("raw", [b"", b"{", b"[]", b'{"status": "ok"}', b'{"status": 1, "version": "", "uptime": 0}'])
def test_malformed_responses_are_connection_errors(raw: bytes) -> None:
    with pytest.raises(dwcp.ConnectionError) as caught:
        decode(dwcp.HealthStatus, raw, CATALOGUE)
    assert caught.value.code == "malformed_response"


def test_client_config_defaults_and_secret() -> None:
    cfg = dwcp.ClientConfig(address="localhost", api_key="sk-secret")
    assert (cfg.port, cfg.connect_timeout, cfg.request_timeout, cfg.retry_attempts) == (9000, 30, 60, 3)
    assert (cfg.retry_backoff, cfg.keep_alive, cfg.keep_alive_period) == (1, True, 30)
    assert (cfg.max_streams, cfg.buffer_size, cfg.tls_enabled) == (100, 65536, False)
    assert "sk-secret" not in repr(cfg) and "sk-secret" not in str(cfg)
    with pytest.raises(dwcp.ValidationError) as caught:
        dwcp.ClientConfig(address="localhost", port=70000)
    assert caught.value.field == "port"
