{#- maskline.masked_columns(relation, dynamic=false, unmask_for=none): every column of a ref() or source(), in
    order, masked as the project's policy says (vars.maskline_policy, compiled by `maskline dbt sync`): the
    column's schema.yml meta.maskline first (the relation's own columns, overridden by the current model's),
    then the policy's datasets:, then its stored scan, then unclassified. Without a synced policy, columns no
    meta names are redacted unless vars.maskline_unclassified is pass. Example:
        select {{ maskline.masked_columns(source('shop', 'customers')) }} from {{ source('shop', 'customers') }}
    With dynamic=true (for a view), sessions holding a role of `unmask_for` (role:NAME identities, by default
    the policy's unmask_for) read raw values, as with dynamic_mask.
    A column named in meta or in the policy but missing from the relation stops the compile: a renamed column
    must never pass through unmasked. -#}

{% macro masked_columns(relation, dynamic=false, unmask_for=none) -%}
  {%- if dynamic -%}
    {%- set roles = maskline._unmask_roles(unmask_for, none, maskline._where('*')) -%}
    {{ return(maskline._masked_columns(relation, maskline._dialect(), roles)) }}
  {%- endif -%}
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

{% macro _masked_columns(relation, dialect, roles=none) -%}
  {#- Its columns are unknown while dbt parses, so whether a keyed method will mask one is too: the key's place
      is recorded for every model that calls it (dbt-ol names the key only where a masked field reads it), and so is
      what columns nobody classified get (_record_unclassified). -#}
  {%- if not execute -%}
    {%- do maskline._record_key_place() -%}{%- do maskline._record_unclassified() -%}{{ return('*') }}
  {%- endif -%}
  {%- set node = maskline._node_for(relation) -%}
  {%- if node is none and (relation.identifier or '') is string and relation.identifier.startswith('__dbt__cte__') -%}
    {#- An ephemeral model has no relation whose columns could be read: dbt inlines it as a CTE. -#}
    {{ maskline._fail("masked_columns cannot read the columns of ephemeral model '" ~ relation.identifier[12:]
                      ~ "' (dbt inlines it as a CTE, so there is no relation to read them from)", maskline._where('*'),
                      "materialize '" ~ relation.identifier[12:] ~ "' as a view or table, or mask inside it: select "
                      ~ "maskline.masked_columns(ref(...)) over what it reads") }}
  {%- endif -%}
  {%- if node is none -%}
    {{ maskline._fail("masked_columns cannot find the dbt node of " ~ relation, maskline._where('*'),
                      "pass ref('...') or source('...', '...') so the column meta can be read") }}
  {%- endif -%}
  {%- set synced = maskline._synced_policy() -%}
  {#- The generated catalogue, built once for every column masked below (each lookup would build it again). -#}
  {%- set cat = maskline._catalogue() -%}
  {%- set unsynced = maskline._unsynced_unclassified(synced) -%}
  {#- Column meta: the relation's own, overridden by the calling model's. It overrides the policy. -#}
  {%- set declared = {} -%}
  {%- for name, col in node.get('columns', {}).items() -%}
    {%- set policy = maskline._column_meta(col) -%}
    {%- if policy is not none -%}{%- do declared.update({name | lower: (policy, node.unique_id ~ ".columns." ~ name)}) -%}{%- endif -%}
  {%- endfor -%}
  {%- for name, col in (model.get('columns', {}) if model is mapping else {}).items() -%}
    {%- set policy = maskline._column_meta(col) -%}
    {%- if policy is not none -%}{%- do declared.update({name | lower: (policy, model.unique_id ~ ".columns." ~ name)}) -%}{%- endif -%}
  {%- endfor -%}
  {#- The policy's datasets: entry and the stored scan's verdicts on this relation, and what the other columns get. -#}
  {%- set dataset = (maskline._best_match(synced['datasets'], relation) if synced else none) or {} -%}
  {%- set scan_entry = maskline._best_match(synced['scanned'], relation) if synced else none -%}
  {%- set scanned = scan_entry or {} -%}
  {%- set vouched = synced and (synced['explicit'] or scan_entry is not none) -%}
  {%- set columns = adapter.get_columns_in_relation(relation) -%}
  {%- set present = [] -%}
  {%- for c in columns -%}{%- do present.append(c.name | lower) -%}{%- endfor -%}
  {%- for name, item in declared.items() if name not in present -%}
    {{ maskline._fail("column '" ~ name ~ "' has maskline meta but is not in " ~ relation, item[1] ~ ".meta.maskline",
                      "rename the meta entry to an existing column (" ~ (present | join(', ')) ~ ") or remove it") }}
  {%- endfor -%}
  {%- for name, entry in dataset.items() if name not in present -%}
    {{ maskline._fail("column '" ~ entry['name'] ~ "' is in the policy but not in " ~ relation, synced['synced_from']['policy'] ~ ": " ~ entry['where'],
                      "rename it in the policy to an existing column (" ~ (present | join(', ')) ~ ") or remove it, then run `maskline dbt sync`") }}
  {%- endfor -%}
  {%- set redacted = [] -%}
  {%- set unscanned = [] -%}
  {%- set out = [] -%}
  {%- for c in columns -%}
    {%- set quoted = adapter.quote(c.name) -%}
    {%- set key = c.name | lower -%}
    {%- set spec = none -%}
    {%- set shape = none -%}
    {%- if key in declared -%}
      {%- set item = declared[key] -%}
      {%- set spec = maskline._column_spec(item[0], model.unique_id ~ ", column " ~ c.name ~ " (" ~ item[1] ~ ")", synced) -%}
    {%- elif key in dataset -%}
      {#- A policy entry without a method is `{pass: true}`: the column passes raw, by the policy's choice; or
          `{pass: <shape>}`: the classifier's pass written down, held to that shape like a scanned column. -#}
      {%- set entry = dataset[key] -%}
      {%- if entry['method'] is not none -%}
        {%- set spec = {'method': entry['method'], 'params': entry['params'], 'info_type': entry['info_type']} -%}
      {%- elif entry.get('shape') -%}
        {%- set shape = entry['shape'] -%}
      {%- endif -%}
    {%- elif key in scanned -%}
      {#- The core's decision on a scanned column, made by `maskline dbt sync` (none: it passes). -#}
      {%- set entry = scanned[key] -%}
      {%- if entry is not none and entry.get('shape') -%}
        {#- Passed for its values' shape (numbers, dates, ...) on the scan's sample: only values of that shape
            pass, any other (a name at row 30,001) is redacted, with the core's guard (maskline.sql.shape_guard). -#}
        {%- set shape = entry['shape'] -%}
      {%- elif entry is not none -%}
        {%- set spec = {'method': entry['method'], 'params': entry['params'], 'info_type': entry['info_type']} -%}
      {%- endif -%}
    {%- elif synced and scan_entry is not none -%}
      {#- The relation's stored scan never saw this column (added upstream since): nobody judged it, and
          `unclassified: pass` passes only what a scan judged, so it is redacted until scanned again. -#}
      {%- set spec = {'method': 'redact', 'params': {}, 'info_type': none} -%}
      {%- do unscanned.append(c.name) -%}
    {%- elif synced and (synced['unclassified'] == 'mask' or not vouched) -%}
      {#- Nobody classified this column: `unclassified: mask`, or no `unclassified:` and no stored verdicts. -#}
      {%- set spec = {'method': 'redact', 'params': {}, 'info_type': none} -%}
    {%- elif not synced and unsynced == 'mask' -%}
      {#- No synced policy and no meta: nobody classified this column, so it is redacted (fail closed). -#}
      {%- set spec = {'method': 'redact', 'params': {}, 'info_type': none} -%}
      {%- do redacted.append(c.name) -%}
    {%- endif -%}
    {%- if spec is none and shape and c.is_string() -%}
      {#- A column stored as text can hold any value; one stored as a number or date keeps its shape itself. -#}
      {%- do out.append('(' ~ maskline._generated('templates', dialect)['shape.' ~ shape] | replace('__ml_col__', quoted) ~ ') AS ' ~ quoted) -%}
    {%- elif spec is none -%}
      {%- do out.append(quoted) -%}
    {%- elif roles -%}
      {%- do out.append(maskline._dynamic_mask(quoted, spec.method, roles, spec.params, spec.info_type, dialect, c.data_type, cat) ~ ' AS ' ~ quoted) -%}
    {%- elif spec.method == 'null' -%}
      {#- The column's type is kept only when it spells no value (the core's `value_free_type`): DuckDB's
          ENUM('Ann Smith', ...) lists the column's values, which typeof() would read back. An allow-list of
          the characters a type of names, sizes and brackets is spelled with; any other type becomes text. -#}
      {#- A bare `ARRAY` (PostgreSQL's catalogue name of every array type) names no element type: no cast takes it
          (the core's `complete_type`). -#}
      {%- set null_type = c.data_type if modules.re.fullmatch('[A-Za-z0-9_ ,.()\\[\\]]*', c.data_type) and (c.data_type | lower | trim) != 'array' else dbt.type_string() -%}
      {%- do out.append('(CAST(NULL AS ' ~ null_type ~ ')) /* maskline:null */ AS ' ~ quoted) -%}
    {%- else -%}
      {%- set where = model.unique_id ~ ", column " ~ c.name -%}
      {%- do out.append(maskline._mask_sql(quoted, spec.method, spec.params, spec.info_type, dialect, where, c.data_type, cat) ~ ' AS ' ~ quoted) -%}
    {%- endif -%}
  {%- endfor -%}
  {%- if redacted -%}
    {%- do exceptions.warn("maskline: " ~ maskline._where(redacted | join(', ')) ~ " of " ~ relation ~ ": no synced policy and no meta, so redacted. Fix: run `maskline dbt sync` (vars.maskline_policy), add meta.maskline, or set vars.maskline_unclassified: pass") -%}
  {%- endif -%}
  {%- if unscanned -%}
    {%- do exceptions.warn("maskline: " ~ maskline._where(unscanned | join(', ')) ~ " of " ~ relation ~ ": not in its stored scan (added since?), so redacted. Fix: scan it again (`maskline scan SOURCE --policy policy.yml --save`), then run `maskline dbt sync`") -%}
  {%- endif -%}
  {{ return(out | join(',\n  ')) }}
{%- endmacro %}
