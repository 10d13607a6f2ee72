"""coder: qualitative coding and analysis of policy plans.

The package is layered: faces (``cli``, ``app.py``/``ui``) call verbs (the service
modules), which read and write through ``store``; pure leaves (``errors``, text
cleaning, reliability measures) know nothing of the database.
"""

__version__ = "0.1.0"
