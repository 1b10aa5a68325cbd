"""The job an agent's tool call is a run of: one job per set of tables the call read.

Marquez draws a job's edges from the job's *current* version only (``LineageDao.getLineage`` reads
``job_versions_io_mapping`` where ``is_current_job_version``), and a job's version is its set of inputs. An
agent's calls in one task read different tables; were they all runs of one job, each call would make a new
current version, and every table but the last call's would lose its edge: its page in Marquez would no
longer show that an agent read it. So each *shape* of call, the set of datasets it read, is a job of its
own under the task's (or server's) base job. Every call that reads the same tables is a run of the same
job, whose edges stay; the base job keeps the calls that read no table (a refused query, ``list_tables``).

The suffix is made of the datasets' names as the table's other lineage names them (``main.raw_customers``,
``shop.public.orders``): the catalog's names, which the call's events carry as inputs anyway, never a name
the agent typed (a refused call read nothing, so it stays on the base job).
"""

from __future__ import annotations

from collections.abc import Iterable

# Between the datasets of a call that read several: not a character of an unquoted SQL name, and the UI shows it.
SEPARATOR = "+"


def call_job_name(base: str, datasets: Iterable[str]) -> str:
    """The job of a call that read ``datasets`` (their OpenLineage names): ``base`` for none, else
    ``base.<names>``, sorted and without repeats, so the same tables always give the same job.

    >>> call_job_name("dag.task.agent_query", [])
    'dag.task.agent_query'
    >>> call_job_name("dag.task.agent_query", ["main.raw_tickets", "main.raw_customers", "main.raw_tickets"])
    'dag.task.agent_query.main.raw_customers+main.raw_tickets'
    """
    names = sorted(set(datasets))
    return f"{base}.{SEPARATOR.join(names)}" if names else base
