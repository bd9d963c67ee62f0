"""Model serving for EasyMaker Local: model loading per format, the model-server worker, KServe v1/v2 over HTTP.

Pieces:

* :mod:`.loaders` turns a model directory and a format code into a :class:`~.loaders.ServedModel`.
* :mod:`.protocol` answers KServe v1 and v2 requests for a set of loaded models (no HTTP in it).
* :mod:`.http` is the worker's HTTP/1.1 server (asyncio + httptools), on a socket the stage's workers share.
* :mod:`.worker` is the worker process (``python -m easymaker.local.serving.worker``).
* :mod:`.process` starts, watches and stops worker processes.
"""

from easymaker.local.serving.errors import ModelLoadError, ServingError
from easymaker.local.serving.loaders import ModelSpec, ServedModel, load_model
from easymaker.local.serving.worker_processes import WorkerProcess, start_workers, stop_workers

__all__ = [
    "ModelLoadError",
    "ModelSpec",
    "ServedModel",
    "ServingError",
    "WorkerProcess",
    "load_model",
    "start_workers",
    "stop_workers",
]
