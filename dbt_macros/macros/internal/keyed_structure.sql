{#- The core's refusal of a keyed method (hash, hmac, fake) on a structured column: JSON, an array, a struct or a
    map has no one text on every engine, so hashing each engine's own text would give one value a different token on
    DuckDB, PostgreSQL and Trino (maskline.methods.structure.keyed_without_one_text). The rule, its message and its
    fix are the catalogue's `keyed_structure`, generated from the core; these macros only apply it. -#}

{% macro _keyed_structure_refusal(method, data_type, column, where, cat=none) -%}
  {#- Stops the compile when `method` on a column of `data_type` (as the adapter reports it) is refused. -#}
  {%- if data_type is none -%}{{ return(none) }}{%- endif -%}
  {%- set cat = cat or maskline._catalogue() -%}
  {%- if maskline._keyed_without_one_text(method, data_type, cat) -%}
    {%- set rule = cat['keyed_structure'] -%}
    {%- set base = maskline._structure_base(data_type) -%}
    {%- set shown = base.split('[')[0].strip() ~ ('[]' if '[' in data_type else '') -%}
    {{ maskline._fail(rule['what'] | replace('{column}', column) | replace('{type}', shown) | replace('{method}', method),
                      where, rule['fix'] | replace('{column}', column)) }}
  {%- endif -%}
{%- endmacro %}

{% macro _keyed_without_one_text(method, data_type, cat) -%}
  {#- maskline.methods.structure.keyed_without_one_text: a keyed method, a structured type (an array, or a name not
      on the scalar allow-list), and no canonical text for it (text_forms) nor one every engine writes alike. -#}
  {%- set rule = cat['keyed_structure'] -%}
  {%- if not cat['methods'][method]['keyed'] or data_type is not string or not data_type.strip() -%}{{ return(false) }}{%- endif -%}
  {%- set base = maskline._structure_base(data_type) -%}
  {%- if '[' not in data_type and base in rule['scalar_types'] -%}{{ return(false) }}{%- endif -%}
  {%- set name = modules.re.sub(cat['type_params'], '', data_type | lower).split() | join(' ') -%}
  {{ return(name not in rule['text_forms'] and base not in rule['agreeing']) }}
{%- endmacro %}

{% macro _structure_base(data_type) -%}
  {#- The type's name without parameters, lower case, as maskline.methods.structure._base reads it. -#}
  {%- set base = data_type.strip().lower() -%}
  {%- if base.startswith('pg_catalog.') -%}{%- set base = base[11:] -%}{%- endif -%}
  {{ return(base.split('(')[0].split('<')[0].strip()) }}
{%- endmacro %}
