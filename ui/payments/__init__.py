"""Payments in the window (issue 15): the editor's Payments tab, Record payment…, the overview."""
