#!/usr/bin/env python3
"""Coverage-guided fuzzing of the whole pipeline with atheris (libFuzzer).

    python tests/fuzz_atheris.py -max_total_time=60 [-artifact_prefix=DIR/] [CORPUS_DIR]

Each input picks a format (text, Markdown, HTML) and becomes a text of arbitrary Unicode (lone
surrogates included); it is linted with every built-in rule (LanguageTool aside), every finding
must pass the position oracle of test_positions (inside the text, with the line and column a
character-by-character walk gives), the safe fixes are applied, and every output format renders.
Any exception is a crash that libFuzzer saves (crash-<hash>) for replay: python
tests/fuzz_atheris.py crash-<hash>.
test_fuzz.py runs it for a bounded time in CI. (Not a pytest module: its name does not start
with test_.)
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))  # test_fuzz and what it imports

FORMATS = ["text", "markdown", "html"]

# newslint imports most of itself lazily (readers, rule types, the lexicon, the formats): build
# the engine and run the whole check once in every format inside the block, so that every module
# is instrumented for coverage. The check is test_fuzz's: lint, positions, fixes, every format.
with atheris.instrument_imports(include=["newslint"]):
    from test_fuzz import lint_everything

    from newslint.core.diagnostic import FAMILIES
    from newslint.run.linter import Linter

    _config = Path(tempfile.mkdtemp(prefix="newslint-fuzz-")) / ".newslint.yaml"
    _config.write_text("rules: {" + ", ".join(f"{f}: on" for f in FAMILIES) + "}\nlanguagetool: {mode: 'off'}\n",
                       encoding="utf-8")
    LINTER = Linter(config_file=_config)
    for _fmt in FORMATS:
        lint_everything(LINTER, "# Warm up\n\nThe the minister said on Monday, June 5, 2023: “Leave a Reply”. "
                                "Afp said caf&eacute;.\n", _fmt)


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    fmt = FORMATS[fdp.ConsumeIntInRange(0, 2)]
    lint_everything(LINTER, fdp.ConsumeUnicode(fdp.remaining_bytes()), fmt)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
