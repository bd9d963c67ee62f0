"""The entry point the guide's training and tuning examples run (``entry_point='training_start.py'``).

It checks that the datasets the guide's examples attach reached it (``train``/``test``), records the input
checkpoint files it found in its model file, saves that small model file to ``EM_MODEL_DIR`` and a checkpoint to ``EM_CHECKPOINT_DIR``,
and prints metrics as ``name: value`` lines, the form the tuning example's ``metric_regex`` collects.
"""

import argparse
import json
import os
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=1)
    parser.add_argument("--learning_rate", type=float, default=0.01)
    args, _unknown = parser.parse_known_args()

    problems = []
    for name in ("EM_DATASET_TRAIN", "EM_DATASET_TEST"):
        folder = os.environ.get(name)
        if folder is None:
            continue  # not every example attaches every input
        if not any(Path(folder).rglob("*")):
            problems.append(f"{name} ({folder}) is empty")
    if problems:
        print("; ".join(problems), file=sys.stderr)
        return 1

    model_dir = Path(os.environ.get("EM_MODEL_DIR", "model"))
    model_dir.mkdir(parents=True, exist_ok=True)
    checkpoint_in = os.environ.get("EM_CHECKPOINT_INPUT_DIR")
    found = sorted(p.name for p in Path(checkpoint_in).rglob("*") if p.is_file()) if checkpoint_in else []
    summary = {"epochs": args.epochs, "learning_rate": args.learning_rate, "checkpoint_input_files": found}
    (model_dir / "model.json").write_text(json.dumps(summary))
    checkpoint_dir = os.environ.get("EM_CHECKPOINT_DIR")
    if checkpoint_dir:
        Path(checkpoint_dir).mkdir(parents=True, exist_ok=True)
        (Path(checkpoint_dir) / "cp-0001.json").write_text(json.dumps({"epoch": 1}))

    val_loss = 0.001 + args.learning_rate / 100  # below the tuning example's objective_goal of 0.01
    print(f"loss: {val_loss * 2:.5f}")
    print(f"val_loss: {val_loss:.5f}")
    print("accuracy: 0.99")
    return 0


if __name__ == "__main__":
    sys.exit(main())
