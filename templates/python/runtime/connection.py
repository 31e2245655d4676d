"""The base URL and the aiohttp session (connection pool, TLS, keep-alive) built from a ClientConfig."""

from __future__ import annotations

import ssl
from typing import Optional, Protocol, Union

import aiohttp

_SCHEMES = {"http": "http", "https": "https", "ws": "http", "wss": "https"}


class Settings(Protocol):
    """The ClientConfig fields the runtime reads (durations in seconds)."""

    address: str
    port: int
    api_key: str
    tls_enabled: bool
    ssl_context: Optional[ssl.SSLContext]
    connect_timeout: float
    request_timeout: float
    retry_attempts: int
    retry_backoff: float
    keep_alive: bool
    keep_alive_period: float
    max_streams: int
    buffer_size: int


def base_url(settings: Settings, base_path: str) -> str:
    """scheme://host:port/base; a scheme in the address wins over tls_enabled."""
    address = settings.address.rstrip("/")
    scheme, sep, host = address.partition("://")
    if not sep:
        scheme, host = ("https" if settings.tls_enabled else "http"), address
    scheme = _SCHEMES.get(scheme.lower(), scheme.lower())
    if ":" not in host.rsplit("]", 1)[-1]:
        host = f"{host}:{settings.port}"
    return f"{scheme}://{host}{base_path}"


def session(settings: Settings) -> aiohttp.ClientSession:
    """A pooled session: at most max_streams connections, idle ones kept for keep_alive_period."""
    limit, tls = settings.max_streams, _ssl(settings)
    if settings.keep_alive:
        connector = aiohttp.TCPConnector(
            limit=limit, limit_per_host=limit, ssl=tls, keepalive_timeout=settings.keep_alive_period
        )
    else:
        connector = aiohttp.TCPConnector(limit=limit, limit_per_host=limit, ssl=tls, force_close=True)
    # request_timeout bounds each attempt's wait for the server (sock_read, re-armed on every read), so a
    # large body still arriving is never cut; set once here, no per-attempt timer of our own.
    client = aiohttp.ClientSession(
        connector=connector,
        timeout=timeout(settings),
        read_bufsize=settings.buffer_size,
        auto_decompress=True,
        raise_for_status=False,
    )
    # aiohttp silently resends a GET once when a pooled connection drops; that hidden attempt would bypass
    # the SDK's own retry accounting (DWCP-Attempt, backoff, attempts on errors), so it is turned off.
    if hasattr(client, "_retry_connection"):
        client._retry_connection = False
    return client


def timeout(settings: Settings) -> aiohttp.ClientTimeout:
    """An attempt's timeouts: connect_timeout to connect, request_timeout per wait for the server (sock_read)."""
    return aiohttp.ClientTimeout(total=None, connect=settings.connect_timeout, sock_read=settings.request_timeout)


def _ssl(settings: Settings) -> Union[ssl.SSLContext, bool]:
    if settings.ssl_context is not None:
        return settings.ssl_context
    return True
