"""User preferences on disk (platformdirs): the practice's local services (:mod:`.local_services`).

Settings hold no patient data. Files are written atomically and owner-only (0600).
"""
