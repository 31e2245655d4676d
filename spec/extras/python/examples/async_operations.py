"""Reference guide, Python SDK, Async Operations: concurrent creates and starts."""

import asyncio

from _setup import config_from_env, small_vm

from dwcp import Client


async def main():
    async with Client(config_from_env()) as client:
        vm_client = client.VM()
        config1, config2, config3 = small_vm(), small_vm(), small_vm()

        # Concurrent VM operations
        tasks = [vm_client.create(config1), vm_client.create(config2), vm_client.create(config3)]

        vms = await asyncio.gather(*tasks)
        print(f"Created {len(vms)} VMs")

        # Start all VMs concurrently
        await asyncio.gather(*[vm_client.start(vm.id) for vm in vms])


if __name__ == "__main__":
    asyncio.run(main())
