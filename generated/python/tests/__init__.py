# Code generated from templates/python/tests/__init__.py by generator/; DO NOT EDIT.
