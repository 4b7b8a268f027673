"""QA console: every signed exchange, the sandbox's fault scenarios, received notifications."""
