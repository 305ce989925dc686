"""One QgsProcessingAlgorithm per module."""
