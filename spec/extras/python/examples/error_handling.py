"""Reference guide, Python SDK, Error Handling: typed errors."""

import asyncio

from _setup import config_from_env

from dwcp import Client


async def main():
    async with Client(config_from_env()) as client:
        vm_client = client.VM()
        vm_id = "vm-that-does-not-exist"

        from dwcp import (
            AuthenticationError,  # noqa: F401  (imported as in the reference)
            ConnectionError,
            DWCPError,
            TimeoutError,
            VMNotFoundError,
        )

        try:
            vm = await vm_client.get(vm_id)
            print(vm)
        except VMNotFoundError:
            print("VM not found")
        except ConnectionError as e:
            print(f"Connection error: {e}")
        except TimeoutError:
            print("Operation timeout")
        except DWCPError as e:
            print(f"DWCP error: {e}")


if __name__ == "__main__":
    asyncio.run(main())
