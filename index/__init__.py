"""The knowledge base: storage, embeddings and search over segmented items."""
