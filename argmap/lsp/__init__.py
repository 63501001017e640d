"""The language server for scenario files (``argmap lsp``)."""
