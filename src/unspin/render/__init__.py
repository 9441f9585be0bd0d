"""Renderers read an `Analysis` and nothing else."""
