"""``maskline mcp``: masked, read-only data access for AI agents over the Model Context Protocol.

A face like the Airflow and dbt ones, under the ``mcp`` extra
(``pip install 'maskline[mcp]'``). It is exempt from the core's
framework-free rule, as :mod:`maskline.expectations` is, and may use the
lineage face (:mod:`openlineage_ext`), never Airflow.

- :mod:`maskline.mcp.database`: opening the ``--database`` URI read-only, with a timeout;
- :mod:`maskline.mcp.tokens`: verifying the bearer token of the person an agent acts for;
- :mod:`maskline.mcp.tools`: the four tools (list_tables, describe_table, query, explain),
  independent of MCP;
- :mod:`maskline.mcp.lineage`: one OpenLineage run per tool call;
- :mod:`maskline.mcp.server`: the MCP server that serves the tools over stdio or HTTP.

Nothing is imported here, so ``maskline --help`` does not load the MCP SDK.
"""
