"""Stands in for a plain install, where the encryption extra is missing."""

raise ImportError("No module named 'cryptography' (the test's stand-in)")
