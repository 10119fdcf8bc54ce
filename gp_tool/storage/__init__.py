"""Everything that touches the disk: case files now, the case store later (one module owns each)."""
