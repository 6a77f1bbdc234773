"""The bundled demo newsroom: an offline government news site served on loopback, for the demo and tests."""
