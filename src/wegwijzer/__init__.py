"""Wegwijzer: a social map and self-help portal built from editors' YAML records.

The package is layered; each subpackage only imports the ones above it in this list:

- ``records``: reading, checking and modelling what editors keep (no MkDocs, no Markdown);
- ``search``: Meilisearch documents, settings, synonyms and the reindex;
- ``site``: pages, rendering, photos, vCards, Pagefind and the thin MkDocs plugin;
- ``checker`` and ``cli``: one check for everything, and the one command table.
"""

__version__ = "0.1.0"
