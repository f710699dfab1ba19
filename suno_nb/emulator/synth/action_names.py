"""The actions the synth renders, apart from the synth itself, so checking a request's action
never imports numpy or scipy (a notebook kernel whose renders run in worker processes)."""

from __future__ import annotations

SUPPORTED_ACTIONS: tuple[str, ...] = (
    "generate",
    "extend",
    "upload_extend",
    "concat",
    "cover",
    "upload_cover",
    "artist_consistency",
    "artist_consistency_vox",
    "stems",
    "all_stems",
    "replace_section",
    "underpainting",
    "overpainting",
    "samples",
    "remaster",
    "mashup",
    "inspo",
    "add_stem",
    "extract_stem",
    "sounds",
    "adjust_speed",
)
