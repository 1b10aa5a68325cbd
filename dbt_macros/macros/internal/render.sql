{#- Turn a validated method into SQL for one dialect, from the templates the core generated. -#}

{% macro _dialects() -%}
  {{ return(['bigquery', 'duckdb', 'postgres', 'snowflake', 'spark', 'trino']) }}
{%- endmacro %}

{% macro _generated(kind, dialect) -%}
  {#- One of the tables the core generated for `dialect` (maskline._generated_table, written by
      maskline.dbt.generate): its `templates`, its `type_classes` or its `keyed_classes`. A dialect no dbt adapter
      speaks (the core also compiles sqlite), or a table the generator did not write, stops the compile. -#}
  {%- if dialect not in maskline._dialects() -%}
    {{ maskline._fail("no maskline SQL for dialect '" ~ dialect ~ "'", "adapter " ~ target.type,
                      "set var maskline_dialect to one of " ~ (maskline._dialects() | join(', ')) ~ ", or override maskline's dispatch") }}
  {%- endif -%}
  {%- set table = maskline._generated_table(kind, dialect) -%}
  {%- if table is none -%}
    {{ maskline._fail("no generated maskline table '" ~ kind ~ "'", "macro maskline._generated",
                      "ask for one of templates, type_classes, keyed_classes") }}
  {%- endif -%}
  {{ return(table) }}
{%- endmacro %}

{% macro _pinned_type(data_type, dialect) -%}
  {#- `data_type` as the cast writes it: on PostgreSQL a type name the grammar does not map to pg_catalog's itself
      (date, timestamptz, int8: one plain name) is looked up along the model's search_path, where a domain of that
      name in a schema before pg_catalog would be the type the cast makes (maskline.dialects.postgres_catalog). -#}
  {%- set m = modules.re.fullmatch('([A-Za-z_][A-Za-z0-9_]*)(\\(.*\\))?', data_type) if dialect == 'postgres' else none -%}
  {%- if m and m.group(1) | upper not in ('INT', 'INTEGER', 'SMALLINT', 'BIGINT', 'REAL', 'FLOAT', 'DECIMAL', 'DEC',
      'NUMERIC', 'BOOLEAN', 'CHAR', 'CHARACTER', 'VARCHAR', 'NCHAR', 'BIT', 'TIMESTAMP', 'TIME', 'INTERVAL') -%}
    {{ return('pg_catalog.' ~ data_type) }}
  {%- endif -%}
  {{ return(data_type) }}
{%- endmacro %}

{% macro _type_class(data_type, dialect, cat=none) -%}
  {#- The class of typed templates (generated from the core, maskline.dbt.generate.typed_templates) a column of
      `data_type` takes, or none: an unknown type, or one spelled with characters a type's names, sizes and
      brackets are not (it is written into the SQL as the cast's type), takes the untyped templates. -#}
  {%- if data_type is not string or not modules.re.fullmatch('[A-Za-z0-9_ ,.()\\[\\]]*', data_type) -%}{{ return(none) }}{%- endif -%}
  {%- set name = modules.re.sub((cat or maskline._catalogue())['type_params'], '', data_type | lower).split() | join(' ') -%}
  {{ return(maskline._generated('type_classes', dialect).get(name)) }}
{%- endmacro %}

{% macro _least_bucketable(data_type, width, dialect=none, cat=none) -%}
  {#- The least value whose bucket of `width` a column of `data_type` holds, or none when every value's does: the
      core's maskline.dialects.type_bounds.least_bucketable, in exact integer arithmetic over the catalogue's table
      (a decimal(p,s) counts in units of 10^-s, so its bound, a multiple of `width`, is an integer). -#}
  {%- set cat = cat or maskline._catalogue() -%}
  {%- set b = cat['type_bounds'] -%}
  {%- set name = modules.re.sub(cat['type_params'], '', data_type | lower).split() | join(' ') -%}
  {%- set bits = b['integer_bits'].get(dialect or maskline._dialect()) -%}
  {%- if name in b['signed_bits'] -%}
    {%- set least = -(2 ** ((bits or b['signed_bits'][name]) - 1)) -%}
    {%- set multiple = -(((-least) // width) * width) -%}
    {{ return(multiple if multiple > least else none) }}
  {%- elif name in b['decimals'] -%}
    {%- set m = modules.re.search(b['precision'], data_type) -%}
    {%- if m is none -%}{{ return(none) }}{%- endif -%}
    {%- set unit = 10 ** ((m.group(2) or '0') | int) -%}
    {%- set least = -(10 ** (m.group(1) | int) - 1) -%}
    {%- set multiple = -(((-least) // (width * unit)) * width * unit) -%}
    {{ return((multiple // unit) if multiple > least else none) }}
  {%- endif -%}
  {#- unsigned types (least value 0, a multiple of every width) and types without a bound -#}
  {{ return(none) }}
{%- endmacro %}

{% macro _keyed_class(data_type, dialect, cat=none) -%}
  {#- [class of the value's canonical text, drawn once] for a keyed method on a column of `data_type`
      (maskline.dbt.generate.keyed_templates), or none (an unknown type: the untyped templates). A decimal's
      class depends on its scale, as the core's canonical text does (maskline.dialects.canonical.decimal_scale). -#}
  {%- if data_type is not string or not modules.re.fullmatch('[A-Za-z0-9_ ,.()\\[\\]]*', data_type) -%}{{ return(none) }}{%- endif -%}
  {%- set cat = cat or maskline._catalogue() -%}
  {%- set name = modules.re.sub(cat['type_params'], '', data_type | lower).split() | join(' ') -%}
  {%- set classes = maskline._generated('keyed_classes', dialect) -%}
  {%- set params = modules.re.search(cat['decimal_params'], data_type) -%}
  {%- if params is not none -%}
    {%- set scaled = name ~ ('(s)' if ((params.group(1) or '0') | int) > 0 else '(0)') -%}
    {%- if scaled in classes -%}{{ return(classes[scaled]) }}{%- endif -%}
  {%- endif -%}
  {{ return(classes.get(name)) }}
{%- endmacro %}

{% macro _keyed_sql(t, name, data_type, dialect, cat=none) -%}
  {#- Keyed template `name` for a column of `data_type`: the core hashes the value's canonical text for its type
      (17.50 and 17.5 give one token), so the untyped template's text of the value (`text`) becomes the type's
      (`text@<class>`); a fake of a number, date or boolean is drawn once (`<name>@once`). -#}
  {%- set keyed = maskline._keyed_class(data_type, dialect, cat) -%}
  {%- if keyed is none -%}{{ return(t[name]) }}{%- endif -%}
  {%- set base = t[name ~ '@once'] if keyed[1] and name.startswith('fake.') else t[name] -%}
  {{ return(base | replace(t['text'], t['text@' ~ keyed[0]])) }}
{%- endmacro %}

{% macro _text_sql(t, sql, data_type, dialect) -%}
  {#- A template of a method that keeps part of the value's text (partial, char_mask, email, scrub, generalize's
      prefix) for a column of `data_type`: the core reads the value's canonical text there too (17.50 as 17.5, a
      timestamp without Trino's .000000, an instant in UTC), so the untyped template's text of the value (`text`)
      becomes the type's (`text@<class>`, the class keyed methods take). -#}
  {%- set keyed = maskline._keyed_class(data_type, dialect) -%}
  {%- if keyed is none -%}{{ return(sql) }}{%- endif -%}
  {{ return(sql | replace(t['text'], t['text@' ~ keyed[0]])) }}
{%- endmacro %}

{% macro _string_literal(value, dialect) -%}
  {#- A SQL string literal, escaped the way sqlglot writes it for the dialect. -#}
  {%- if dialect in ('snowflake', 'bigquery', 'spark') -%}
    {{ return("'" ~ (value | replace('\\', '\\\\') | replace("'", "\\'")) ~ "'") }}
  {%- endif -%}
  {{ return("'" ~ (value | replace("'", "''")) ~ "'") }}
{%- endmacro %}

{% macro _column_sql(column) -%}
  {#- A bare or quoted (possibly qualified) name is used as is; any other expression is parenthesised. -#}
  {%- set c = column | string | trim -%}
  {%- if modules.re.fullmatch('([A-Za-z_][A-Za-z0-9_$]*|"[^"]+"|`[^`]+`)([.]([A-Za-z_][A-Za-z0-9_$]*|"[^"]+"|`[^`]+`))*', c) -%}
    {{ return(c) }}
  {%- endif -%}
  {{ return('(' ~ c ~ ')') }}
{%- endmacro %}

{% macro _mask_sql(column, method, params, info_type, dialect, where, data_type=none, cat=none) -%}
  {#- `cat`: the generated catalogue, built once by a caller that masks many columns (masked_columns). -#}
  {%- set cat = cat or maskline._catalogue() -%}
  {%- set p = maskline._method_spec(method, params, where, cat) -%}
  {#- the inline maskline.mask(col, 'scrub', info_type='US_SSN') meets the check column meta and policies have -#}
  {%- do maskline._scrub_refusal(method, info_type, where, ", e.g. maskline.mask('" ~ column ~ "', 'redact', info_type='" ~ info_type ~ "')") -%}
  {%- do maskline._structure_refusal(method, data_type, column, where, cat) -%}
  {%- set t = maskline._generated('templates', dialect) -%}
  {%- set lit = maskline._string_literal -%}
  {%- if method == 'redact' -%}
    {%- set label = p.label or (('[' ~ info_type ~ ']') if info_type else '[REDACTED]') -%}
    {%- set sql = t['redact'] | replace('__ml_label__', lit(label, dialect)) -%}
  {%- elif method == 'null' -%}
    {%- set sql = t['null'] -%}
  {%- elif method == 'partial' -%}
    {%- set shape = ('f' if p.keep_first else '') ~ ('l' if p.keep_last else '') -%}
    {%- set sql = maskline._text_sql(t, t['partial.' ~ (shape or 'none')], data_type, dialect)
        | replace('__ml_kept__', (p.keep_first + p.keep_last) | string)
        | replace('__ml_keep_first__', p.keep_first | string)
        | replace('__ml_keep_last__', p.keep_last | string) -%}
  {%- elif method == 'char_mask' -%}
    {%- set sql = maskline._text_sql(t, t['char_mask.' ~ ('keep' if p.keep_separators else 'all')], data_type, dialect) -%}
  {%- elif method == 'email' -%}
    {%- set sql = maskline._text_sql(t, t['email.' ~ p.keep_first], data_type, dialect) | replace('__ml_mask_run__', lit(p.mask_char * 5, dialect)) -%}
  {%- elif method in ('hash', 'hmac') -%}
    {%- set sql = maskline._keyed_sql(t, method ~ ('.len' if p.length else '') ~ maskline._derivation_suffix(), data_type, dialect, cat) | replace('__ml_length__', p.length | string) -%}
  {%- elif method == 'generalize' -%}
    {#- The core compiles generalize by the column's type (an integer keeps its type and exact value, an instant
        its UTC day, text stays text): a column of known type takes its class's template, `__ml_type__` its type. -#}
    {%- set typed = maskline._type_class(data_type, dialect, cat) -%}
    {%- set suffix = ('@' ~ typed) if typed else '' -%}
    {%- if p.to -%}{%- set sql = t['generalize.to.' ~ p.to ~ suffix] -%}
    {%- elif p.bucket -%}{%- set sql = t['generalize.bucket' ~ suffix] | replace('__ml_bucket__', p.bucket | string) -%}
    {%- else -%}{%- set sql = maskline._text_sql(t, t['generalize.prefix'], data_type, dialect) | replace('__ml_prefix__', p.prefix | string) -%}
    {%- endif -%}
    {%- set least = maskline._least_bucketable(data_type, p.bucket, dialect, cat) if typed and p.bucket else none -%}
    {%- if least is not none -%}
      {#- A value whose bucket the type cannot hold is NULL, as in the core (Dialect.exact_bucket): an error would
          fail only the rows whose raw values are there. -#}
      {%- set sql = t['generalize.bucket.guard'] | replace('__ml_body__', sql) | replace('__ml_least__', least | string) -%}
    {%- endif -%}
    {%- if typed -%}{%- set sql = sql | replace('__ml_type__', maskline._pinned_type(data_type, dialect)) -%}{%- endif -%}
  {%- elif method == 'fake' -%}
    {%- set kind = p.kind or cat['fake_default_kind'].get(info_type or '', 'word') -%}
    {%- set sql = maskline._keyed_sql(t, 'fake.' ~ kind ~ maskline._derivation_suffix(), data_type, dialect, cat) -%}
  {%- elif method == 'scrub' -%}
    {%- set ns = namespace(out=t['scrub.base']) -%}
    {%- for pair in cat['sql_patterns'] if not p.info_types or pair[0] in p.info_types -%}
      {%- set ns.out = t['scrub.step.' ~ pair[0]] | replace('__ml_in__', ns.out) -%}
    {%- endfor -%}
    {%- set sql = maskline._text_sql(t, t['scrub.wrap'] | replace('__ml_body__', ns.out), data_type, dialect) -%}
  {%- endif -%}
  {%- if 'mask_char' in p -%}{%- set sql = sql | replace('__ml_mask_char__', lit(p.mask_char, dialect)) -%}{%- endif -%}
  {%- if '__ml_key_' in sql -%}{%- do maskline._record_key_place() -%}{%- do maskline._warn_keyed_view(dialect, where) -%}{%- endif -%}
  {%- set ns = namespace(sql=sql) -%}
  {%- for k in ['ipad', 'opad', 'salt'] if ('__ml_key_' ~ k ~ '__') in sql -%}
    {%- set ns.sql = ns.sql | replace('__ml_key_' ~ k ~ '__', maskline._key_ref(k, dialect, where)) -%}
  {%- endfor -%}
  {#- The parentheses keep the expression whole wherever it is placed, and the comment marks it as masked
      for `maskline dbt check`, which reads compiled SQL (sqlglot attaches it to the parenthesis). -#}
  {{ return('(' ~ (ns.sql | replace('__ml_col__', maskline._column_sql(column))) ~ ') /* maskline:' ~ method ~ ' */') }}
{%- endmacro %}
