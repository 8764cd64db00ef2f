"""Settings: configuration files (discovery, validation), rule files (the rulebook), and which paths to lint."""
