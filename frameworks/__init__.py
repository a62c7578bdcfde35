"""The built-in co-production frameworks, shipped as YAML data."""
