"""The sector workspace: its GeoPackage tables, forms, relations and project."""
