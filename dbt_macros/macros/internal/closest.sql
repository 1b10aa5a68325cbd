{#- "did you mean": the valid name closest to a typo, by the rule the Python side uses (maskline.errors.closest:
    difflib's ratio, case ignored, at least 0.6), so `databse` gets the same suggestion from dbt as from the CLI.
    dbt's Jinja has no difflib: the ratio is rebuilt from its definition, 2 * M / (len(a) + len(b)), where M counts
    the characters of difflib's matching blocks (the longest common run, then the same on each side of it), with the
    choice as difflib.get_close_matches passes it: the first sequence (the count depends on which is first). -#}

{% macro _closest(name, choices) -%}
  {#- The choice closest to `name`, or none when none reaches the ratio 0.6. Ties go to the greater name, as
      difflib.get_close_matches orders them. -#}
  {%- set typed = (name | string | lower) -%}
  {%- set best = namespace(score=0.6, name=none, lowered='') -%}
  {%- for choice in choices -%}
    {%- set lowered = choice | lower -%}
    {%- set total = (typed | length) + (lowered | length) -%}
    {%- set score = (2.0 * maskline._matched_chars(lowered, typed) / total) if total else 0 -%}
    {%- if score > best.score or (score == best.score and score >= 0.6 and (best.name is none or lowered > best.lowered)) -%}
      {%- set best.score = score -%}{%- set best.name = choice -%}{%- set best.lowered = lowered -%}
    {%- endif -%}
  {%- endfor -%}
  {{ return(best.name) }}
{%- endmacro %}

{% macro _matched_chars(a, b) -%}
  {#- How many characters difflib's matching blocks of `a` and `b` hold: the longest common run (the earliest in
      `a`, then in `b`, as difflib.SequenceMatcher.find_longest_match picks it), plus those left and right of it. -#}
  {%- if not a or not b -%}{{ return(0) }}{%- endif -%}
  {%- set best = namespace(i=0, j=0, k=0) -%}
  {%- for i in range(a | length) -%}
    {%- for j in range(b | length) -%}
      {%- set run = namespace(k=0, on=true) -%}
      {%- for d in range([(a | length) - i, (b | length) - j] | min) -%}
        {%- if run.on and a[i + d] == b[j + d] -%}{%- set run.k = run.k + 1 -%}{%- else -%}{%- set run.on = false -%}{%- endif -%}
      {%- endfor -%}
      {%- if run.k > best.k -%}{%- set best.i = i -%}{%- set best.j = j -%}{%- set best.k = run.k -%}{%- endif -%}
    {%- endfor -%}
  {%- endfor -%}
  {%- if best.k == 0 -%}{{ return(0) }}{%- endif -%}
  {{ return(best.k + maskline._matched_chars(a[:best.i], b[:best.j])
            + maskline._matched_chars(a[best.i + best.k:], b[best.j + best.k:])) }}
{%- endmacro %}
