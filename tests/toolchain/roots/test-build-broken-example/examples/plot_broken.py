"""
Broken
======

Raises on purpose.
"""
raise RuntimeError("this example is broken")
