"""The charts: the bar chart they share, each chart, and chart export."""
