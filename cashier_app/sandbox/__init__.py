"""Embedded Antom-compatible gateway on loopback, wallet simulator and fault scenarios."""
