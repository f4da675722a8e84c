"""Files: open, import, save, export, and loading prediction files in the background."""
