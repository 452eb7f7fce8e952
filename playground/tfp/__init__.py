"""TensorFlow Playground links in and out (``link``)."""
