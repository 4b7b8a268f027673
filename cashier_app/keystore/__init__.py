"""Merchant profiles and keys: OS keyring first, encrypted file or memory as fallbacks."""
