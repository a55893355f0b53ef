"""The shared layer: machinery both apps use. It imports Django and libraries, never an app."""
