"""The document: the single source of truth of a window, its undoable edits and its autosave."""
