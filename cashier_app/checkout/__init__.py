"""The payment state machine: picker result -> pay -> redirect -> poll/notify -> final."""
