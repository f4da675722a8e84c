"""How the views look: colours, chart styles, themes, and the mark of a view that shows
the last valid input."""
