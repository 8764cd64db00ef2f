"""Resources loaded lazily and once per process: the lexicon, readability formulas, the LanguageTool client."""
