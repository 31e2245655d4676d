# Code generated from extras/python/examples/quick_start.py by generator/; DO NOT EDIT.
"""Reference guide, Python SDK, Quick Start (address, port, key and TLS from DWCP_* variables)."""

import asyncio
import os

from dwcp import Client, ClientConfig, VMConfig


async def main():
    # Create configuration
    config = ClientConfig(
        address=os.environ.get("DWCP_ADDRESS", "localhost"),
        port=int(os.environ.get("DWCP_PORT", "9000")),
        api_key=os.environ.get("DWCP_API_KEY", "your-api-key"),
        tls_enabled=os.environ.get("DWCP_TLS") == "1",
    )

    # Use async context manager
    async with Client(config) as client:
        print("Connected to DWCP server")

        # Create VM
        vm_config = VMConfig(
            name="my-vm",
            memory=2 * 1024**3,  # 2GB
            cpus=2,
            disk=20 * 1024**3,  # 20GB
            image="ubuntu-22.04",
        )

        vm_client = client.VM()
        vm = await vm_client.create(vm_config)
        print(f"Created VM: {vm.name} (ID: {vm.id})")

        # Start VM
        await vm_client.start(vm.id)
        print("VM started")


if __name__ == "__main__":
    asyncio.run(main())
