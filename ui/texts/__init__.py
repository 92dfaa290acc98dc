"""Interface texts, one module per page or shared topic: ``TEXTS = {"fr": {}, "en": {}}``."""
