"""Everything that talks to the outside world: LLM providers, embeddings, vector store,
incident manager, target system, OCR/vision. Nodes receive these; they never build them."""
