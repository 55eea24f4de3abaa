"""The gallery's figures in every language, and sphinx-gallery's pages fitted to the site."""
