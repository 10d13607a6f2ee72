"""The Streamlit settings the app is served with (``.streamlit/config.toml``)."""

import tomllib
from pathlib import Path

CONFIG = Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml"


def test_the_app_listens_on_this_machine_only() -> None:
    server = tomllib.loads(CONFIG.read_text())["server"]
    assert server["address"] == "127.0.0.1"
    assert server["enableXsrfProtection"] is True


def test_no_forced_garbage_collection_after_each_run() -> None:
    # a full gc.collect() after every rerun held the GIL ~130 ms and doubled the time of
    # a page turn (benchmarks/workspace.py); Python's own collector still runs
    assert tomllib.loads(CONFIG.read_text())["runner"]["postScriptGC"] is False
