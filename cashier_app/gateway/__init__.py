"""Protocol clients: Antom AMS v1 (signing, pay, inquiry, cancel, refund, notifications)."""
