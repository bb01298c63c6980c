"""One module per graph node; each node is small and its logic lives in pure helpers."""
