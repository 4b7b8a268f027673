"""Store mode: tills replicate their SQLite journals to a shared PostgreSQL (psycopg 3).

``connect`` the link (DSN in ``store.json``, password in the key store), ``schema`` the
versioned PostgreSQL schema, ``push`` + ``replicator`` the outbox's way to the store,
``reader`` what store views and reports read, ``listener`` the store's notify listener.
Only this package imports psycopg, and never on the GUI thread (docs/store.md).
"""
