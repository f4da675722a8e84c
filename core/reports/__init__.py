"""Reports of comparisons and of prediction files, as text for a terminal or as JSON: what
``--report`` prints. Pure: no Qt."""
