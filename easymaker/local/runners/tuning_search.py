"""How a tuning searches: the Optuna sampler of each strategy, the observations read from a trial's output lines
(`MetricCollector`), and the ``MEDIAN`` early-stopping rule (`median_stop_reason`)."""

from __future__ import annotations

import math
import re
import statistics
import threading
import warnings
from typing import TYPE_CHECKING, Any

from easymaker.local.runners.tuning_config import TuningConfig

if TYPE_CHECKING:
    import optuna


class MetricCollector:
    """Parses ``name=value`` style observations out of output lines (thread safe)."""

    def __init__(self, regex: re.Pattern[str], names: list[str], objective: str) -> None:
        self._regex = regex
        self._names = set(names)
        self.objective = objective
        self._lock = threading.Lock()
        self.values: dict[str, list[float]] = {}

    def feed(self, line: str) -> list[tuple[str, float]]:
        """Record the observations in ``line``; return them in order."""
        found: list[tuple[str, float]] = []
        for m in self._regex.finditer(line):
            name, raw = m.group(1), m.group(2)
            if name not in self._names or not raw:
                continue
            try:
                value = float(raw)
            except ValueError:
                continue
            if math.isfinite(value):
                found.append((name, value))
        if found:
            with self._lock:
                for name, value in found:
                    self.values.setdefault(name, []).append(value)
        return found

    def snapshot(self) -> dict[str, list[float]]:
        with self._lock:
            return {k: list(v) for k, v in self.values.items()}

    def objective_history(self) -> list[float]:
        with self._lock:
            return list(self.values.get(self.objective, []))


def median_stop_reason(history: list[float], succeeded: list[list[float]], cfg: TuningConfig) -> str | None:
    """The median stopping rule at the latest step of ``history``; a reason string when the trial must stop."""
    step = len(history)
    if not cfg.early_stopping or step < cfg.es_start_step or len(succeeded) < cfg.es_min_trials:
        return None
    averages = [statistics.fmean(h[:step]) for h in succeeded if h]
    if len(averages) < cfg.es_min_trials:
        return None
    median = statistics.median(averages)
    value = history[-1]
    if cfg.better(median, value):
        return (
            f"{cfg.objective}={value:.6g} at step {step} is worse than the median {median:.6g} of the running "
            f"averages of {len(averages)} succeeded trials"
        )
    return None


class _QuietGridSampler:
    """Factory for a GridSampler whose ``after_trial`` does not call ``study.stop()`` (that fails outside optimize)."""

    @staticmethod
    def create(search_space: dict[str, list[Any]], seed: int | None) -> optuna.samplers.BaseSampler:
        import optuna

        class QuietGridSampler(optuna.samplers.GridSampler):
            def after_trial(self, study: Any, trial: Any, state: Any, values: Any) -> None:
                return None

        return QuietGridSampler(search_space, seed=seed)


def make_sampler(cfg: TuningConfig, seed: int | None) -> optuna.samplers.BaseSampler:
    import optuna

    if cfg.strategy == "GRID":
        return _QuietGridSampler.create({s.name: s.grid() for s in cfg.specs}, seed)
    if cfg.strategy == "RANDOM":
        return optuna.samplers.RandomSampler(seed=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return optuna.samplers.TPESampler(
            seed=seed,
            n_startup_trials=max(3, min(10, cfg.max_trials // 3)),
            constant_liar=cfg.parallel > 1,
        )


def grid_size(cfg: TuningConfig) -> int:
    return math.prod(len(s.grid()) for s in cfg.specs)
