"""Moving an existing newsroom in: WordPress exports (WXR) and RSS/Atom feeds become articles,
and the old addresses keep answering (301)."""
