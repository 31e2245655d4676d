"""Reference guide, Python SDK, Event Streaming: watch a VM until it runs."""

import asyncio

from _setup import config_from_env, small_vm

from dwcp import Client, VMState


async def main():
    async with Client(config_from_env()) as client:
        vm_client = client.VM()
        vm = await vm_client.create(small_vm("watched"))
        await vm_client.start(vm.id)

        # Watch VM events
        async for event in vm_client.watch(vm.id):
            print(f"[{event.timestamp}] {event.type}: {event.message}")
            print(f"  State: {event.vm.state}")

            if event.vm.state == VMState.RUNNING:
                break


if __name__ == "__main__":
    asyncio.run(asyncio.wait_for(main(), 60))
