"""KL Explorer's Qt application: the document, the views and the window.

Importing this package imports no Qt; the modules that need Qt import it themselves.
"""
