"""Reference guide, Python SDK, Metrics Streaming (the stream is endless: this program stops it after 3 s)."""

import asyncio

from _setup import config_from_env, small_vm

from dwcp import Client


async def stream(vm_client, vm):
    # Stream real-time metrics
    async for metrics in vm_client.stream_metrics(vm.id, interval="1s"):
        print(f"CPU: {metrics.cpu_usage:.2f}%")
        print(f"Memory: {metrics.memory_used / 1024**3:.1f} GB")


async def main():
    async with Client(config_from_env()) as client:
        vm_client = client.VM()
        vm = await vm_client.create(small_vm("metered"))
        await vm_client.start(vm.id)
        try:
            await asyncio.wait_for(stream(vm_client, vm), 3)
        except asyncio.TimeoutError:
            print("stopped after 3 s")


if __name__ == "__main__":
    asyncio.run(main())
