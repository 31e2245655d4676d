# Code generated from extras/python/examples/tls_configuration.py by generator/; DO NOT EDIT.
"""Reference guide, Security Best Practices, TLS Configuration (Python).

Against the local conformance server, DWCP_TLS=1 and DWCP_CA_FILE switch TLS on with its CA.
"""

import asyncio
import os
import ssl

from dwcp import Client, ClientConfig


async def main():
    config = ClientConfig(
        address=os.environ.get("DWCP_ADDRESS", "dwcp.example.com"),
        port=int(os.environ.get("DWCP_PORT", "9000")),
        api_key=os.environ["DWCP_API_KEY"],
        tls_enabled=os.environ.get("DWCP_TLS", "1") == "1",
        ssl_context=ssl.create_default_context(cafile=os.environ.get("DWCP_CA_FILE")),
    )
    async with Client(config) as client:
        print("health:", (await client.health()).status)


if __name__ == "__main__":
    asyncio.run(main())
