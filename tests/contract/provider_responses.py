"""Every documented example answer of the provider's Suno guides, trimmed to its shape, with
the request it answers and where it comes from (AceDataCloud's public repositories).

Sources (AceDataCloud/APIs, the stored versions read on 2026-12-01):
  A  = suno/docs/suno_audios.md @ 77a7991 (the audios guide, v6 edition: every action)
  T  = suno/docs/suno_tasks_api_integration_guide.md @ b454c21 (retrieve, retrieve_batch)
  P  = suno/docs/suno_persona_api_integration_guide.md @ 8bdf080
  VX = suno/docs/suno_vox_api_integration_guide.md @ 16c8f55 (vox, and a persona from it)
  VO = suno/docs/suno_voices_api_integration_guide.md @ 0a9c4fa
  U  = suno/docs/suno_upload_api_integration_guide.md @ 0a9c4fa (standard and enhanced)
  M3 = suno/docs/suno_mp3_api_integration_guide.md @ 0a9c4fa (prints data[0].file_url)
  W  = suno/docs/suno_wav_api_integration_guide.md @ 0a9c4fa
  M4 = suno/docs/suno_mp4_api_integration_guide.md @ 10cc024
  MI = suno/docs/suno_midi_api_integration_guide.md @ 1315146
  TI = suno/docs/suno_timing_api_integration_guide.md @ 1315146
  L  = suno/docs/suno_lyrics_generation_api_integration_guide.md @ 1315146
  ML = suno/docs/suno_mashup_lyrics_generation_api_integration_guide.md @ 1315146
  ST = suno/docs/suno_style_api_integration_guide.md @ 1315146
  G  = suno/docs/suno_audios_generation_api_integration_guide.md @ 01fe756 (the NDJSON stream)
Not here, because the guides print no answer: custom models (the guide says in words "a
platform model ``id``, task ID, and ``queued`` status"), personas listing and delete, and the
Studio projects (tested as a lifecycle in test_studio_and_custom_models.py).

Each entry is ``(name, source, path, request, answer)``. Long strings (lyrics, URLs) are
shortened; names, types and nesting are the documents'. In a request, ``"$clip"``,
``"$clip2"``, ``"$upload"``, ``"$persona"``, ``"$vox"``, ``"$extended"`` and ``"$candidate"``
stand for ids the test makes on the emulator first.
"""

from __future__ import annotations

from typing import Any

_URL = "https://cdn.acedata.cloud/x.mp3"
_IMG = "https://cdn.acedata.cloud/x.png"


def _clip(**fields: Any) -> dict[str, Any]:
    """A finished clip as the audios guide prints one (the full set of fields)."""
    clip: dict[str, Any] = {
        "id": "b481b17a-bf50-4e10-8adc-4d5635050893",
        "title": "Under the Mistletoe",
        "image_url": _IMG,
        "lyric": "[Verse]\nSnowflakes falling on the ground",
        "audio_url": _URL,
        "video_url": "",
        "created_at": "2025-06-17T15:59:32.468Z",
        "model": "chirp-auk",
        "state": "succeeded",
        "style": "holiday, cheerful, male vocals",
        "duration": 154.92,
    }
    clip.update(fields)
    return {k: v for k, v in clip.items() if v is not None}


def _v6_clip(**fields: Any) -> dict[str, Any]:
    """A v6-edition clip (add_stem, extract_stem, sounds, adjust_speed): the short form."""
    clip: dict[str, Any] = {
        "id": "0adc26ca-2720-4c69-b237-457a986d70e3",
        "audio_url": _URL,
        "model": "chirp-v6",
        "state": "succeeded",
        "duration": 12.8,
    }
    clip.update(fields)
    return clip


def _answer(data: Any, **extra: Any) -> dict[str, Any]:
    return {
        "success": True,
        "task_id": "e72fb249-bd5b-4e2a-b20c-8a06fea5ac14",
        "trace_id": "7dbc5b6a-b2c0-4d85-9d39-fa8a8a785ccf",
        "data": data,
        **extra,
    }


