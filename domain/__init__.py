"""Pure domain rules shared by the graph's nodes and the evaluation: incident text, identifiers,
the action allow-list, reason codes and the decision policy. Nothing here does I/O."""
