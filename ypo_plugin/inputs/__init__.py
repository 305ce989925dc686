"""What the algorithms read: each module declares a group of Processing parameters (names and
defaults that models and scripts rely on), says what they hold and reads them for the core —
sectors, crime incidents, base units, districts, population, need, staff, workload, numeric
fields, geometry-only layers, the threat assessment's periods, gang flag and exposed areas, and
the publication texts (LANGUAGE, EMERGENCY_NUMBER)."""
