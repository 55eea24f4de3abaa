"""A search language that cuts endings off words, and the search as readers type."""
