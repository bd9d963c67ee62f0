"""2.1.x path of the global configuration: ``easymaker.initializer.global_config.init(...)``."""

from easymaker._config import easymaker_config as global_config

__all__ = ["global_config"]
