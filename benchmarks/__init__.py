"""Benchmarks of suno_nb: ``python -m benchmarks [NAME ...]`` (or ``make bench``) prints tables."""
