"""What every layer shares: Diagnostic, errors, the rule and option schema, rule patterns, located YAML."""
