"""The panels beside the charts: analysis controls, the invalid-input banner, the worked
example, the explorations and the per-sample results."""
