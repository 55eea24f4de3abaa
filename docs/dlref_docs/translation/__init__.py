"""Code comments, printed output and display maths in the reader's language."""
