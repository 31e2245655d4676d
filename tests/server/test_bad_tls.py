"""The runner's bad-certificate listeners (conformance/runner/badtls.py, cases connections/tls-expired
and tls-wrong-host): each fails verification for exactly its named reason with the CA it hands out,
and they live in tests/server because they need the TLS server's `cryptography`."""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator

import pytest

pytest.importorskip("cryptography")

from conformance.runner import badtls


@pytest.fixture(scope="module")
def bad() -> Iterator[badtls.BadTls]:
    listeners = badtls.start()
    yield listeners
    listeners.close()


def handshake(port: int, ca_file: str, server_hostname: str) -> None:
    context = ssl.create_default_context(cafile=ca_file)
    with (
        socket.create_connection((badtls.HOST, port), timeout=5) as sock,
        context.wrap_socket(sock, server_hostname=server_hostname),
    ):
        pass


def test_expired_certificate_fails_as_expired(bad: badtls.BadTls) -> None:
    with pytest.raises(ssl.SSLCertVerificationError, match="certificate has expired"):
        handshake(bad.expired_port, bad.ca_file, "127.0.0.1")


def test_wrong_host_certificate_fails_on_the_name_only(bad: badtls.BadTls) -> None:
    with pytest.raises(ssl.SSLCertVerificationError, match=r"(?i)hostname mismatch|doesn't match|not valid for"):
        handshake(bad.wrong_host_port, bad.ca_file, "127.0.0.1")
    handshake(bad.wrong_host_port, bad.ca_file, badtls.WRONG_HOST)  # its own name: the chain is good


def test_without_the_ca_the_chain_is_refused(bad: badtls.BadTls) -> None:
    """The certificates are signed by the CA in ca_file, which no system trust store holds."""
    context = ssl.create_default_context()
    with (
        socket.create_connection((badtls.HOST, bad.wrong_host_port), timeout=5) as sock,
        pytest.raises(ssl.SSLCertVerificationError, match="unable to get local issuer certificate"),
    ):
        context.wrap_socket(sock, server_hostname=badtls.WRONG_HOST).close()


def test_close_removes_the_certificates() -> None:
    listeners = badtls.start()
    listeners.close()
    assert not listeners.folder.exists()
    with pytest.raises(OSError):
        socket.create_connection((badtls.HOST, listeners.expired_port), timeout=2).close()
