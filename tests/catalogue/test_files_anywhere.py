"""Audio files anywhere fsspec reaches (issue 17.2): a local folder, a shared folder, or an
``s3://`` bucket on a REAL S3-compatible server (moto's, on 127.0.0.1): content-addressed,
the hash checked on read, the location stored with the catalogue, players and features read
through the same layer."""

from __future__ import annotations

import hashlib
import socket

import pytest
from catalogue_service import make_client

from suno_nb.catalogue import Catalogue, DownloadError
from suno_nb.catalogue.files import FileStore, is_remote

BUCKET = "lab-audio"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_server():
    """moto's S3 server on 127.0.0.1 for this module; yields its endpoint URL."""
    pytest.importorskip("s3fs")
    server_module = pytest.importorskip("moto.server")
    port = _free_port()
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3(s3_server, monkeypatch):
    """Credentials and the endpoint as a lab would set them (never stored), and a new bucket."""
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ENDPOINT_URL": s3_server,
    }.items():
        monkeypatch.setenv(name, value)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    import boto3
    import s3fs

    s3fs.S3FileSystem.clear_instance_cache()
    boto3.client("s3", endpoint_url=s3_server).create_bucket(Bucket=BUCKET)
    yield boto3.client("s3", endpoint_url=s3_server)
    s3fs.S3FileSystem.clear_instance_cache()


def _objects(s3) -> dict[str, bytes]:
    listed = s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    return {o["Key"]: s3.get_object(Bucket=BUCKET, Key=o["Key"])["Body"].read() for o in listed}


def test_is_remote_tells_urls_from_folders(tmp_path):
    assert is_remote("s3://b/x") and is_remote("memory://x")
    assert not is_remote(tmp_path) and not is_remote(f"file://{tmp_path}")
    assert FileStore(f"file://{tmp_path}").root == tmp_path


def test_a_shared_folder_is_stored_with_the_catalogue(tmp_path, service):
    shared = tmp_path / "mnt" / "shared_audio"
    catalogue = Catalogue(tmp_path / "db", files=shared)
    with make_client(service, catalogue) as client:
        task = client.generate(prompt="lofi")
    track = catalogue.get(task.clips[0].id)
    assert track.path.is_relative_to(shared) and catalogue.files.url == str(shared)
    assert not list((tmp_path / "db").glob("audio/*/*"))  # nothing landed next to the database
    again = Catalogue(tmp_path / "db")  # no files=: the stored location
    assert again.get(track.id).path == track.path
    elsewhere = tmp_path / "other_mount"  # another machine mounts the share elsewhere
    (elsewhere).mkdir()
    for source in shared.rglob("*.*"):
        target = elsewhere / source.relative_to(shared)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
    moved = Catalogue(tmp_path / "db", files=elsewhere)
    assert moved.get(track.id).path.is_relative_to(elsewhere)
    assert Catalogue(tmp_path / "db").files.url == str(shared)  # the first location is kept


@pytest.mark.slow  # the feature extraction loads librosa (~4 s)
def test_s3_files_are_content_addressed_checked_and_played(tmp_path, service, s3):
    catalogue = Catalogue(tmp_path / "cat", files=f"s3://{BUCKET}/suno")
    with make_client(service, catalogue) as client:
        task = client.generate(prompt="lofi in a bucket")
    objects = _objects(s3)
    audio = {k: v for k, v in objects.items() if k.startswith("suno/audio/")}
    assert len(audio) == 2 and any(k.startswith("suno/images/") for k in objects)
    for key, data in audio.items():  # named by their content
        assert key.rsplit("/", 1)[1].split(".")[0] == hashlib.sha256(data).hexdigest()
    assert not list((tmp_path / "cat").glob("audio/*/*"))  # not written locally as well
    frame = catalogue.df
    assert frame.audio_path.str.startswith(f"s3://{BUCKET}/suno/audio/").all()
    assert (frame.audio_state == "ok").all()
    track = catalogue.get(task.clips[0].id)
    local = track.path  # players and decoders get a local copy, fetched once, hash checked
    assert local.is_relative_to(tmp_path / "cat" / "file_cache")
    y, sr = track.load()
    assert sr > 0 and y.shape[-1] > 0
    assert track.play(embed=True) is not None
    features = catalogue.measure(progress=False)
    assert len(features) == 2 and features.duration_s.notna().all()


def test_a_damaged_object_is_refused_on_read(tmp_path, service, s3):
    catalogue = Catalogue(tmp_path / "cat", files=f"s3://{BUCKET}/suno")
    with make_client(service, catalogue) as client:
        task = client.generate(prompt="lofi")
    key = next(k for k in _objects(s3) if k.startswith("suno/audio/"))
    s3.put_object(Bucket=BUCKET, Key=key, Body=b"ID3 damaged in the bucket")
    with pytest.raises(DownloadError, match="does not match its recorded sha256"):
        for clip in task.clips:  # one of the two is the damaged object
            catalogue.get(clip.id).load()
    assert not list((tmp_path / "cat" / "file_cache").rglob(key.rsplit("/", 1)[1]))


