"""The liquidated-damages (违约金) calculator dialog."""
