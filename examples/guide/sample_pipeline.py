"""The guide's ``./sample-pipeline.yaml``: a small two-step KFP v2 pipeline, compiled by 22_pipeline_upload.py (and the guide tests).

No ``from __future__ import annotations`` here: kfp reads the component signatures as real types.
"""

import sys

from kfp import compiler, dsl


@dsl.component(base_image="python:3.11")
def add(a: int, b: int) -> int:
    return a + b


@dsl.component(base_image="python:3.11")
def report(total: int) -> str:
    message = f"total={total}"
    print(message)
    return message


@dsl.pipeline(name="guide-sample-pipeline")
def sample(a: int = 1, b: int = 2) -> None:
    total = add(a=a, b=b)
    report(total=total.output)


def compile_to(path: str) -> None:
    compiler.Compiler().compile(sample, path)


if __name__ == "__main__":
    compile_to(sys.argv[1] if len(sys.argv) > 1 else "sample-pipeline.yaml")
