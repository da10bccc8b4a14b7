"""Benchmarks of the generator at the scale of a real crisis (see bench/README.md)."""
