"""A frozen copy of maskline's text scrubber as it was before the multi-pattern prefilter (main at 97c7f1a).

Kept only so that ``make bench`` measures the previous implementation in the same run as the current one.
It still calls the current validators (``maskline.infotypes.validators``); nothing outside benchmarks imports it.
"""
