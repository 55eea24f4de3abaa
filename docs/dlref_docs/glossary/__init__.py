"""The term sheet, the glossary cards, and the glossary and index in the reader's alphabet."""
