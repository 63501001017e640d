"""Interchange formats: one module per format, each pure (no file access, no UI); ``registry`` names them."""
