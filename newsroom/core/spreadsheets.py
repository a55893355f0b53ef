"""CSV cells that a spreadsheet opens as text, never as a formula (CSV injection)."""

# A spreadsheet reads a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """The text, with an apostrophe before anything a spreadsheet would run."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
