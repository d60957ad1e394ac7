// Theorem girsanov-observability.
