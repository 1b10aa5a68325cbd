"""Where an OpenLineage client sends its events, told safely for a warning when sending failed.

An HTTP transport is told by its scheme, host and port only: its URL can carry a user, a password or a token
(in the path or the query). Any other transport is told by its kind. Wrapping transports (maskline's
transformer, the Airflow face's guard) are looked through.
"""

from __future__ import annotations

from typing import Any

# The attributes a wrapping transport keeps the wrapped one in: openlineage-python's ``transform`` transport
# (``transport``) and :class:`openlineage_ext.guarded_transport.GuardedTransport` (``inner``).
_WRAPPED = ("transport", "inner")


def destination(client: Any) -> str:
    """``scheme://host:port`` of the HTTP transport ``client`` sends through, else ``the <kind> transport``.

    >>> from openlineage.client import OpenLineageClient
    >>> from openlineage.client.transport.http import HttpConfig, HttpTransport
    >>> destination(OpenLineageClient(transport=HttpTransport(HttpConfig(url="http://u:pw@marquez:5000/x?t=1"))))
    'http://marquez:5000'
    >>> from openlineage.client.transport.noop import NoopTransport, NoopConfig
    >>> destination(OpenLineageClient(transport=NoopTransport(NoopConfig())))
    'the noop transport'
    """
    from urllib.parse import urlsplit

    try:
        transport: Any = getattr(client, "transport", None)
        for _ in range(4):
            url = getattr(transport, "url", None)
            if isinstance(url, str):
                parts = urlsplit(url)
                return f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")
            inner = next((w for w in (getattr(transport, a, None) for a in _WRAPPED) if w is not None), None)
            if inner is None:
                break
            transport = inner
        return f"the {getattr(transport, 'kind', None) or type(transport).__name__} transport"
    except Exception:  # noqa: BLE001 - a warning's detail never raises
        return "the configured transport"