def _cost(amount: float, list_amount: float) -> dict[str, Any]:
    return {"amount": amount, "currency": "credit", "list_amount": list_amount}


_TASK_RECORD = {
    "_id": "66d2add5550a4144a5a88dfe",
    "id": "eae26f89-b64b-404d-a80c-761996660b1c",
    "api_id": "09a26295-5972-4392-9318-dcd9b218f90d",
    "application_id": "ab46a066-ad82-4180-b66b-49dedf8e8a2f",
    "created_at": 1725083093.077,
    "credential_id": "66614a7e-e624-494e-87a3-387099b8cbb4",
    "request": {"action": "generate", "prompt": "A song for Christmas"},
    "trace_id": "e13d385a-077e-4376-be01-3465b61ca0fd",
    "user_id": "ad7afe47-cea9-4cda-980f-2ad8810e51cf",
    "response": {
        "success": True,
        "task_id": "eae26f89-b64b-404d-a80c-761996660b1c",
        "data": [
            _clip(
                title="Holiday Wishes",
                created_at="2024-08-31T05:44:54.806Z",
                model="chirp-v3.5",
                prompt="A song for Christmas",
                style="pop",
                duration=154.44,
                state=None,
            )
        ],
    },
}

_LYRIC = "[Verse]\nSnowflakes falling all around"
_GENERATE = {"action": "generate", "prompt": "A song for Christmas"}

