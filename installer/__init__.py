"""Build tooling for the desktop bundle and installers (not shipped; see installer/README.md)."""
