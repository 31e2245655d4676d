"""TLS listeners whose certificate a client must refuse (issue 17, ConnectionError `tls_failed`):
one expired, one issued for another host name. Both are signed by one CA made here, which a case
hands its client as `ca_file`, so the named flaw is the only reason verification fails.

Only the handshake is served: a client that accepted the certificate would see its connection
closed, never an answer, so such a client fails the case with some other error. The runner starts
the listeners the first time a case names `${bad_tls...}` (they need `cryptography`, as the TLS
conformance server does)."""

from __future__ import annotations

import contextlib
import datetime
import shutil
import socket
import ssl
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"
WRONG_HOST = "wrong-host.invalid"  # RFC 2606: a name that never resolves, so no client can match it by accident


@dataclass
class BadTls:
    """Where the listeners are and the CA file that signs both certificates."""

    ca_file: str
    expired_port: int
    wrong_host_port: int
    folder: Path
    sockets: list[socket.socket] = field(default_factory=list)

    def variables(self) -> dict[str, Any]:
        """The case variable `bad_tls`: `${bad_tls.host}`, `.expired_port`, `.wrong_host_port`, `.ca_file`."""
        return {
            "host": HOST,
            "expired_port": self.expired_port,
            "wrong_host_port": self.wrong_host_port,
            "ca_file": self.ca_file,
        }

    def close(self) -> None:
        """Stops listening and removes the certificates."""
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept() (close alone does not)
            sock.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def start() -> BadTls:
    """Makes the CA and both certificates, and starts one listener for each."""
    from conformance.server import tls

    folder = Path(tempfile.mkdtemp(prefix="dwcp-bad-tls-"))
    now = datetime.datetime.now(datetime.UTC)
    ca, ca_key = tls.make_ca(now)
    tls.write_pem(folder / "ca.pem", ca)
    day = datetime.timedelta(days=1)
    expired = tls.make_leaf(ca, ca_key, tls.LOCAL_NAMES, now - 10 * day, now - day)
    wrong = tls.make_leaf(ca, ca_key, (WRONG_HOST,), now - datetime.timedelta(minutes=5), now + day)
    ports = []
    sockets = []
    for name, (cert, key) in (("expired", expired), ("wrong-host", wrong)):
        tls.write_pem(folder / f"{name}.pem", cert)
        tls.write_key(folder / f"{name}-key.pem", key)
        context = tls.server_context(folder / f"{name}.pem", folder / f"{name}-key.pem")
        listener = socket.create_server((HOST, 0))
        sockets.append(listener)
        ports.append(listener.getsockname()[1])
        threading.Thread(target=_accept, args=(listener, context), daemon=True, name=f"bad-tls-{name}").start()
    return BadTls(str(folder / "ca.pem"), ports[0], ports[1], folder, sockets)


def _accept(listener: socket.socket, context: ssl.SSLContext) -> None:
    """Accepts until the listener is closed; each connection gets the handshake and nothing more."""
    while True:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        threading.Thread(target=_handshake, args=(conn, context), daemon=True).start()


def _handshake(conn: socket.socket, context: ssl.SSLContext) -> None:
    """Offers the certificate; the client is expected to abort (an alert), and then the socket closes."""
    conn.settimeout(5.0)
    with contextlib.suppress(OSError), context.wrap_socket(conn, server_side=True):
        pass
    conn.close()
