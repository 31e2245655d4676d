"""The HTTP stack's own ceiling: aiohttp answering GET /v3/vms/{id} with a constant body (bench only)."""

from __future__ import annotations

import argparse

from aiohttp import web


def main() -> None:
    """Serves the constant reply on --port until killed."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--body-file", required=True, help="the bytes to answer with (a real VM's JSON)")
    args = parser.parse_args()
    with open(args.body_file, "rb") as f:
        body = f.read()
    headers = {"Content-Type": "application/json"}

    async def get(request: web.Request) -> web.Response:
        return web.Response(body=body, headers=headers)

    app = web.Application()
    app.router.add_get("/v3/vms/{vm_id}", get)
    web.run_app(app, host="127.0.0.1", port=args.port, access_log=None, print=None)


if __name__ == "__main__":
    main()
