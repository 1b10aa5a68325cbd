"""Great Expectations metrics behind maskline's expectations: how each engine computes them.

Importing a metric module registers it with GX (class definition is
registration there), so the expectation modules import the metric they need.
"""
