"""KL Explorer's command line: its arguments, the headless report (``--report``, text and
JSON) and its messages on the console.

Imports no Qt. It starts the window (klgui) only when the window is asked for, and the
report it prints is made by core.reports.
"""
