# Public names of suno_nb.emulator.synth, loaded on first use by lazy_loader (see __init__.py).

from .action_names import SUPPORTED_ACTIONS as SUPPORTED_ACTIONS
from .actions import render_action as render_action
from .analysis import analyse_audio as analyse_audio
from .analysis import capture_voice as capture_voice
from .encode import encode_mp3 as encode_mp3
from .encode import encode_wav as encode_wav
from .export import score_to_midi as score_to_midi
from .export import word_timings as word_timings
from .image import cover_image as cover_image
from .rendered_clip import Rendering as Rendering
from .score import Score as Score
from .text import mashup_lyrics as mashup_lyrics
from .text import upsample_style as upsample_style
from .text import write_lyrics as write_lyrics
