"""Running: the Linter (one input: lint, fix, diff), the engine (rules over a Document), the process pool,
fixes and baselines."""
