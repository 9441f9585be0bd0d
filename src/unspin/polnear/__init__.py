"""PolNeAR (Political News Attribution Relations) formats and attribution metrics."""
