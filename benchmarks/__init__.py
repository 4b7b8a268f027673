"""Measured budgets, side by side with the official Antom SDK; run ``python -m benchmarks``."""
