{#- The core's refusal of a method a column's type makes wrong (maskline.methods.structure.refusal_kind): a keyed
    method (hash, hmac, fake) on JSON, an array, a struct or a map, which has no one text on every engine; a method
    that keeps part of the text (partial, email, char_mask, generalize, scrub) on a structured value, whose brackets,
    keys and separators it would keep; and either on an interval or a time with a time zone, whose text each engine
    writes its own way. The rule, its messages and its fixes are the catalogue's `structure_refusal`, generated from
    the core; these macros only apply it. -#}

{% macro _structure_refusal(method, data_type, column, where, cat=none) -%}
  {#- Stops the compile when `method` on a column of `data_type` (as the adapter reports it) is refused. -#}
  {%- if data_type is none -%}{{ return(none) }}{%- endif -%}
  {%- set cat = cat or maskline._catalogue() -%}
  {%- set kind = maskline._structure_refusal_kind(method, data_type, cat) -%}
  {%- if kind -%}
    {%- set rule = cat['structure_refusal'] -%}
    {%- set shown = maskline._structure_base(data_type, cat).split('[')[0].strip() ~ ('[]' if '[' in data_type else '') -%}
    {%- set opaque = rule['opaque']['keyless' if maskline._keyed_without_one_text('hmac', data_type, cat) else 'keyed'] -%}
    {%- set said = {} -%}
    {%- for part in ('what', 'fix') -%}
      {%- do said.update({part: rule['refusals'][kind][part] | replace('{column}', column) | replace('{type}', shown)
                                 | replace('{method}', method) | replace('{opaque}', opaque)}) -%}
    {%- endfor -%}
    {{ maskline._fail(said['what'], where, said['fix']) }}
  {%- endif -%}
{%- endmacro %}

{% macro _structure_refusal_kind(method, data_type, cat) -%}
  {#- maskline.methods.structure.refusal_kind: 'engine_text', 'keyed', 'structure' or none. -#}
  {%- set keyed = maskline._keyed_without_one_text(method, data_type, cat) -%}
  {%- set kept = not cat['methods'][method]['opaque'] and maskline._structured_type(data_type, cat) -%}
  {%- set engine_text = data_type is string and maskline._structure_base(data_type, cat) in cat['structure_refusal']['engine_text'] -%}
  {%- if engine_text and (keyed or kept) -%}{{ return('engine_text') }}{%- endif -%}
  {{ return('keyed' if keyed else ('structure' if kept else none)) }}
{%- endmacro %}

{% macro _structured_type(data_type, cat) -%}
  {#- maskline.methods.structure.structured_type, false for no type: an array, or a name not on the scalar allow-list. -#}
  {%- if data_type is not string or not data_type.strip() -%}{{ return(false) }}{%- endif -%}
  {{ return('[' in data_type or maskline._structure_base(data_type, cat) not in cat['structure_refusal']['scalar_types']) }}
{%- endmacro %}

{% macro _keyed_without_one_text(method, data_type, cat) -%}
  {#- maskline.methods.structure.keyed_without_one_text: a keyed method, a structured type (an array, or a name not
      on the scalar allow-list), and no canonical text for it (text_forms) nor one every engine writes alike. -#}
  {%- set rule = cat['structure_refusal'] -%}
  {%- if not cat['methods'][method]['keyed'] or not maskline._structured_type(data_type, cat) -%}{{ return(false) }}{%- endif -%}
  {%- set name = modules.re.sub(cat['type_params'], '', data_type | lower).split() | join(' ') -%}
  {{ return(name not in rule['text_forms'] and maskline._structure_base(data_type, cat) not in rule['agreeing']) }}
{%- endmacro %}

{% macro _structure_base(data_type, cat=none) -%}
  {#- The type's name without parameters, lower case, as maskline.methods.structure._base reads it: parameters inside
      the name (time(6) with time zone) are dropped, not cut at. -#}
  {%- set cat = cat or maskline._catalogue() -%}
  {%- set base = data_type.strip().lower() -%}
  {%- if base.startswith('pg_catalog.') -%}{%- set base = base[11:] -%}{%- endif -%}
  {%- set base = modules.re.sub(cat['structure_refusal']['base_params'], '', base) -%}
  {{ return(base.split('(')[0].split('<')[0].split() | join(' ')) }}
{%- endmacro %}
