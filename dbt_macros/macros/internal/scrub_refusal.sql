{#- _scrub_refusal(method, info_type, where, fix_suffix): stop the compile when scrub masks an info type that is not
    prose (maskline.policy.FREE_TEXT_TYPES, _Loader.scrub_fits): scrub passes what its detectors do not recognise,
    so an SSN written as bare digits would pass raw. One check for column meta (column_policy) and the inline
    maskline.mask(col, 'scrub', info_type=...) (_mask_sql), so neither face lets it through. It stops the compile,
    not the parse (`execute`): a parse-time failure would stop the whole project at its first broken model, and
    every model is compiled before it runs. -#}
{% macro _scrub_refusal(method, info_type, where, fix_suffix='') -%}
  {%- if execute and method == 'scrub' and info_type is not none and info_type != 'FREE_TEXT_WITH_PII' -%}
    {{ maskline._fail("method scrub is for free text, not " ~ info_type ~ ": a value its detectors do not recognise (one written as bare digits) would pass raw",
                      where,
                      "mask " ~ info_type ~ " with a method that masks the whole value (redact, partial, hmac, hash, null); keep scrub for prose columns (info_type: FREE_TEXT_WITH_PII)" ~ fix_suffix) }}
  {%- endif -%}
{%- endmacro %}
