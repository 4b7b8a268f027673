"""End-of-day report and receipts: pure data builders plus CSV/PDF writers and painters."""
