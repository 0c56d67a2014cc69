"""Liquidated damages (违约金): clause kinds, the computation, saved calculations. Qt-free."""
