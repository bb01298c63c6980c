"""Graph state types, the LangGraph builder and the pure routing functions."""
