"""The typed schema of the data format, split the way MkDocs splits its config:

- ``framework``: fields, converters, and how every problem is collected;
- ``types``: the value types (phone, postcode, date, time, URL, ...);
- ``tables``: the fields of gemeente.yaml, a voorziening and a face card.
"""
