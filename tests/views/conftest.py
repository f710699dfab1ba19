"""Synthetic test audio for the views and features tests, made once per session.

Nothing here is committed audio: every file is written into a session temp folder.
"""

from __future__ import annotations

import numpy as np
import pytest
import soundfile
from views_support import SR, Clips, arpeggio, click_track, tone


@pytest.fixture(scope="session")
def clips(tmp_path_factory: pytest.TempPathFactory) -> Clips:
    folder = tmp_path_factory.mktemp("audio")
    rate = 44_100
    stereo = np.stack([tone(330, 6, rate, 0.3), click_track(100, 6, rate)], axis=1)
    soundfile.write(folder / "stereo.wav", stereo, rate)
    long = np.stack([tone(220, 60, rate, 0.2), tone(221, 60, rate, 0.2)], axis=1)
    soundfile.write(folder / "long.wav", long, rate)
    soundfile.write(folder / "short.wav", tone(440, 0.3), SR)
    soundfile.write(folder / "silent.wav", np.zeros(3 * SR, np.float32), SR)
    (folder / "corrupt.wav").write_bytes(b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x07" * 200)
    return Clips(
        folder=folder,
        click_120=click_track(120, 20),
        tone_440=tone(440, 5),
        a_major=arpeggio((440.0, 554.37, 659.26, 880.0), 8),
        stereo_wav=folder / "stereo.wav",
        long_wav=folder / "long.wav",
        short_wav=folder / "short.wav",
        silent_wav=folder / "silent.wav",
        corrupt_wav=folder / "corrupt.wav",
    )
