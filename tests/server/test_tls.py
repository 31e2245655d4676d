"""--tls: HTTPS with a CA the server writes at start; plain HTTP and untrusting clients fail."""

from __future__ import annotations

import http.client
import ssl
import sys
from collections.abc import Iterator

import pytest

pytest.importorskip("cryptography")

from conformance.server.testing import RunningServer, start_server
from tests.server.client import Api


@pytest.fixture(scope="module")
def tls_server() -> Iterator[RunningServer]:
    running = start_server(python=sys.executable, tls=True)
    yield running
    running.stop()


def test_https_with_the_written_ca(tls_server: RunningServer) -> None:
    assert tls_server.url.startswith("https://") and tls_server.ca_file
    api = Api(tls_server)
    assert api.get("/health").status == 200
    assert api.create()["state"] == "creating"


def test_clients_without_the_ca_fail(tls_server: RunningServer) -> None:
    conn = http.client.HTTPSConnection(tls_server.host, tls_server.port, context=ssl.create_default_context())
    with pytest.raises(ssl.SSLCertVerificationError):
        conn.request("GET", "/v3/health")
    conn.close()


def test_plain_http_is_not_served(tls_server: RunningServer) -> None:
    conn = http.client.HTTPConnection(tls_server.host, tls_server.port, timeout=5)
    conn.request("GET", "/v3/health")
    with pytest.raises(ConnectionError):
        conn.getresponse()
    conn.close()
