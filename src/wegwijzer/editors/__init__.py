"""Tools for editors, made from the record schema: new-file skeletons (`wegwijzer nieuw`),
the web editor's configuration (/admin/), the link and number checker (`wegwijzer links`)
and the to-do list (`wegwijzer rapport`). Plain Python: no MkDocs here.
"""
