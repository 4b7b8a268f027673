"""SQLite (WAL) journal of payments, refunds and their events; recovery queries."""
