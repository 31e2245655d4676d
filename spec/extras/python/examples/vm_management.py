"""Reference guide, Python SDK, VM Management: an advanced VM."""

import asyncio

from _setup import config_from_env

from dwcp import Client, VMConfig


async def main():
    async with Client(config_from_env()) as client:
        vm_client = client.VM()

        # Create advanced VM
        from dwcp import Affinity, NetworkConfig, NetworkInterface

        vm_config = VMConfig(
            name="web-server",
            memory=4 * 1024**3,  # 4GB
            cpus=4,
            disk=40 * 1024**3,  # 40GB
            image="ubuntu-22.04",
            network=NetworkConfig(
                mode="bridge",
                interfaces=[
                    NetworkInterface(name="eth0", type="virtio", ip_address="192.168.1.100", netmask="255.255.255.0")
                ],
                dns=["8.8.8.8", "8.8.4.4"],
                gateway="192.168.1.1",
            ),
            labels={"env": "production", "tier": "web"},
            enable_gpu=False,
            enable_tpm=True,
            affinity=Affinity(node_selector={"zone": "us-west-1a"}, required_nodes=["node-01", "node-02"]),
        )

        vm = await vm_client.create(vm_config)
        print(f"Created {vm.name} on {vm.node}")


if __name__ == "__main__":
    asyncio.run(main())
