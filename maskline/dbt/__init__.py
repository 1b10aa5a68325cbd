"""The Python side of the ``maskline`` dbt package: where it ships, the policy sync, the one meta reader, the
manifest check, suggestions.

Nothing here imports dbt at import time; the dbt package itself is Jinja under
``dbt_macros/`` (shipped in the wheel as ``maskline/_dbt_package``).
"""
