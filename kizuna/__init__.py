"""Kizuna: the open registry of links between UK and Japanese local authorities."""
