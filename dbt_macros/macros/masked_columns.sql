{#- maskline.masked_columns(relation): every column of a ref() or source(), in order, masked where the
    column's schema.yml meta.maskline says so (the relation's own columns, overridden by the current
    model's). Example:
        select {{ maskline.masked_columns(source('shop', 'customers')) }} from {{ source('shop', 'customers') }}
    A column named in meta but missing from the relation stops the compile: a renamed column must never
    pass through unmasked. -#}

{% macro masked_columns(relation) -%}
  {{ return(adapter.dispatch('masked_columns', 'maskline')(relation)) }}
{%- endmacro %}

{% macro default__masked_columns(relation) -%}
  {{ return(maskline._masked_columns(relation, maskline._dialect())) }}
{%- endmacro %}

{% macro duckdb__masked_columns(relation) -%}{{ return(maskline._masked_columns(relation, 'duckdb')) }}{%- endmacro %}
{% macro postgres__masked_columns(relation) -%}{{ return(maskline._masked_columns(relation, 'postgres')) }}{%- endmacro %}
{% macro snowflake__masked_columns(relation) -%}{{ return(maskline._masked_columns(relation, 'snowflake')) }}{%- endmacro %}
{% macro bigquery__masked_columns(relation) -%}{{ return(maskline._masked_columns(relation, 'bigquery')) }}{%- endmacro %}
{% macro spark__masked_columns(relation) -%}{{ return(maskline._masked_columns(relation, 'spark')) }}{%- endmacro %}
{% macro trino__masked_columns(relation) -%}{{ return(maskline._masked_columns(relation, 'trino')) }}{%- endmacro %}

{% macro _masked_columns(relation, dialect) -%}
  {%- if not execute -%}{{ return('*') }}{%- endif -%}
  {%- set node = maskline._node_for(relation) -%}
  {%- if node is none -%}
    {{ maskline._fail("masked_columns cannot find the dbt node of " ~ relation, maskline._where('*'),
                      "pass ref('...') or source('...', '...') so the column meta can be read") }}
  {%- endif -%}
  {%- set declared = {} -%}
  {%- for name, col in node.get('columns', {}).items() -%}
    {%- set policy = maskline._column_meta(col) -%}
    {%- if policy is not none -%}{%- do declared.update({name | lower: (policy, node.unique_id ~ ".columns." ~ name ~ ".meta.maskline")}) -%}{%- endif -%}
  {%- endfor -%}
  {%- for name, col in (model.get('columns', {}) if model is mapping else {}).items() -%}
    {%- set policy = maskline._column_meta(col) -%}
    {%- if policy is not none -%}{%- do declared.update({name | lower: (policy, model.unique_id ~ ".columns." ~ name ~ ".meta.maskline")}) -%}{%- endif -%}
  {%- endfor -%}
  {%- set columns = adapter.get_columns_in_relation(relation) -%}
  {%- set present = [] -%}
  {%- for c in columns -%}{%- do present.append(c.name | lower) -%}{%- endfor -%}
  {%- for name, item in declared.items() if name not in present -%}
    {{ maskline._fail("column '" ~ name ~ "' has maskline meta but is not in " ~ relation, item[1],
                      "rename the meta entry to an existing column (" ~ (present | join(', ')) ~ ") or remove it") }}
  {%- endfor -%}
  {%- set out = [] -%}
  {%- for c in columns -%}
    {%- set quoted = adapter.quote(c.name) -%}
    {%- if (c.name | lower) in declared -%}
      {%- set item = declared[c.name | lower] -%}
      {%- set where = model.unique_id ~ ", column " ~ c.name ~ " (" ~ item[1] ~ ")" -%}
      {%- set spec = maskline._column_spec(item[0], where) -%}
      {%- if spec.method == 'null' -%}
        {%- set sql = '(CAST(NULL AS ' ~ c.data_type ~ ')) /* maskline:null */' -%}
      {%- else -%}
        {%- set sql = maskline._mask_sql(quoted, spec.method, spec.params, spec.info_type, dialect, where) -%}
      {%- endif -%}
      {%- do out.append(sql ~ ' AS ' ~ quoted) -%}
    {%- else -%}
      {%- do out.append(quoted) -%}
    {%- endif -%}
  {%- endfor -%}
  {{ return(out | join(',\n  ')) }}
{%- endmacro %}
