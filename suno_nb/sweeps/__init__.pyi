# Public names of suno_nb.sweeps, loaded on first use by lazy_loader (see __init__.py).

from .design import Design as Design
from .design import Grid as Grid
from .design import LatinHypercube as LatinHypercube
from .design import RandomSample as RandomSample
from .design import Zip as Zip
from .listening_test import ListeningTest as ListeningTest
from .listening_test import listening_test as listening_test
from .plan import CREDITS_PER_REQUEST as CREDITS_PER_REQUEST
from .plan import Cell as Cell
from .plan import Plan as Plan
from .planfile import run_plan_file as run_plan_file
from .progress import SweepStatus as SweepStatus
from .statistics import Effects as Effects
from .statistics import effects as effects
from .sweep import SWEEPS_FOLDER as SWEEPS_FOLDER
from .sweep import Sweep as Sweep
from .sweep import sweep as sweep
from .worker import WorkerReport as WorkerReport
from .worker import work as work
