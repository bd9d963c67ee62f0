"""Sample notebooks and the sample data they use (``easymaker.sample.sample``; ``gov_sample`` for the public-sector
region). ``easymaker sample list`` / ``easymaker sample download`` copy the notebooks out of the package."""

from easymaker.sample import sample
from easymaker.sample._notebooks import download_sample_notebook, list_sample_notebooks

__all__ = ["download_sample_notebook", "list_sample_notebooks", "sample"]
