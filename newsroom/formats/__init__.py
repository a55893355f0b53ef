"""Dates as each language writes them (Django's FORMAT_MODULE_PATH): "2 January 2024" and
"2024年1月2日". Only the formats the pages use; the rest are Django's own for the locale."""
