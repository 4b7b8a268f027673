"""Embedded Antom-compatible gateway on loopback, wallet simulator and fault scenarios."""

from cashier_app.sandbox.control import SimulatorClient, SimulatorError
from cashier_app.sandbox.gateway import SandboxError, SandboxGateway

__all__ = ["SandboxError", "SandboxGateway", "SimulatorClient", "SimulatorError"]
