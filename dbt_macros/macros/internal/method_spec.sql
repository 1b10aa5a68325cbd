{#- Validate a method and its parameters exactly as maskline.methods does, failing the compile closed. -#}

{% macro _method_spec(method, params, where) -%}
  {%- set cat = maskline._catalogue() -%}
  {%- if method not in cat['methods'] -%}
    {{ maskline._fail("unknown masking method '" ~ method ~ "'", where,
                      "use one of " ~ (maskline._method_names() | join(', '))) }}
  {%- endif -%}
  {%- set known = cat['methods'][method]['params'] -%}
  {%- set p = {} -%}
  {%- do p.update(known) -%}
  {%- for k, v in (params or {}).items() -%}
    {%- if k not in known -%}
      {{ maskline._fail("unknown parameter '" ~ k ~ "' for method '" ~ method ~ "'", where,
                        ("method '" ~ method ~ "' takes " ~ (known.keys() | list | sort | join(', '))) if known else ("method '" ~ method ~ "' takes no parameters")) }}
    {%- endif -%}
    {%- do p.update({k: v}) -%}
  {%- endfor -%}
  {%- for k in ['keep_first', 'keep_last', 'length', 'bucket', 'prefix'] if k in p and p[k] is not none -%}
    {%- if not (p[k] is integer) -%}
      {{ maskline._fail("parameter '" ~ k ~ "' of method '" ~ method ~ "' must be an integer", where, "e.g. " ~ k ~ ": 4") }}
    {%- endif -%}
  {%- endfor -%}
  {%- if 'mask_char' in p and (not (p.mask_char is string) or p.mask_char | length != 1) -%}
    {{ maskline._fail("mask_char must be one character", where, "use e.g. '*'") }}
  {%- endif -%}
  {%- if method == 'partial' and (p.keep_first < 0 or p.keep_last < 0) -%}
    {{ maskline._fail("keep_first and keep_last must be >= 0", where, "use 0 or a positive number") }}
  {%- elif method == 'email' and not (0 <= p.keep_first <= 2) -%}
    {{ maskline._fail("keep_first must be 0, 1 or 2", where, "keeping more of the local part would identify people") }}
  {%- elif method in ('hash', 'hmac') and p.length is not none and not (8 <= p.length <= 64) -%}
    {{ maskline._fail("length must be between 8 and 64", where, "shorter tokens collide; use 16 or more") }}
  {%- elif method == 'generalize' -%}
    {%- set chosen = [] -%}
    {%- for k in ['to', 'bucket', 'prefix'] if p[k] is not none -%}{%- do chosen.append(k) -%}{%- endfor -%}
    {%- if chosen | length != 1 -%}
      {{ maskline._fail("generalize takes exactly one of 'to', 'bucket' or 'prefix'", where, "e.g. method: generalize, to: year") }}
    {%- elif p.to is not none and p.to not in ('year', 'month', 'day') -%}
      {{ maskline._fail("parameter 'to' of method 'generalize' must be one of 'year', 'month', 'day'", where, "e.g. to: year") }}
    {%- elif p.bucket is not none and p.bucket <= 0 -%}
      {{ maskline._fail("bucket must be > 0", where, "e.g. bucket: 10") }}
    {%- elif p.prefix is not none and p.prefix < 0 -%}
      {{ maskline._fail("prefix must be >= 0", where, "e.g. prefix: 3") }}
    {%- endif -%}
  {%- elif method == 'fake' and p.kind is not none and p.kind not in cat['fake_kinds'] -%}
    {{ maskline._fail("parameter 'kind' of method 'fake' must be one of " ~ (cat['fake_kinds'] | join(', ')), where, "e.g. kind: name") }}
  {%- elif method == 'scrub' and p.info_types is not none -%}
    {%- set names = [] -%}
    {%- for pair in cat['sql_patterns'] -%}{%- do names.append(pair[0]) -%}{%- endfor -%}
    {%- for t in p.info_types if t not in names -%}
      {{ maskline._fail("scrub has no SQL pattern for '" ~ t ~ "'", where, "use some of " ~ (names | join(', '))) }}
    {%- endfor -%}
  {%- elif method == 'char_mask' and not (p.keep_separators is boolean) -%}
    {{ maskline._fail("keep_separators must be true or false", where, "e.g. keep_separators: false") }}
  {%- endif -%}
  {{ return(p) }}
{%- endmacro %}
