"""The interfaces through which people reach newslint: the review page and the language server."""
