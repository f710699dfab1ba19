"""The request's knobs as typed task columns: written when recorded, filled by the migration."""

from __future__ import annotations

import json
import sqlite3

from suno_nb import schema
from suno_nb.catalogue import Catalogue, columns
from suno_nb.catalogue import store as store_module


def test_every_scalar_knob_of_the_schema_has_a_typed_column():
    prose_or_lists = {"text", "url_list", "id_list"}
    knobs = {name for name, spec in schema.FIELDS.items() if spec.kind not in prose_or_lists}
    assert knobs == {name for name, _ in columns.KNOBS}, "add a migration for the new knob"


def test_recording_writes_typed_knobs_and_the_cost(tmp_path):
    catalogue = Catalogue(tmp_path / "c")
    request = {"prompt": "x", "weirdness": 0.3, "custom": True, "duration": 60, "bpm": "fast"}
    key = catalogue.task_submitting("generate", request, "test")
    with catalogue.store.write() as conn:
        conn.execute(
            "UPDATE tasks SET response_meta = ? WHERE key = ?",
            (json.dumps({"cost": {"amount": 0.5}}), key),
        )
        columns.store(conn, key, None, json.dumps({"cost": {"amount": 0.5}}))
    row = catalogue.store.read(
        "SELECT request_weirdness, request_custom, request_duration, request_bpm, cost,"
        " typeof(request_weirdness), typeof(request_duration) FROM tasks WHERE key = ?",
        (key,),
    )[0]
    assert row == (0.3, 1, 60, None, 0.5, "real", "integer")  # "fast" is not a whole number


def test_an_older_catalogue_gets_its_knob_columns_filled(tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    conn = sqlite3.connect(folder / "catalogue.sqlite", isolation_level=None)
    conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at REAL)")
    for version in (1, 2):
        for statement in store_module._MIGRATIONS[version]:
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version VALUES (?, 0)", (version,))
    bodies = [{"weirdness": 1, "model": "chirp-v5", "max_mode": False}, {"weirdness": "odd"}]
    for body in bodies:
        conn.execute(
            "INSERT INTO tasks (action, request, state, submitted_at, updated_at, response_meta)"
            " VALUES ('generate', ?, 'succeeded', 0, 0, ?)",
            (json.dumps(body), json.dumps({"cost": {"amount": 1.12}})),
        )
    conn.close()
    catalogue = Catalogue(folder)
    assert catalogue.store.version() == store_module.SCHEMA_VERSION
    rows = catalogue.store.read(
        "SELECT request_weirdness, typeof(request_weirdness), request_model, request_max_mode,"
        " cost FROM tasks ORDER BY key"
    )
    assert rows == [(1.0, "real", "chirp-v5", 0, 1.12), (None, "null", None, None, 1.12)]
