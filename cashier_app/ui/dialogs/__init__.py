"""Dialogs: refund confirmation, receipt print/save."""
