# The package face: every public name of `suno_nb` and the module it comes from. At run time
# lazy_loader reads this file (suno_nb/__init__.py) and imports a module on first use; type
# checkers and IDEs read it as the package's interface. Only `from .module import name as name`
# lines (the stub form of an explicit re-export): lazy_loader refuses any other import.

from . import emulator as emulator
from . import exports as exports
from . import features as features
from . import schema as schema
from .callbacks import parse_callback as parse_callback
from .catalogue import Catalogue as Catalogue
from .catalogue import Track as Track
from .catalogue import compare as compare
from .client import AsyncClient as AsyncClient
from .client import Client as Client
from .client import resume as resume
from .errors import APIError as APIError
from .errors import AuthenticationError as AuthenticationError
from .errors import BadRequestError as BadRequestError
from .errors import GenerationTimeout as GenerationTimeout
from .errors import InsufficientBalanceError as InsufficientBalanceError
from .errors import ModerationError as ModerationError
from .errors import RateLimitError as RateLimitError
from .errors import ServerError as ServerError
from .errors import SubmissionUncertain as SubmissionUncertain
from .errors import SunoError as SunoError
from .errors import TaskNotFound as TaskNotFound
from .errors import ValidationError as ValidationError
from .errors import WaitInterrupted as WaitInterrupted
from .models import AudioResponse as AudioResponse
from .models import Clip as Clip
from .models import TaskRecord as TaskRecord
from .sweeps import Sweep as Sweep
from .sweeps import listening_test as listening_test
from .sweeps import sweep as sweep
from .tasks import AsyncTask as AsyncTask
from .tasks import Progress as Progress
from .tasks import Task as Task
from .tasks import TaskObserver as TaskObserver
from .widgets import panel as panel
from .widgets import studio as studio

__version__: str

def load_ipython_extension(ipython: object) -> None: ...
