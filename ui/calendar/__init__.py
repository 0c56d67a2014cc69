"""The deadline calendar and agenda: month view, agenda list, their table models and dialogs."""
