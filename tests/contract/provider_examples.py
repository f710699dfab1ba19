"""Every example request body of the provider's Suno guides, with where it comes from.

Sources (AceDataCloud's public repositories, latest stored versions):
  A = AceDataCloud/APIs suno/docs/suno_audios.md (audios guide, v6 edition)
  G = AceDataCloud/APIs suno/docs/suno_audios_generation_api_integration_guide.md
  T = AceDataCloud/APIs suno/docs/suno_tasks_api_integration_guide.md
  P = suno/docs/suno_persona_api_integration_guide.md    V = suno/docs/suno_vox.md
  U = suno/docs/suno_upload.md    M = suno/docs/suno_mp3.md
  C = suno/docs/suno_custom_models_api_integration_guide.md
  S = the Suno Studio Project integration guide (/suno/projects)
  SDK = AceDataCloud/SDK python/src/acedatacloud/resources/openai_compat.py (retrieve_batch)
Ids are the documents' own; bodies are copied as the guides print them (a Python payload's
``"\\n"`` is a backslash and an n in the JSON, as the guide sends it).
"""

from __future__ import annotations

from typing import Any

XMAS = (
    "[Verse]\\nSnowflakes falling all around\\nGlistening white\\nCovering the ground\\n"
    "Children laughing\\nFull of delight\\nIn this winter wonderland tonight\\nSanta's sleigh\\n"
    "Up in the sky\\nRudolph's nose shining bright\\nOh my\\nHear the jingle bells\\n"
    "Ringing so clear\\nBringing joy and holiday cheer\\n[Verse 2]\\nRoasting chestnuts by the "
    "fire's glow\\nChristmas lights\\nThey twinkle and show\\nFamilies gathering with love and "
    "cheer\\nSpreading warmth to everyone near"
)

