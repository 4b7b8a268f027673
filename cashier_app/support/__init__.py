"""Leaf helpers every layer may use: paths, the redacted log, file locks, the prompt HTTP server.

Nothing here imports anything of ours outside ``support`` (and the package's ``version``);
this ``__init__`` stays empty, so that importing one helper imports nothing else.
"""
