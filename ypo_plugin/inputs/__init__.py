"""What the algorithms read alike: the sector and crime-incident layers with their parameters,
and the publication texts (LANGUAGE, EMERGENCY_NUMBER)."""