#: (name, source, path, body) for /suno/audios and every sibling endpoint
EXAMPLES: list[tuple[str, str, str, dict[str, Any]]] = [
    (
        "generate_prompt",
        "T: request echoed by retrieve",
        "/suno/audios",
        {"action": "generate", "prompt": "A song for Christmas"},
    ),
    (
        "generate_custom",
        "G/A: Custom Generation",
        "/suno/audios",
        {
            "action": "generate",
            "prompt": "A song for Christmas",
            "model": "chirp-v4-5",
            "lyric": XMAS,
            "custom": True,
        },
    ),
    (
        "artist_consistency",
        "G/A: Custom Singer Style",
        "/suno/audios",
        {
            "action": "artist_consistency",
            "prompt": "A song for Christmas",
            "model": "chirp-v4-5",
            "persona_id": "e0d7319e-aa2a-44cb-b00a-916218d7cb0b",
            "audio_id": "97efc9f4-0e8d-4b3e-88df-14568fa1b11f",
        },
    ),
    (
        "extend",
        "G/A: Continue Generation",
        "/suno/audios",
        {
            "action": "extend",
            "prompt": "A song for Christmas",
            "model": "chirp-v4-5",
            "audio_id": "97efc9f4-0e8d-4b3e-88df-14568fa1b11f",
            "continue_at": 2,
            "lyric": XMAS,
            "custom": True,
            "instrumental": False,
        },
    ),
    (
        "concat",
        "G/A: Get the Complete Song",
        "/suno/audios",
        {"action": "concat", "audio_id": "0a1e1b10-c36a-41c9-9b26-d9d25db98"},
    ),
    (
        "cover",
        "G/A: Music Reproduction",
        "/suno/audios",
        {
            "action": "cover",
            "audio_id": "0a1e1b10-c36a-41c9-9bfb-b26d9d25db98",
            "prompt": "A song for Christmas",
            "model": "chirp-v4-5",
        },
    ),
    (
        "replace_section",
        "G/A: Replace Section, step 1",
        "/suno/audios",
        {
            "action": "replace_section",
            "audio_id": "18db7ed0-2b8a-41db-91c1-b0781dcca0d4",
            "model": "chirp-v5-5",
            "custom": False,
            "instrumental": False,
            "lyric": "[Intro]\n锣鼓喧天 红灯高挂\n[Verse 1]\n爆竹声声辞旧岁\n春风暖暖入万家\n"
            "[Chorus]\n"
            "梅花绽放春意洋溢满地\n[Verse 2]\n饺子飘香年夜饭\n灯笼摇曳照团圆",
            "prompt": "梅花绽放春意洋溢满地\n梅花绽放春意洋溢满地",
            "replace_section_start": 30.0,
            "replace_section_end": 60.0,
        },
    ),
    (
        "concat_after_replace",
        "G/A: Replace Section, step 2",
        "/suno/audios",
        {
            "action": "concat",
            "audio_id": "364f9d8b-ca25-463b-9a5e-d0b7139e2d6a",
            "model": "chirp-v5-5",
        },
    ),
    (
        "stems",
        "G/A: Vocal and Instrument Separation",
        "/suno/audios",
        {"action": "stems", "audio_id": "ec13e502-d043-4eb2-92ee-e900c6da69d1"},
    ),
    (
        "all_stems",
        "G/A: Full Track Separation",
        "/suno/audios",
        {"action": "all_stems", "audio_id": "bdf23a5a-59f5-4103-b452-054a824a7f9f"},
    ),
    (
        "add_stem",
        "A: Add Stem",
        "/suno/audios",
        {
            "action": "add_stem",
            "audio_id": "dead4ee5-df4d-417b-8f7e-717722fae51a",
            "stem_type": "bass",
            "model": "chirp-v6",
            "prompt": "Add warm bass guitar",
            "style": "minimal piano pulse with warm bass guitar",
            "negative_tags": "vocals",
            "variety": "normal",
            "max_mode": False,
            "async": True,
        },
    ),
    (
        "extract_stem",
        "A: Extract Stem",
        "/suno/audios",
        {
            "action": "extract_stem",
            "audio_id": "dead4ee5-df4d-417b-8f7e-717722fae51a",
            "stem_type": "bass",
            "audio_format": "mp3",
            "async": True,
        },
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
            "async": True,
        },
    ),
    (
        "adjust_speed",
        "A: Adjust Audio Speed",
        "/suno/audios",
        {
            "action": "adjust_speed",
            "audio_id": "dead4ee5-df4d-417b-8f7e-717722fae51a",
            "speed_multiplier": 1.1,
            "keep_pitch": True,
            "title": "Suno contract verification speed 1.1x",
            "async": True,
        },
    ),
    (
        "advanced_parameters",
        "G/A: Custom Advanced Parameters",
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
    ),
    (
        "duration",
        "A: Control Song Duration",
        "/suno/audios",
        {
            "action": "generate",
            "model": "chirp-v5-5",
            "custom": True,
            "title": "Under the City Lights",
            "style": "lo-fi piano",
            "lyric": "[Verse]\nSunrise creepin\nGold on the floor\n"
            "[Chorus]\nUnder the city lights\n",
            "duration": 330,
        },
    ),
    (
        "underpainting",
        "G/A: Add Instrumental",
        "/suno/audios",
        {
            "action": "underpainting",
            "model": "chirp-v4-5",
            "style": "Pop rap, uplifting, magnetic male vocals, piano, synth, electric guitar, "
            "driving bass, clear structure",
            "audio_id": "92254cab-3372-4d9e-bce9-cdcfdbc39070",
            "underpainting_end": 120,
        },
    ),
    (
        "overpainting",
        "G/A: Add Vocals",
        "/suno/audios",
        {
            "action": "overpainting",
            "model": "chirp-v4-5",
            "lyric": "Yea you were the best I could get \\nBut I knew that it couldn't last",
            "custom": True,
            "audio_id": "92254cab-3372-4d9e-bce9-cdcfdbc39070",
            "overpainting_end": 120,
        },
    ),
    (
        "remaster",
        "G/A: Remaster",
        "/suno/audios",
        {
            "action": "remaster",
            "variation_category": "high",
            "audio_id": "21fd46d4-45c3-4826-bec9-3f3df667902e",
        },
    ),
    (
        "mashup",
        "G/A: Mashup",
        "/suno/audios",
        {
            "action": "mashup",
            "lyric": "Sambuy come back  \\nBluespawn, greenspawn",
            "model": "chirp-v4-5",
            "custom": True,
            "instrumental": False,
            "mashup_audio_ids": [
                "9f102969-0024-479e-b38f-c0c5db21383d",
                "6aebb715-701c-433f-b976-a7ff5cf16255",
            ],
        },
    ),
    # ----------------------------------------------------------------- sibling endpoints
    (
        "create_persona",
        "P",
        "/suno/persona",
        {"name": "test", "audio_id": "81745564-60e7-4ad4-85a9-6f42f0f4f3b3", "description": "test"},
    ),
    (
        "create_persona_vox",
        "V",
        "/suno/persona",
        {
            "name": "test",
            "audio_id": "42599b24-fb14-4cd3-a444-e15ffde3661b",
            "vocal_end": 30,
            "vocal_start": 20,
            "vox_audio_id": "24f0827e-5847-4011-b9b7-fc0b62032b65",
        },
    ),
    (
        "vox",
        "V",
        "/suno/vox",
        {"audio_id": "42599b24-fb14-4cd3-a444-e15ffde3661b", "vocal_end": 30, "vocal_start": 20},
    ),
    (
        "upload",
        "U: standard",
        "/suno/upload",
        {"audio_url": "https://cdn.acedata.cloud/suno_demo.mp3"},
    ),
    (
        "upload_enhanced",
        "U: Enhanced Upload Mode",
        "/suno/upload",
        {
            "audio_url": "https://cdn.acedata.cloud/suno_demo.mp3",
            "mode": "enhanced",
            "name": "My Song",
        },
    ),
    ("mp3", "M: synchronous", "/suno/mp3", {"audio_id": "ef1ec21e-1540-4eb6-8fa5-26cb8b90d28f"}),
    (
        "mp3_async",
        "M: asynchronous",
        "/suno/mp3",
        {"audio_id": "ef1ec21e-1540-4eb6-8fa5-26cb8b90d28f", "async": True},
    ),
    (
        "tasks_retrieve",
        "T",
        "/suno/tasks",
        {"id": "eae26f89-b64b-404d-a80c-761996660b1c", "action": "retrieve"},
    ),
    (
        "tasks_list",
        "SDK retrieve_batch; Nexior src/store/suno/actions.ts",
        "/suno/tasks",
        {
            "action": "retrieve_batch",
            "user_id": "ad7afe47-cea9-4cda-980f-2ad8810e51cf",
            "created_at_min": 1725083000.0,
            "created_at_max": 1725084000.0,
            "type": "audios",
            "offset": 0,
            "limit": 12,
        },
    ),
    (
        "custom_model_create",
        "C: Create Model",
        "/suno/custom-models",
        {
            "action": "create",
            "name": "My Indie Model",
            "audio_urls": [f"https://cdn.example.com/song-0{i}.mp3" for i in range(1, 7)],
            "callback_url": "https://example.com/webhooks/suno",
        },
    ),
    (
        "custom_model_retrieve",
        "C: Query Model",
        "/suno/custom-models",
        {"action": "retrieve", "id": "fa518f27-3fac-45cc-9b95-ae7ae0865b5e"},
    ),
    (
        "custom_model_list",
        "C: Query Model, paginated",
        "/suno/custom-models",
        {"action": "retrieve_batch", "limit": 20, "offset": 0, "status": "ready"},
    ),
    (
        "custom_model_generate",
        "C: Use Model",
        "/suno/custom-models",
        {
            "action": "generate",
            "id": "fa518f27-3fac-45cc-9b95-ae7ae0865b5e",
            "title": "Neon Rain",
            "lyric": "[Verse]\nCity lights are falling through the rain",
            "style": "indie rock, warm analog synth",
        },
    ),
    (
        "custom_model_delete",
        "C: Archive Model",
        "/suno/custom-models",
        {"action": "delete", "id": "fa518f27-3fac-45cc-9b95-ae7ae0865b5e"},
    ),
    (
        "project_create",
        "S: Create and Retrieve",
        "/suno/projects",
        {"action": "create", "title": "My Studio Project"},
    ),
    (
        "project_retrieve",
        "S: Create and Retrieve",
        "/suno/projects",
        {"action": "retrieve", "id": "PROJECT_ID"},
    ),
    (
        "project_save",
        "S: Save Complete State",
        "/suno/projects",
        {
            "action": "save",
            "id": "PROJECT_ID",
            "version_id": "CURRENT_VERSION_ID",
            "title": "Edited Project",
            "state": {"tracks": [], "timing": {"bps": 2}},
        },
    ),
    (
        "project_upload",
        "S: Upload and Add Tracks",
        "/suno/projects",
        {
            "action": "upload",
            "id": "PROJECT_ID",
            "version_id": "CURRENT_VERSION_ID",
            "audio_url": "https://cdn.example.com/reference.mp3",
            "async": True,
        },
    ),
    (
        "project_add_track",
        "S: Upload and Add Tracks",
        "/suno/projects",
        {
            "action": "add_track",
            "id": "PROJECT_ID",
            "version_id": "CURRENT_VERSION_ID",
            "audio_id": "AUDIO_ID",
            "name": "Backing Vocals",
        },
    ),
    (
        "project_replace_section",
        "S: Generate and Replace",
        "/suno/projects",
        {
            "action": "replace_section",
            "id": "PROJECT_ID",
            "version_id": "CURRENT_VERSION_ID",
            "source_audio_id": "AUDIO_ID",
            "start_seconds": 35.12,
            "end_seconds": 48.76,
            "model": "chirp-v6",
            "replacement_lyrics": "New lyrics segment",
            "async": True,
        },
    ),
    (
        "project_commit_candidate",
        "S: Generate and Replace",
        "/suno/projects",
        {
            "action": "commit_candidate",
            "id": "PROJECT_ID",
            "version_id": "CURRENT_VERSION_ID",
            "operation_id": "OPERATION_ID",
            "candidate_id": "CANDIDATE_ID",
            "track_id": "TRACK_ID",
        },
    ),
    (
        "project_render",
        "S: Export Complete Song",
        "/suno/projects",
        {
            "action": "render",
            "id": "PROJECT_ID",
            "version_id": "CURRENT_VERSION_ID",
            "title": "Final Mix",
            "lyrics": "[Instrumental]",
            "async": True,
            "callback_url": "https://example.com/webhooks/suno",
        },
    ),
]

