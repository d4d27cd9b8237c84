"""The website: which pages exist and their HTML, photos, vCards, the Pagefind index, and
the thin MkDocs plugin that puts them into a mkdocs-material site."""
