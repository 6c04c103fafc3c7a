"""Hostile-input tests: reproductions of issue 13, run under resource limits."""