#: Documented answers (trimmed to their shape), to parse into the toolkit's types.
RESPONSES: list[tuple[str, str, str, dict[str, Any]]] = [
    (
        "extract_stem",
        "A: Extract Stem",
        "AudioResponse",
        {
            "success": True,
            "task_id": "ae9557d0-4ff7-4a35-bcde-d881e78fbfe5",
            "trace_id": "82c51a55-7627-41a5-b72b-1b9775ca25f2",
            "data": [
                {
                    "id": "3084d7e1",
                    "title": "(Bass)",
                    "audio_url": "https://cdn.acedata2.cloud/suno/3084d7e1.mp3",
                    "model": "chirp-v6",
                    "state": "succeeded",
                    "duration": 12.8,
                    "stem_set": 1,
                },
                {
                    "id": "19b83ca9",
                    "title": "(Without Bass)",
                    "audio_url": "https://cdn.acedata2.cloud/suno/19b83ca9.mp3",
                    "model": "chirp-v6",
                    "state": "succeeded",
                    "duration": 12.8,
                    "stem_set": 1,
                },
            ],
            "stem_sets": [
                {
                    "stem_type": "bass",
                    "isolated": {"id": "3084d7e1", "state": "succeeded", "stem_set": 1},
                    "remainder": {"id": "19b83ca9", "state": "succeeded", "stem_set": 1},
                }
            ],
            "cost": {"amount": 1.008, "currency": "credit", "list_amount": 1.12},
        },
    ),
    (
        "adjust_speed",
        "A: Adjust Audio Speed",
        "AudioResponse",
        {
            "success": True,
            "task_id": "c5860fdd-76b1-40a1-b5b5-ec047e471c8a",
            "trace_id": "292ed097-3631-441c-ac80-52f326b62726",
            "data": [
                {
                    "id": "02534b52",
                    "title": "Suno contract verification speed 1.1x",
                    "audio_url": "https://cdn.acedata2.cloud/suno/02534b52.mp3",
                    "model": "chirp-v6",
                    "state": "succeeded",
                    "duration": 8.909090909090908,
                }
            ],
            "cost": {"amount": 0.252, "currency": "credit", "list_amount": 0.28},
        },
    ),
    (
        "tasks_list",
        "T: Batch Query",
        "TaskList",
        {
            "items": [
                {
                    "_id": "66d2add5550a4144a5a88dfe",
                    "id": "eae26f89-b64b-404d-a80c-761996660b1c",
                    "api_id": "09a26295",
                    "application_id": "ab46a066",
                    "created_at": 1725083093.077,
                    "request": {"action": "generate", "prompt": "A song for Christmas"},
                    "trace_id": "e13d385a",
                    "user_id": "ad7afe47",
                    "response": {
                        "success": True,
                        "task_id": "eae26f89-b64b-404d-a80c-761996660b1c",
                        "data": [
                            {
                                "id": "b8a4f691",
                                "title": "Holiday Wishes",
                                "audio_url": "https://cdn1.suno.ai/b8a4f691.mp3",
                                "model": "chirp-v3.5",
                                "duration": 154.44,
                            }
                        ],
                    },
                }
            ],
            "count": 1,
        },
    ),
    (
        "vox",
        "V",
        "VoxResult",
        {
            "id": "24f0827e-5847-4011-b9b7-fc0b62032b65",
            "source_clip_id": "42599b24-fb14-4cd3-a444-e15ffde3661b",
            "status": "complete",
            "vocal_audio_url": "https://cdn.acedata.cloud/v.mp3",
            "vocal_end_s": 30,
            "vocal_start_s": 20,
        },
    ),
    (
        "upload",
        "U",
        "UploadResult",
        {
            "audio_id": "00135f7d-cda1-4d70-b007-779f07143586",
            "title": "up-d6c3970d",
            "duration": 131.16,
        },
    ),
    ("mp3", "M", "Mp3Result", [{"file_url": "https://cdn.acedata.cloud/suno/ef1ec21e.mp3"}]),
]
