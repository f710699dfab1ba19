# Public names of suno_nb.widgets, loaded on first use by lazy_loader (see __init__.py).

from .panel import Panel as Panel
from .panel import panel as panel
from .studio import Studio as Studio
from .studio import studio as studio
