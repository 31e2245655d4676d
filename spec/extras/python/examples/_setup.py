"""Shared scaffolding of the examples: a config from DWCP_* variables and a VM to work on."""

import asyncio
import os
import uuid

from dwcp import ClientConfig, VMClient, VMConfig, VMState


def config_from_env() -> ClientConfig:
    """The only settings the examples change: address, port, key and TLS."""
    return ClientConfig(
        address=os.environ.get("DWCP_ADDRESS", "localhost"),
        port=int(os.environ.get("DWCP_PORT", "9000")),
        api_key=os.environ.get("DWCP_API_KEY", "your-api-key"),
        tls_enabled=os.environ.get("DWCP_TLS") == "1",
    )


def small_vm(prefix: str = "example") -> VMConfig:
    """A VM config with a unique name."""
    return VMConfig(
        name=f"{prefix}-{uuid.uuid4().hex[:8]}", memory=2 * 1024**3, cpus=2, disk=20 * 1024**3, image="ubuntu-22.04"
    )


async def running(vm_client: VMClient, vm_id: str, timeout: float = 10.0) -> None:
    """Waits until a started VM is running (the fragments that follow assume one)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while (await vm_client.get(vm_id)).state != VMState.RUNNING:
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError(f"VM {vm_id} is not running after {timeout} s")
        await asyncio.sleep(0.05)
