"""Reusable widgets: QR code, keypad, wallet tiles, chart, filters."""
