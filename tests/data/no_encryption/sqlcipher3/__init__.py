"""Stands in for a plain install, where the encryption extra is missing."""

raise ImportError("No module named 'sqlcipher3' (the test's stand-in)")
