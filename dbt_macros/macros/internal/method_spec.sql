{#- Validate a method and its parameters as maskline.methods does, failing the compile closed.

    Nothing here is specific to a method: the types, limits and messages come from each method's definition,
    written into the generated catalogue (maskline.methods.schema.catalogue_entry). -#}

{% macro _method_spec(method, params, where, cat=none) -%}
  {#- `cat`: the generated catalogue, when the caller built it already (once per call, not per column). -#}
  {%- set cat = cat or maskline._catalogue() -%}
  {%- if method not in cat['methods'] -%}
    {{ maskline._fail("unknown masking method '" ~ method ~ "'", where,
                      "use one of " ~ (maskline._method_names() | join(', '))) }}
  {%- endif -%}
  {%- set m = cat['methods'][method] -%}
  {%- set known = m['params'] -%}
  {%- set p = {} -%}
  {%- do p.update(known) -%}
  {%- for k, v in (params or {}).items() -%}
    {%- if k not in known -%}
      {{ maskline._fail("unknown parameter '" ~ k ~ "' for method '" ~ method ~ "'", where,
                        ("method '" ~ method ~ "' takes " ~ (known.keys() | list | sort | join(', '))) if known else ("method '" ~ method ~ "' takes no parameters")) }}
    {%- endif -%}
    {%- do p.update({k: v}) -%}
  {%- endfor -%}
  {%- for k, rule in m['rules'].items() if p[k] is not none -%}
    {%- set v = p[k] -%}
    {%- set is_list = v is iterable and v is not string and v is not mapping -%}
    {%- set typed = (rule.kind == 'integer' and v is integer) or (rule.kind == 'string' and v is string)
                    or (rule.kind == 'boolean' and v is boolean) or (rule.kind == 'enum' and v is not mapping and not is_list and v in rule.enum)
                    or (rule.kind == 'list' and is_list and (v | reject('string') | list | length) == 0) -%}
    {%- if not typed -%}
      {{ maskline._fail("parameter '" ~ k ~ "' of method '" ~ method ~ "' must be " ~ rule.expected, where, "set " ~ k ~ " to " ~ rule.expected) }}
    {%- elif rule.kind == 'list' and 'choices' in rule -%}
      {%- for item in v if item not in rule.choices -%}
        {{ maskline._fail(rule.what | replace('{value}', item), where, "use some of " ~ (rule.choices | join(', '))) }}
      {%- endfor -%}
    {%- elif ('minimum' in rule and v < rule.minimum) or ('maximum' in rule and v > rule.maximum)
             or ('length' in rule and v | length != rule.length) -%}
      {{ maskline._fail(rule.what, where, rule.fix) }}
    {%- endif -%}
  {%- endfor -%}
  {%- if m['exactly_one'] -%}
    {%- set chosen = [] -%}
    {%- for k in m['exactly_one']['names'] if p[k] is not none -%}{%- do chosen.append(k) -%}{%- endfor -%}
    {%- if chosen | length != 1 -%}
      {{ maskline._fail(m['exactly_one']['what'], where, m['exactly_one']['fix']) }}
    {%- endif -%}
  {%- endif -%}
  {{ return(p) }}
{%- endmacro %}
