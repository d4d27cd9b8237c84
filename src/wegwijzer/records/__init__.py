"""What editors keep, read and checked: YAML loading, the schema, the record model and
the data folder. Plain Python: nothing here imports MkDocs, Jinja or Markdown."""