#: (name, source, path, request, documented answer)
ANSWERS: list[tuple[str, str, str, dict[str, Any], Any]] = [
    (
        "generate",
        "A: Basic Usage",
        "/suno/audios",
        _GENERATE,
        _answer([_clip(prompt="A song for Christmas"), _clip(duration=158.48)]),
    ),
    (
        "generate_custom_advanced",
        "A: Advanced Parameters for Custom Generation",
        "/suno/audios",
        {
            "action": "generate",
            "model": "chirp-v4-5",
            "lyric": "Hello Hello Hello ",
            "custom": True,
            "weirdness": 0.4,
            "style_influence": 0.4,
            "audio_weight": 0.4,
        },
        _answer([_clip(title="", lyric="Hello Hello Hello ", style="", duration=187.92)]),
    ),
    (
        "artist_consistency",
        "A: Custom Singer Style Generation",
        "/suno/audios",
        {
            "action": "artist_consistency",
            "prompt": "A song for Christmas",
            "model": "chirp-v4-5",
            "persona_id": "$persona",
            "audio_id": "$clip",
        },
        _answer([_clip(title="", lyric="", style="", duration=244.4)]),
    ),
    (
        "extend",
        "A: Continue Generation",
        "/suno/audios",
        {
            "action": "extend",
            "prompt": "A song for Christmas",
            "model": "chirp-v4-5",
            "audio_id": "$clip",
            "continue_at": 2,
            "lyric": _LYRIC,
            "custom": True,
            "instrumental": False,
        },
        _answer([_clip(title="", lyric=_LYRIC, style="", duration=165.92)]),
    ),
    (
        "concat",
        "A: Get the Complete Song",
        "/suno/audios",
        {"action": "concat", "audio_id": "$extended"},
        _answer(
            [
                _clip(
                    title="",
                    style="",
                    duration=167.91997916666668,
                    concat_history=[
                        {
                            "continue_at": 2,
                            "id": "97efc9f4-0e8d-4b3e-88df-14568fa1b11f",
                            "infill": False,
                            "source": "web",
                            "type": "gen",
                        },
                        {"id": "0a1e1b10-c36a-41c9-9bfb-b26d9d25db98"},
                    ],
                )
            ]
        ),
    ),
    (
        "cover",
        "A: Music Cover",
        "/suno/audios",
        {
            "action": "cover",
            "audio_id": "$clip",
            "prompt": "A song for Christmas",
            "model": "chirp-v4-5",
        },
        _answer([_clip(title="", lyric="", style="", duration=182.4)]),
    ),
    (
        "replace_section_candidates",
        "A: Replace Section, step 1 (candidates)",
        "/suno/audios",
        {
            "action": "replace_section",
            "audio_id": "$clip",
            "model": "chirp-v5-5",
            "custom": False,
            "instrumental": False,
            "lyric": "[Chorus]\nPlum blossoms bloom",
            "prompt": "Plum blossoms bloom, spring fills the ground",
            "replace_section_start": 2.0,
            "replace_section_end": 6.0,
            "replace_section_result_mode": "candidates",
        },
        _answer(
            [
                _clip(title="", image_large_url=_IMG, style="", model="chirp-v5-5", duration=45.16),
                {
                    "id": "fae966ea-5f7f-4e80-9962-1c57963c7f8a",
                    "title": "",
                    "audio_url": _URL,
                    "model": "chirp-v5-5",
                    "state": "succeeded",
                    "duration": 33.8,
                },
            ]
        ),
    ),
    (
        "concat_after_replace",
        "A: Replace Section, step 2",
        "/suno/audios",
        {"action": "concat", "audio_id": "$candidate", "model": "chirp-v5-5"},
        _answer([_clip(title="Happy New Year", model="chirp-v5-5", duration=105.28)]),
    ),
    (
        "stems",
        "A: Vocal and Instrumental Separation",
        "/suno/audios",
        {"action": "stems", "audio_id": "$clip"},
        _answer(
            [
                _clip(title="Deck the Sky - Vocals", model="", duration=174.16),
                _clip(title="Deck the Sky - Instrumental", lyric="", model="", duration=174.16),
            ]
        ),
    ),
    (
        "all_stems",
        "A: Full-Track Vocal and Instrumental Separation",
        "/suno/audios",
        {"action": "all_stems", "audio_id": "$clip"},
        _answer(
            [
                _clip(
                    title=f"Strings of Safety ({name})",
                    lyric="",
                    model="chirp-ahi-stem-12-t1",
                    style=None,
                )
                for name in (
                    "Vocals",
                    "Backing Vocals",
                    "Drums",
                    "Bass",
                    "Guitar",
                    "Keyboard",
                    "Percussion",
                    "Strings",
                    "Synth",
                    "FX",
                    "Brass",
                    "Woodwinds",
                )
            ]
        ),
    ),
    (
        "add_stem",
        "A: Add Stem",
        "/suno/audios",
        {
            "action": "add_stem",
            "audio_id": "$clip",
            "stem_type": "bass",
            "model": "chirp-v6",
            "prompt": "Add warm bass guitar",
            "style": "minimal piano pulse with warm bass guitar",
            "negative_tags": "vocals",
            "variety": "normal",
            "max_mode": False,
        },
        _answer([_v6_clip(), _v6_clip(duration=12.36)], cost=_cost(0.6048, 0.672)),
    ),
    (
        "extract_stem",
        "A: Extract Stem",
        "/suno/audios",
        {"action": "extract_stem", "audio_id": "$clip", "stem_type": "bass", "audio_format": "mp3"},
        _answer(
            [
                _v6_clip(title="(Bass)", stem_set=1),
                _v6_clip(title="(Without Bass)", stem_set=1),
                _v6_clip(title="(Bass)", stem_set=2),
                _v6_clip(title="(Without Bass)", stem_set=2),
            ],
            stem_sets=[
                {
                    "stem_type": "bass",
                    "isolated": {"id": "3084d7e1", "state": "succeeded", "stem_set": 1},
                    "remainder": {"id": "19b83ca9", "state": "succeeded", "stem_set": 1},
                },
                {
                    "stem_type": "bass",
                    "isolated": {"id": "7eb431e8", "state": "succeeded", "stem_set": 2},
                    "remainder": {"id": "495d29cc", "state": "succeeded", "stem_set": 2},
                },
            ],
            cost=_cost(1.008, 1.12),
        ),
    ),
    (
        "sounds",
        "A: Generate Sound Effects",
        "/suno/audios",
        {
            "action": "sounds",
            "sound": "single soft analog synth pluck, no reverb",
            "sound_type": "one-shot",
            "model": "chirp-v6",
            "bpm": 120,
            "key": "C",
            "audio_format": "mp3",
        },
        _answer(
            [
                _v6_clip(title="single soft analog synth pluck, no reverb", duration=10),
                _v6_clip(title="single soft analog synth pluck, no reverb", duration=10),
            ],
            cost=_cost(0.1008, 0.112),
        ),
    ),
    (
        "adjust_speed",
        "A: Adjust Audio Speed",
        "/suno/audios",
        {
            "action": "adjust_speed",
            "audio_id": "$clip",
            "speed_multiplier": 1.1,
            "keep_pitch": True,
            "title": "Suno contract verification speed 1.1x",
        },
        _answer(
            [_v6_clip(title="Suno contract verification speed 1.1x", duration=8.909090909090908)],
            cost=_cost(0.252, 0.28),
        ),
    ),
    (
        "underpainting",
        "A: Add Instrumental",
        "/suno/audios",
        {
            "action": "underpainting",
            "model": "chirp-v4-5",
            "style": "Pop rap, uplifting, piano",
            "audio_id": "$upload",
            "underpainting_end": 6,
        },
        _answer([_clip(title="", lyric="", model="chirp-v4", duration=10.16)]),
    ),
    (
        "overpainting",
        "A: Add Vocals",
        "/suno/audios",
        {
            "action": "overpainting",
            "model": "chirp-v4-5",
            "lyric": "Yea you were the best I could get",
            "custom": True,
            "audio_id": "$upload",
            "overpainting_end": 6,
        },
        _answer([_clip(title="", style="", model="chirp-v4", duration=105.32)]),
    ),
    (
        "remaster",
        "A: Remaster",
        "/suno/audios",
        {"action": "remaster", "variation_category": "high", "audio_id": "$clip"},
        _answer(
            [_clip(title="Navidad en costura  (Remastered)", image_large_url=_IMG, duration=32.2)]
        ),
    ),
    (
        "mashup",
        "A: Mashup Song Generation",
        "/suno/audios",
        {
            "action": "mashup",
            "lyric": "Sambuy come back",
            "model": "chirp-v4-5",
            "custom": True,
            "instrumental": False,
            "mashup_audio_ids": ["$clip", "$clip2"],
        },
        _answer([_clip(title="", image_large_url=_IMG, style="", duration=219.08)]),
    ),
    (
        "samples",
        "A: Samples Sampled Song Generation",
        "/suno/audios",
        {
            "action": "samples",
            "model": "chirp-v5",
            "lyric": "[Verse 1]\nPhone lit up",
            "custom": True,
            "instrumental": False,
            "audio_id": "$clip",
            "samples_end": 8.0,
            "samples_start": 2.0,
        },
        _answer([_clip(title="Whistle in the Wind", image_large_url=_IMG, duration=176.92)]),
    ),
    (
        "inspo",
        "A: Inspo Inspiration Creation",
        "/suno/audios",
        {
            "action": "inspo",
            "model": "chirp-v6",
            "audio_urls": ["$clip_url"],
            "prompt": "Rework these references as warm acoustic folk with soft vocals",
        },
        _answer([_clip(title="Inspo Demo", lyric="", style="acoustic, folk, warm")]),
    ),
    (
        "async_submission",
        "A: Asynchronous Callback (the immediate answer)",
        "/suno/audios",
        {**_GENERATE, "async": True},
        {"task_id": "44472ab8-783b-4054-b861-5bf14e462f60"},
    ),
    (
        "error",
        "A: Error Handling",
        "/suno/audios",
        {"action": "extend", "audio_id": "no-such-clip", "continue_at": 2, "lyric": "la"},
        {
            "success": False,
            "error": {
                "code": "bad_request",
                "message": "The song id does not exist or has been taken offline.",
            },
            "trace_id": "9bb7c2f4-3b7b-4965-b50a-f663874b1b6f",
        },
    ),
    (
        "tasks_retrieve",
        "T: Response Example",
        "/suno/tasks",
        {"action": "retrieve", "id": "$task"},
        _TASK_RECORD,
    ),
    (
        "tasks_retrieve_batch",
        "T: Batch Query Operation",
        "/suno/tasks",
        {"action": "retrieve_batch", "ids": ["$task"]},
        {"items": [_TASK_RECORD], "count": 1},
    ),
    (
        "persona",
        "P (and A: Custom Singer Style)",
        "/suno/persona",
        {"name": "test", "audio_id": "$clip", "description": "test"},
        {
            "success": True,
            "task_id": "8e808558-f056-456f-91d6-b97fd94eb3be",
            "data": {"persona_id": "dae4ae5d-2b51-4af1-b286-1a4473ef4dba"},
        },
    ),
    (
        "vox",
        "VX: the vox answer",
        "/suno/vox",
        {"audio_id": "$clip", "vocal_end": 8, "vocal_start": 2},
        _answer(
            {
                "id": "24f0827e-5847-4011-b9b7-fc0b62032b65",
                "source_clip_id": "42599b24-fb14-4cd3-a444-e15ffde3661b",
                "status": "complete",
                "vocal_audio_url": "https://cdn1.suno.ai/processed_24f0827e_vocals.m4a",
                "vocal_end_s": 30,
                "vocal_start_s": 20,
                "wave_response": {
                    "waveform_aggregates": [
                        {"data": [[-4, 4, -50, 73], [-5, 4, 296]], "mip_map_level": 11},
                        {"data": [[-19576, 20406], [-19578, 20406]], "mip_map_level": 20},
                    ]
                },
            }
        ),
    ),
    (
        "persona_from_vox",
        "VX: the persona made from it",
        "/suno/persona",
        {
            "name": "test",
            "audio_id": "$clip",
            "vocal_end": 8,
            "vocal_start": 2,
            "vox_audio_id": "$vox",
        },
        {
            "success": True,
            "task_id": "e04b06a1-ff61-48e2-9fcc-15284bd18481",
            "data": {"persona_id": "49bef16d-6a09-49d1-8c24-a81663698b98"},
        },
    ),
    (
        "voices",
        "VO",
        "/suno/voices",
        {
            "audio_url": "$clip_url",
            "name": "My Voice",
            "description": "A clear male vocal recorded in a quiet room",
        },
        {
            "success": True,
            "task_id": "8e808558-f056-456f-91d6-b97fd94eb3be",
            "data": {
                "persona_id": "dde0be60-5280-4bd2-89a0-4020ddd3db52",
                "name": "My Voice",
                "is_public": False,
            },
        },
    ),
    (
        "upload",
        "U: ordinary upload",
        "/suno/upload",
        {"audio_url": "$clip_url"},
        {
            "success": True,
            "task_id": "058f8450-3df4-4f8b-8b64-ebc2e59ed3bc",
            "data": {
                "audio_id": "00135f7d-cda1-4d70-b007-779f07143586",
                "lyric": "[Intro]\nHa-ha-ha-ha-ha-ha",
                "style": "Upbeat bubblegum pop track",
                "image_url": _IMG,
                "image_large_url": _IMG,
                "audio_url": _URL,
                "title": "up-d6c3970d-6db1-41e3-b966-90539c93678a",
                "duration": 131.16,
            },
        },
    ),
    (
        "upload_enhanced",
        "U: Enhanced Upload Mode (the immediate answer)",
        "/suno/upload",
        {"audio_url": "$clip_url", "mode": "enhanced", "name": "My Song"},
        {"task_id": "058f8450-3df4-4f8b-8b64-ebc2e59ed3bc", "trace_id": "7dbc5b6a"},
    ),
    (
        "mp3",
        "M3: data[0].file_url",
        "/suno/mp3",
        {"audio_id": "$clip"},
        _answer([{"file_url": "https://cdn.acedata.cloud/suno/ef1ec21e.mp3"}]),
    ),
    (
        "wav",
        "W",
        "/suno/wav",
        {"audio_id": "$clip"},
        _answer([{"file_url": "https://cdn.acedata.cloud/suno/41572926.wav"}]),
    ),
    (
        "mp4",
        "M4",
        "/suno/mp4",
        {"audio_id": "$clip"},
        _answer({"video_url": "https://platform2.cdn.acedata.cloud/gemini/04a043bd.mp4"}),
    ),
    (
        "midi",
        "MI",
        "/suno/midi",
        {"audio_id": "$clip"},
        _answer(
            [
                {
                    "state": "complete",
                    "instruments": [
                        {
                            "name": "Synth Voice",
                            "notes": [
                                {
                                    "pitch": 55,
                                    "start": 29.78125,
                                    "end": 31.78125,
                                    "velocity": 0.49606299212598426,
                                }
                            ],
                        }
                    ],
                }
            ]
        ),
    ),
    (
        "timing",
        "TI",
        "/suno/timing",
        {"audio_id": "$clip"},
        _answer(
            {
                "aligned_words": [
                    {
                        "word": "[Verse]\nSnowflakes ",
                        "success": True,
                        "start_s": 2.63,
                        "end_s": 3.43,
                        "p_align": 0.531,
                    }
                ],
                "waveform_data": [0.02138, 0.02193, 0.01806],
                "hoot_cer": 0.35013262599469497,
                "is_streamed": False,
            }
        ),
    ),
    (
        "lyrics",
        "L",
        "/suno/lyrics",
        {"prompt": "A song about winter"},
        {
            "success": True,
            "task_id": "2e26f7ff-0b82-4a60-bb9b-78db89f98b51",
            "data": [
                {
                    "text": "[Verse]\nSnowflakes falling from the sky",
                    "title": "Winter's Cold Touch",
                    "status": "complete",
                    "tags": ["dreamy, mellow, ballad"],
                }
            ],
            "started_at": 1780684179.15,
            "finished_at": 1780684186.583,
            "elapsed": 7.433,
        },
    ),
    (
        "mashup_lyrics",
        "ML",
        "/suno/mashup-lyrics",
        {"lyrics_a": "[Verse]\nSambuy come back", "lyrics_b": "[Verse]\nBluespawn, greenspawn"},
        {
            "success": True,
            "task_id": "80aa3cd3-ca87-4ca3-82d2-1830e3d8f53a",
            "data": {
                "text": "Sambuy come back\nBluespawn, greenspawn",
                "title": "Lyrics Mashup",
                "tags": [],
                "status": "complete",
            },
        },
    ),
    (
        "style",
        "ST",
        "/suno/style",
        {"prompt": "A song for Christmas"},
        _answer({"upsampled_tags": "Bright, festive bells and crisp acoustic guitar open"}),
    ),
]


#: The guide's NDJSON stream (``accept: application/x-ndjson``): a line while a clip still
#: runs (a preview ``audio_url``, no duration), and the last line, which carries ``trace_id``.
STREAM_LINES: dict[str, dict[str, Any]] = {
    "running": {
        "success": True,
        "task_id": "1af4b454-ce84-4512-a0a2-de3f8574ecd8",
        "data": [
            {
                "id": "d1a3109d-799b-401e-b032-4b501bcf26f3",
                "title": "Snowflakes and Mistletoe",
                "image_url": _IMG,
                "image_large_url": _IMG,
                "lyric": "[Verse]\nLights are tangled on the tree again",
                "audio_url": "https://audiopipe.suno.ai/?item_id=d1a3109d",
                "video_url": "",
                "created_at": "2025-12-13T11:29:25.101Z",
                "model": "chirp-v5",
                "state": "running",
                "prompt": "A song for Christmas",
                "style": "uplifting, orchestral with bells and acoustic guitar",
            }
        ],
    },
    "last": _answer(
        [
            _clip(
                image_large_url=_IMG,
                prompt="A song for Christmas",
                model="chirp-v5",
                duration=129.92,
            )
        ]
    ),
}
