"""The main window and the application around it: start-up, language, errors, signals."""
