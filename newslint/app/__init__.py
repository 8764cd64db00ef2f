"""Interfaces: the command line and its report, the HTTP service and its review page, the language
server, the vocabulary command, the rule reference and the progress bar."""