def test_a_postgresql_catalogue_finds_its_s3_files_on_another_machine(
    postgres_url, tmp_path, service, s3
):
    lab = Catalogue(postgres_url, files=f"s3://{BUCKET}/shared")
    with make_client(service, lab) as client:
        task = client.generate(prompt="for the whole lab")
    lab.close()
    # another machine: only the catalogue's URL (and its own S3 credentials)
    other = Catalogue(postgres_url)
    assert other.files.url == f"s3://{BUCKET}/shared"
    track = other.get(task.clips[0].id)
    assert track.load()[1] > 0
    assert other.df.audio_path.str.startswith(f"s3://{BUCKET}/shared/audio/").all()
    # bundles and copies read through the same layer, hashes checked
    local = Catalogue(tmp_path / "personal")
    report = local.import_bundle(other.export_bundle(tmp_path / "bundle.zip"))
    assert report["clips"] == 2 and local.get(track.id).path.is_file()


def _same_features(measured, expected) -> None:
    """Equal features (the catalogue stores NaN as null, so compare numbers as floats)."""
    import pandas as pd

    from suno_nb import features

    numbers = [c for c in features.FEATURE_COLUMNS if c != "key"]
    pd.testing.assert_frame_equal(
        measured[numbers].astype(float), expected[numbers].astype(float), rtol=1e-5
    )
    assert list(measured["key"]) == list(expected["key"])


def _cached_audio(folder) -> list:
    return [p for p in (folder / "file_cache").rglob("*") if p.is_file()]


@pytest.mark.slow  # librosa, and one Dask LocalCluster
def test_workers_read_s3_audio_themselves_hash_checked(tmp_path, service, s3):
    """Issue 17.4: catalogue.measure hands workers the objects (URL + sha256), not paths into
    the main process's cache; features equal those of local copies; a damaged object is an
    error row naming it, the other clips are measured."""
    import pickle

    import pandas as pd

    from suno_nb import features
    from suno_nb.catalogue.files import RemoteAudio

    catalogue = Catalogue(tmp_path / "cat", files=f"s3://{BUCKET}/suno")
    with make_client(service, catalogue) as client:
        task = client.generate(prompt="lofi measured in the workers")
    ids = [clip.id for clip in task.clips]
    stored = {
        cid: (path, sha)
        for cid, path, sha in catalogue.store.read(
            "SELECT clip_id, path, sha256 FROM files WHERE kind = 'audio'"
        )
    }
    copies = []  # the reference: the same bytes, measured from local files
    for cid in ids:
        copy = tmp_path / f"{cid}.mp3"
        body = s3.get_object(Bucket=BUCKET, Key=f"suno/{stored[cid][0]}")["Body"].read()
        copy.write_bytes(body)
        copies.append(copy)
    expected = pd.DataFrame(
        features.measure_many(copies, n_jobs=1, progress=False),
        index=pd.Index(ids, name="clip_id"),
    )[list(features.FEATURE_COLUMNS)]

    source = catalogue.files.source(*stored[ids[0]])
    assert isinstance(source, RemoteAudio) and str(source).startswith(f"s3://{BUCKET}/suno/")
    assert pickle.loads(pickle.dumps(source)) == source  # small, travels to any worker

    before = _cached_audio(tmp_path / "cat")
    measured = catalogue.measure(progress=False)
    assert _cached_audio(tmp_path / "cat") == before == []  # nothing downloaded here
    _same_features(measured.loc[ids], expected)

    # a damaged object: that clip gets an error row naming it, the other one is measured
    damaged = catalogue.files.location(stored[ids[0]][0])
    s3.put_object(Bucket=BUCKET, Key=damaged.removeprefix(f"s3://{BUCKET}/"), Body=b"ID3 bad")
    with catalogue.store.write() as conn:  # make both stale again
        conn.execute("DELETE FROM features")
    joblib = pytest.importorskip("joblib")
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
        joblib.parallel_config(backend="dask"),
    ):
        again = catalogue.measure(progress=False)
    assert _cached_audio(tmp_path / "cat") == []
    error = catalogue.store.read("SELECT error FROM features WHERE clip_id = ?", [ids[0]])[0][0]
    assert damaged in error and "does not match its recorded sha256" in error
    assert again.loc[ids[0], "tempo_bpm"] is None or pd.isna(again.loc[ids[0], "tempo_bpm"])
    _same_features(again.loc[[ids[1]]], expected.loc[[ids[1]]])
