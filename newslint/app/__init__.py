"""Interfaces: the command line, the HTTP service, the vocabulary command and the progress bar."""
