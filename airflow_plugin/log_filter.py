"""Scrub PII from task log lines, on top of Airflow's secrets masker.

Airflow's secrets masker hides values it was told are secret (connection
passwords, variables with sensitive names). It does not know that
``alice@example.com`` or ``123-45-6789`` is sensitive. :func:`install` wraps the
masker's ``redact`` so that after Airflow has hidden its secrets, every string
in the log event also goes through the core's text scrubber. Wrapping the
masker, rather than adding a processor of our own, means every path Airflow
already masks (task logs written by the task or by its supervisor, rendered
template fields) is covered, and nothing Airflow masks is masked less.

:class:`MasklineLogFilter` is the same scrubber as a plain ``logging.Filter``,
for handlers outside Airflow's structlog pipeline.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

# Fields of a structlog event that Airflow fills itself; they never hold data
# and scrubbing them would only cost time (a timestamp looks like a date of birth).
STRUCTURAL_KEYS = frozenset({
    "timestamp", "level", "log_level", "logger", "logger_name", "loc", "filename", "lineno", "func_name",
    "chan", "ti_id", "dag_id", "task_id", "run_id", "map_index", "try_number",
})

_WRAPPED_FLAG = "_maskline_scrubbing"
MASKER_MODULES = (
    "airflow.sdk._shared.secrets_masker.secrets_masker",
    "airflow._shared.secrets_masker.secrets_masker",
)


def scrub_text(text: str) -> str:
    """``text`` with every PII or secret span replaced by its placeholder.

    >>> scrub_text("mail alice@example.com now")  # doctest: +SKIP
    'mail <EMAIL> now'
    """
    from maskline.text import scrub

    return scrub(text)[0]


def scrub_event(event: Any) -> Any:
    """Scrub a structlog event dict (or any redacted value), leaving Airflow's own fields alone.

    >>> scrub_event({"timestamp": "2024-01-01", "event": "hi"})["timestamp"]  # doctest: +SKIP
    '2024-01-01'
    """
    from maskline.text import scrub_value

    if isinstance(event, dict):
        return {k: (v if k in STRUCTURAL_KEYS else scrub_value(v)) for k, v in event.items()}
    return scrub_value(event)


def scrub_processor(logger: Any, method_name: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    """The scrubber as a structlog processor, for pipelines that do not go through Airflow's masker.

    >>> scrub_processor(None, "info", {"event": "ok"})  # doctest: +SKIP
    {'event': 'ok'}
    """
    return scrub_event(event_dict)


class MasklineLogFilter(logging.Filter):
    """A ``logging.Filter`` that scrubs the formatted message of each record.

    >>> logging.getLogger("x").addFilter(MasklineLogFilter())  # doctest: +SKIP
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string: leave it to the handler's own error path
            return True
        record.msg = scrub_text(message)
        record.args = None
        return True


def _wrap(original: Callable[..., Any]) -> Callable[..., Any]:
    def redact(item: Any, name: str | None = None, max_depth: int | None = None, replacement: str = "***") -> Any:
        return scrub_event(original(item, name, max_depth, replacement=replacement))

    setattr(redact, _WRAPPED_FLAG, True)
    return redact


def _insert_before_renderer(processors: Any) -> bool:
    """Put :func:`scrub_processor` just before the renderer of a processor list, in place."""
    if not isinstance(processors, list) or scrub_processor in processors:
        return False
    processors.insert(max(len(processors) - 1, 0), scrub_processor)
    return True


def _patch_logging_pipelines() -> int:
    """Add the scrubber to the structlog pipeline and to stdlib handlers already configured.

    Lists are changed in place because loggers cached on first use hold a
    reference to the configured list, not a copy.
    """
    import structlog

    patched = int(_insert_before_renderer(structlog.get_config().get("processors")))
    for handler in logging.getLogger().handlers:
        formatter = handler.formatter
        if isinstance(formatter, structlog.stdlib.ProcessorFormatter):
            patched += int(_insert_before_renderer(formatter.processors))
    return patched


def install() -> int:
    """Make every log line scrub PII; returns how many pipelines were changed (0 if already done).

    Two layers, because Airflow logs through two paths: the secrets maskers are
    wrapped (they run where task logs are written: the supervisor of a real
    worker), and the scrubber is added to the structlog and stdlib pipelines
    already configured in this process (``dag.test()`` runs tasks in-process,
    where Airflow applies no masker to log lines). Idempotent. The scrubber is
    imported first, so a broken install fails here, loudly, not on a log call.

    >>> install() >= 0  # doctest: +SKIP
    True
    """
    import importlib

    import maskline.text  # noqa: F401  (fail now, not inside a log call)

    changed = 0
    for module_name in MASKER_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        masker = module._secrets_masker()
        if getattr(masker.redact, _WRAPPED_FLAG, False):
            continue
        masker.redact = _wrap(masker.redact)
        changed += 1
    return changed + _patch_logging_pipelines()


def installed() -> bool:
    """Whether the task SDK's secrets masker scrubs PII (for tests and health checks).

    >>> isinstance(installed(), bool)
    True
    """
    import importlib

    try:
        module = importlib.import_module(MASKER_MODULES[0])
    except ImportError:
        return False
    return bool(getattr(module._secrets_masker().redact, _WRAPPED_FLAG, False))
