"""Upload a compiled Kubeflow pipeline, ``./sample-pipeline.yaml``.

Guide: 파이프라인 > 파이프라인 생성. When the file is not there, it is compiled first from ``sample_pipeline.py``
(needs ``kfp``: ``pip install 'easymaker[pipelines]'``).
"""

from pathlib import Path

import easymaker

if not Path("sample-pipeline.yaml").is_file():
    from sample_pipeline import compile_to

    compile_to("sample-pipeline.yaml")

pipeline = easymaker.Pipeline().upload(
    pipeline_name="pipeline_01",
    pipeline_spec_manifest_path="./sample-pipeline.yaml",
    description="test",
    tag_list=[],
    # wait=False returns as soon as the upload is accepted
)
print("pipeline", pipeline.pipeline_id)
