"""Assets, the language switcher, accessibility, interface strings, the compatibility table."""
