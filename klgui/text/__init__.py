"""How numbers and measures read in the interface, and how typed numbers are read back."""
