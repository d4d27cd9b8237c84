"""Search: Meilisearch documents and settings built from the record model, the editors'
synonyms, the site's search key, and the reindex that never touches the live index
until the new one is complete."""
