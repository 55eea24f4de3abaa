"""Languages, message catalogs, number holes, interface strings and per-page state."""
