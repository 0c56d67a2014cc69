"""The contract list: its table model and view."""
