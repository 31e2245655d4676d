"""Reference guide, Performance Optimization, Batch Operations (Python)."""

import asyncio

from _setup import config_from_env, small_vm

from dwcp import Client


async def main():
    async with Client(config_from_env()) as client:
        vm_client = client.VM()
        config1, config2, config3 = small_vm("batch"), small_vm("batch"), small_vm("batch")

        # Create multiple VMs concurrently
        configs = [config1, config2, config3]
        vms = await asyncio.gather(*[vm_client.create(cfg) for cfg in configs])
        print(f"Created {len(vms)} VMs")


if __name__ == "__main__":
    asyncio.run(main())
