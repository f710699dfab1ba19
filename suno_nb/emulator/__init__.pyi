# Public names of suno_nb.emulator, loaded on first use by lazy_loader (see __init__.py).

from .defaults import DATA_DIR_ENV as DATA_DIR_ENV
from .defaults import PROFILE_ENV as PROFILE_ENV
from .defaults import configure_default as configure_default
from .defaults import default_data_dir as default_data_dir
from .defaults import default_emulator as default_emulator
from .defaults import inprocess_async_transport as inprocess_async_transport
from .defaults import inprocess_transport as inprocess_transport
from .server import serve as serve
from .server import start as start
from .server import stop as stop
from .service import Emulator as Emulator
from .service import EmulatorResponse as EmulatorResponse
from .transport import InProcessTransport as InProcessTransport
