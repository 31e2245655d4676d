"""Reference guide, Migration Guide, From v2 to v3, VM Configuration (the v3 half)."""

import asyncio

from _setup import config_from_env

from dwcp import Client, VMConfig


async def main():
    async with Client(config_from_env()) as client:
        vm_client = client.VM()

        # v3
        vm_config = VMConfig(name="my-vm", memory=2 * 1024**3, cpus=2)
        vm = await vm_client.create(vm_config)
        print(f"Created {vm.id}")


if __name__ == "__main__":
    asyncio.run(main())
