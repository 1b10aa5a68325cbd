"""BigQuery: a data-masking routine per masked column, and the data policy that uses it (for the API).

BigQuery's data-masking routines (``OPTIONS (data_governance_type = "DATA_MASKING")``) may not read tables or
parameters, so a keyed method could only inline the key into the routine's definition, where anyone who can
read the routine's metadata would see it. maskline therefore refuses keyed methods (``hmac``, ``hash``,
``fake``) here: mask those columns with BigQuery's predefined ``SHA256`` masking rule, or through a masked view.
Data policies are created through BigQuery's Data Policy API, not SQL: :func:`data_policies` returns the
request bodies; attach the policy tag to the column in the table's schema.

>>> from maskline.policy import load_policy
>>> pol = load_policy({"unclassified": "pass", "datasets": {"t": {"columns": {"e": {"info_type": "EMAIL"}}}}})
>>> print(masking_routine_ddl(pol, "proj.ds.t", [("id", "int64"), ("e", "string")])[0].split(" RETURNS ")[0])
CREATE OR REPLACE FUNCTION `proj`.`ds`.`maskline_t_e`(val STRING)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from maskline.adapters.base import EngineAdapter
from maskline.adapters.native import mask_objects, masked_columns
from maskline.dialects import KeyMode
from maskline.errors import UnsupportedDialectError
from maskline.methods.registry import METHODS


class BigQueryAdapter(EngineAdapter):
    """BigQuery through ``google-cloud-bigquery``: key values are query parameters, not session state."""

    name = "bigquery"
    names = ("bigquery", "google_cloud_platform", "gcpbigquery")
    driver_modules = ("google.cloud.bigquery",)
    key_exposure = "the job configuration (query parameters)"

    def namespace(self, host: str | None, port: int | None, database: str | None) -> str:
        return "bigquery"


def masking_routine_ddl(policy: Any, table: str, columns: Sequence[tuple[str, str | None]],
                        classification: Any = None) -> list[str]:
    """``CREATE OR REPLACE FUNCTION ... OPTIONS (data_governance_type = "DATA_MASKING")`` per masked column.

    >>> from maskline.policy import load_policy
    >>> pol = load_policy({"unclassified": "pass", "datasets": {"customers": {"columns": {"email": {"info_type": "EMAIL"}}}}})
    >>> [d[:62] for d in masking_routine_ddl(pol, "ds.customers", [("id", "int64"), ("email", "string")])]
    ['CREATE OR REPLACE FUNCTION `ds`.`maskline_customers_email`(val']
    """
    # the table as given (`dataset.name`): the policy entry of another dataset's same-named table is not its entry
    for column in masked_columns(policy, table, columns, classification):
        if column.method is not None and METHODS[column.method.name].keyed:
            raise UnsupportedDialectError(
                f"BigQuery masking routines cannot read a key, so keyed method {column.method.name!r} would put it "
                "in the routine's definition", where=f"column {column.name}",
                fix="use BigQuery's predefined SHA256 masking rule for this column, or a masked view")
    return [f"CREATE OR REPLACE FUNCTION {m.name}(val {m.sql_type}) RETURNS {m.sql_type} "
            f"OPTIONS (data_governance_type = 'DATA_MASKING') AS ({m.body.sql('bigquery')})"
            for m in mask_objects(policy, table, columns, engine="BigQuery masking routines", dialect="bigquery",
                                  body_dialect="bigquery", default_type="string", key_mode=KeyMode.SESSION,
                                  classification=classification)]


def data_policies(table: str, columns: Sequence[str], policy_tag: str) -> list[dict[str, Any]]:
    """Data Policy API request bodies, one per routine, for a policy tag (``projects/.../policyTags/...``).

    >>> data_policies("proj.ds.t", ["e"], "projects/p/locations/us/taxonomies/1/policyTags/2")[0]["dataPolicyId"]
    'maskline_t_e'
    """
    project, dataset, name = table.split(".")
    return [{"dataPolicyId": f"maskline_{name}_{c}", "dataPolicyType": "DATA_MASKING_POLICY",
             "policyTag": policy_tag,
             "dataMaskingPolicy": {"routine": f"projects/{project}/datasets/{dataset}/routines/maskline_{name}_{c}"}}
            for c in columns]
