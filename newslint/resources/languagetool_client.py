"""The LanguageTool client behind the grammar rules: which server, and what to do when it fails.

Where the server is (first that applies):
  1. $NEWSLINT_LANGUAGETOOL_URL: a server URL, or "off";
  2. the configuration's `languagetool:` mapping: `url:` (mode url), or `mode: local` for
     language-tool-python's own managed server (needs Java, and downloads LanguageTool, about
     260 MB, the first time: only ever when the user chose this mode), or `mode: off`;
  3. nothing: LanguageTool's grammar checks are off (newslint's own grammar rules still run),
     and the run says so once.

An outage (refused connection, timeout, an HTTP error, an answer that is not LanguageTool's
JSON) gives one warning naming the URL; the rest of the run skips grammar and every other
rule still runs. language-tool-python 3.4 keeps state in a class attribute while it builds
matches, so checks go through one lock (one client per process).
"""
from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Any, Mapping

if TYPE_CHECKING:
    from language_tool_python import LanguageTool

ENV_URL = "NEWSLINT_LANGUAGETOOL_URL"
DEFAULT_TIMEOUT = 30.0


class Unavailable(Exception):
    """The server could not be reached or gave an answer that makes no sense."""


class Client:
    """One per engine configuration; shared by the grammar rules through BuildContext.shared."""

    def __init__(self, settings: dict[str, Any] | None = None, environ: Mapping[str, str] | None = None):
        settings = dict(settings or {})
        environ = os.environ if environ is None else environ
        env_url = (environ.get(ENV_URL) or "").strip()
        self.timeout = float(settings.get("timeout") or DEFAULT_TIMEOUT)
        if env_url.lower() == "off":
            self.mode, self.url = "off", None
        elif env_url:
            self.mode, self.url = "url", env_url
        else:
            self.url = settings.get("url")
            self.mode = settings.get("mode") or ("url" if self.url else "unset")
            if self.mode == "url" and not self.url:
                self.mode = "unset"
        self.failure: str | None = None
        self._tool: LanguageTool | None = None  # connected at first use
        self._language = "en-US"
        self._lock = threading.Lock()
        self.used = False

    @property
    def where(self) -> str:
        return self.url or ("language-tool-python's local server" if self.mode == "local" else "nowhere")

    @property
    def active(self) -> bool:
        return self.mode in ("url", "local") and self.failure is None

    def notices(self) -> list[tuple[str, str]]:
        if self.failure is not None:
            return [("languagetool-unavailable", f"warning: LanguageTool at {self.where} is unavailable "
                     f"({self.failure}); grammar checks were skipped")]
        if self.mode == "unset" and self.used:
            return [("languagetool-off", "note: LanguageTool grammar checks are off "
                     "(newslint's own grammar rules ran): no LanguageTool server is configured "
                     f"(set languagetool.url in .newslint.yaml, or {ENV_URL})")]
        if self.mode == "off" and self.used:
            return [("languagetool-off", "")]
        return []

    def check(self, text: str, language: str, disabled_rules: list[str],
              disabled_categories: list[str], picky: bool = False) -> list[Any] | None:
        """LanguageTool's matches for `text` (offsets in code points), or None when grammar
        cannot run (off, or the server failed: see notices())."""
        self.used = True
        if not self.active:
            return None
        with self._lock:
            try:
                tool = self._connect()
                if self._language != language:  # the setter asks the server for its languages
                    tool.language = language
                    self._language = language
                tool.disabled_rules = set(disabled_rules)
                tool.disabled_categories = set(disabled_categories)
                tool.picky = picky
                matches = tool.check(text)
                for m in matches:  # an answer that is not LanguageTool's fails here, not later
                    int(m.offset), int(m.error_length), str(m.rule_id)
                return matches
            except Exception as exc:  # noqa: BLE001 - any failure of the server is an outage
                self.failure = _describe(exc)
                return None

    def _connect(self):
        if self._tool is None:
            import language_tool_python as ltp
            timeout = self.timeout

            class _Tool(ltp.LanguageTool):
                # the library waits 300 s by default; it annotates this private constant as
                # Literal[300], though any number of seconds works (it is passed to requests)
                _TIMEOUT = timeout  # type: ignore[assignment]

            if self.mode == "local":
                self._tool = _Tool("en-US")
            else:
                self._tool = _Tool("en-US", remote_server=self.url)
        return self._tool


def _describe(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if "timed out" in text.lower() or "timeout" in type(exc).__name__.lower():
        return "timed out"
    if "refused" in text.lower():
        return "connection refused"
    if isinstance(exc, (KeyError, TypeError, ValueError, AttributeError)):
        return f"not a LanguageTool answer: {type(exc).__name__}: {text[:80]}"
    return text[:160]
