"""Language-model access: model registry, bundled-model assembly, managed llama.cpp server,
provider factory with structured output, retries and fallback."""
