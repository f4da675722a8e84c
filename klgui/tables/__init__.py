"""The tables: the editor of distributions, the ranking, and the table models behind them."""
