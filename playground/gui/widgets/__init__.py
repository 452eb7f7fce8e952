"""The app's widgets; each takes the session in its constructor and talks only to it."""
