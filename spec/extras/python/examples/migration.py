"""Reference guide, Python SDK, Migration: migrate a VM and follow its progress."""

import asyncio

from _setup import config_from_env, running, small_vm

from dwcp import Client, MigrationState


async def main():
    async with Client(config_from_env()) as client:
        vm_client = client.VM()
        vm = await vm_client.create(small_vm("migrating"))
        await vm_client.start(vm.id)
        await running(vm_client, vm.id)

        from dwcp import MigrationOptions

        options = MigrationOptions(
            live=True,
            max_downtime=500,  # ms
            bandwidth=1024**3,  # 1Gbps
            compression=True,
            auto_converge=True,
            encrypt_transport=True,
        )

        status = await vm_client.migrate(vm.id, "target-node", options)

        # Monitor progress
        while status.state != MigrationState.COMPLETED:
            await asyncio.sleep(2)
            status = await vm_client.get_migration_status(status.id)
            print(f"Progress: {status.progress:.1f}%")
            print(f"Throughput: {status.throughput / 1024**2:.1f} MB/s")

            if status.state == MigrationState.FAILED:
                raise Exception(f"Migration failed: {status.error}")

        print("Migration completed!")
        print(f"Downtime: {status.downtime} ms")


if __name__ == "__main__":
    asyncio.run(main())
