"""Stand-ins for the customer's incident manager and target system (FastAPI, loopback)."""
