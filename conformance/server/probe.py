"""python -m conformance.server.probe URL KEY: asks a running server every operation of its spec once.

For the HTTP layer generated from any spec (DWCP_SERVER_HTTP): each operation must answer with the
typed error body or a success, never a 500 or an untyped body; an operation the simulator lacks
must be the typed 501 not_implemented. Prints one line per operation; exits 1 on a failure.
"""

from __future__ import annotations

import json
import sys
import urllib.error
import urllib.request

from dwcp_server_http import BASE_PATH, OPERATIONS

TIMEOUT_S = 10.0


def probe(url: str, key: str) -> list[str]:
    """Problems found, one per operation that answered badly."""
    problems = []
    for op in OPERATIONS:
        path = op.path
        for name in op.path_params:
            path = path.replace("{" + name + "}", "probe-id")
        data = b"{}" if op.body is not None else None
        request = urllib.request.Request(url + BASE_PATH + path, data=data, method=op.method)
        request.add_header("Authorization", f"Bearer {key}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
                status, raw, kind = response.status, b"" if op.stream_event else response.read(), ""
        except urllib.error.HTTPError as error:
            status, raw, kind = error.code, error.read(), error.headers.get("Content-Type", "")
        code = ""
        if status >= 400:
            try:
                code = json.loads(raw)["error"]["code"]
            except (ValueError, KeyError, TypeError):
                problems.append(f"{op.id}: {status} without the typed error body ({kind}): {raw[:120]!r}")
                continue
            if status >= 500 and status != 501:
                problems.append(f"{op.id}: {status} {code}")
                continue
            if status == 501 and code != "not_implemented":
                problems.append(f"{op.id}: 501 typed {code}, not not_implemented")
                continue
        print(f"{op.method:6} {BASE_PATH + op.path:45} {status} {code}")
    return problems


def main() -> None:
    """Probes the server at argv[1] with key argv[2]."""
    problems = probe(sys.argv[1], sys.argv[2])
    for line in problems:
        print("PROBLEM", line)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    import conformance.server  # noqa: F401 - puts the generated layer (DWCP_SERVER_HTTP) on sys.path

    main()
