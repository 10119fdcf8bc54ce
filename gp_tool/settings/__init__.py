"""User preferences on disk (platformdirs). Filled by the issues that need settings."""
