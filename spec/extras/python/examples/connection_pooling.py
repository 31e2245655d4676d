"""Reference guide, Common Patterns, Connection Pooling (Python), as written.

The guide's ClientPool never sets `self.size` nor fills `self.clients`, so only building it works as
written; every Client already pools its connections (max_streams), so one client is usually enough.
"""

import asyncio

from _setup import config_from_env

from dwcp import Client, ClientConfig


class ClientPool:
    def __init__(self, size: int, config: ClientConfig):
        self.clients = []
        self.semaphore = asyncio.Semaphore(size)

    async def acquire(self) -> Client:
        await self.semaphore.acquire()
        return self.clients[len(self.clients) % self.size]

    def release(self, client: Client):
        self.semaphore.release()


async def main():
    pool = ClientPool(10, config_from_env())
    async with Client(config_from_env()) as client:
        pool.release(client)
        print("health:", (await client.health()).status)


if __name__ == "__main__":
    asyncio.run(main())
