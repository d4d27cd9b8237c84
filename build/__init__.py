"""Wegwijzer: a social map and self-help portal built from editors' YAML records.

This package lives in the repository's ``build/`` folder and installs as ``wegwijzer``
(``search/`` installs as ``wegwijzer.search``), so nothing named ``build`` or ``search``
ever lands at the top of site-packages. The core modules (loader, schema, dataset,
pages) never import MkDocs; only ``wegwijzer.mkdocs_plugin`` does.
"""

__version__ = "0.1.0"
