"""Dock widgets and dialogs of the plugin."""
