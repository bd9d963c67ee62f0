"""A hyperparameter tuning's configuration, parsed and checked from its resource: the search space (one `ParamSpec`
per hyperparameter: its grid, its Optuna distribution, its value as the entry point reads it), the objective and
the metrics, the strategy, the trial counts and the early-stopping settings (`TuningConfig`)."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from easymaker.local.runners.training import TrainingInputError

if TYPE_CHECKING:
    import optuna

DEFAULT_METRIC_REGEX = r"([\w|-]+)\s*=\s*([+-]?\d*(\.\d+)?([Ee][+-]?\d+)?)"
DEFAULT_MAX_TRIAL_COUNT = 10  # the service documents no default; used when maxTrialCount is absent
MAX_PARALLEL_TRIALS = 10


class TuningConfigError(TrainingInputError):
    """The tuning's own fields are invalid (spec list, metrics, objective, strategy, counts)."""


# -- configuration ------------------------------------------------------------------------------------------------


@dataclass
class ParamSpec:
    """One entry of ``hyperparameterSpecList``."""

    name: str
    type: str  # "int", "double", "discrete", "categorical"
    low: float | None = None
    high: float | None = None
    step: float | None = None
    choices: list[Any] = field(default_factory=list)  # values as given to Optuna (numbers for discrete)
    tokens: dict[Any, str] = field(default_factory=dict)  # choice -> the string as the user wrote it

    def grid(self) -> list[Any]:
        if self.type in ("discrete", "categorical"):
            return list(self.choices)
        assert self.low is not None and self.high is not None
        if self.type == "int":
            step = int(self.step or 1)
            return list(range(int(self.low), int(self.high) + 1, step))
        if not self.step:
            raise TuningConfigError(
                f"hyperparameterStep is required for DOUBLE hyperparameter {self.name!r} with the GRID strategy"
            )
        n = int(math.floor((self.high - self.low) / self.step + 1e-9)) + 1
        return [float(f"{self.low + i * self.step:.12g}") for i in range(n)]

    def distribution(self, strategy: str) -> optuna.distributions.BaseDistribution:
        from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution

        if self.type in ("discrete", "categorical"):
            return CategoricalDistribution(self.choices)
        assert self.low is not None and self.high is not None
        if self.type == "int":
            step = int(self.step or 1)
            low = int(self.low)
            high = low + (int(self.high) - low) // step * step
            return IntDistribution(low, high, step=step)
        return FloatDistribution(self.low, self.high)  # the step only shapes the GRID strategy

    def value_string(self, value: Any) -> str:
        if self.type in ("discrete", "categorical"):
            return self.tokens.get(value, str(value))
        if self.type == "int":
            return str(int(value))
        return f"{float(value):.12g}"


def _number(raw: Any, what: str) -> float:
    try:
        value = float(raw)
    except (TypeError, ValueError):
        raise TuningConfigError(f"{what} must be a number, got {raw!r}") from None
    if not math.isfinite(value):
        raise TuningConfigError(f"{what} must be finite, got {raw!r}")
    return value


def parse_param_spec(item: Mapping[str, Any], index: int) -> ParamSpec:
    where = f"hyperparameterSpecList[{index}]"
    name = item.get("hyperparameterName")
    if not name:
        raise TuningConfigError(f"{where}.hyperparameterName is required")
    type_code = str(item.get("hyperparameterTypeCode") or "").lower()
    if type_code not in ("int", "double", "discrete", "categorical"):
        raise TuningConfigError(
            f"{where}.hyperparameterTypeCode must be one of int, double, discrete, categorical, "
            f"got {item.get('hyperparameterTypeCode')!r}"
        )
    spec = ParamSpec(name=str(name), type=type_code)
    if type_code in ("int", "double"):
        for key in ("hyperparameterMinValue", "hyperparameterMaxValue"):
            if item.get(key) in (None, ""):
                raise TuningConfigError(f"{where}.{key} is required for {type_code.upper()} hyperparameter {name!r}")
        spec.low = _number(item["hyperparameterMinValue"], f"{where}.hyperparameterMinValue")
        spec.high = _number(item["hyperparameterMaxValue"], f"{where}.hyperparameterMaxValue")
        if spec.low > spec.high:
            raise TuningConfigError(
                f"{where}: hyperparameterMinValue {spec.low:g} > hyperparameterMaxValue {spec.high:g}"
            )
        if item.get("hyperparameterStep") not in (None, ""):
            spec.step = _number(item["hyperparameterStep"], f"{where}.hyperparameterStep")
            if spec.step <= 0:
                raise TuningConfigError(f"{where}.hyperparameterStep must be positive, got {spec.step:g}")
        if type_code == "int":
            for label, v in (("hyperparameterMinValue", spec.low), ("hyperparameterMaxValue", spec.high)):
                if v != int(v):
                    raise TuningConfigError(f"{where}.{label} must be an integer for INT, got {v:g}")
            if spec.step is not None and spec.step != int(spec.step):
                raise TuningConfigError(f"{where}.hyperparameterStep must be an integer for INT, got {spec.step:g}")
        return spec
    raw_values = item.get("hyperparameterSpecifiedValues")
    if isinstance(raw_values, list | tuple):
        tokens = [str(v).strip() for v in raw_values]
    else:
        tokens = [t.strip() for t in str(raw_values or "").split(",")]
    tokens = [t for t in tokens if t]
    if not tokens:
        raise TuningConfigError(
            f"{where}.hyperparameterSpecifiedValues is required for {type_code.upper()} hyperparameter {name!r} "
            "(comma-separated values)"
        )
    seen: set[Any] = set()
    for token in tokens:
        value: Any = token
        if type_code == "discrete":
            num = _number(token, f"{where}.hyperparameterSpecifiedValues item")
            value = int(num) if re.fullmatch(r"[+-]?\d+", token) else num
        if value not in seen:
            seen.add(value)
            spec.choices.append(value)
            spec.tokens[value] = token
    return spec


def _metric_name(item: Any) -> str | None:
    if isinstance(item, Mapping):
        name = item.get("name") or item.get("metricName")
        return str(name) if name else None
    return str(item) if item else None


@dataclass
class TuningConfig:
    specs: list[ParamSpec]
    metric_names: list[str]
    regex: re.Pattern[str]
    objective: str
    maximize: bool
    goal: float | None
    max_trials: int
    max_failed: int | None
    parallel: int
    nodes_per_trial: int
    strategy: str
    seed: int | None
    early_stopping: bool
    es_min_trials: int
    es_start_step: int

    def better(self, a: float, b: float) -> bool:
        return a > b if self.maximize else a < b

    def best_of(self, values: list[float]) -> float:
        return max(values) if self.maximize else min(values)

    def goal_met(self, value: float) -> bool:
        if self.goal is None:
            return False
        return value >= self.goal if self.maximize else value <= self.goal


def _opt_int(
    resource: Mapping[str, Any], key: str, default: int | None, low: int, high: int | None = None
) -> int | None:
    raw = resource.get(key)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise TuningConfigError(f"{key} must be an integer, got {raw!r}") from None
    if value < low or (high is not None and value > high):
        limit = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise TuningConfigError(f"{key} must be {limit}, got {value}")
    return value


def parse_tuning_config(resource: Mapping[str, Any]) -> TuningConfig:
    """Validate and normalise the tuning fields of a hyperparameter tuning resource."""
    spec_items = resource.get("hyperparameterSpecList") or []
    if not spec_items:
        raise TuningConfigError("hyperparameterSpecList needs at least one hyperparameter")
    if len(spec_items) > 100:
        raise TuningConfigError(f"hyperparameterSpecList may hold at most 100 entries, got {len(spec_items)}")
    specs = [parse_param_spec(item, i) for i, item in enumerate(spec_items)]
    names = [s.name for s in specs]
    if len(set(names)) != len(names):
        raise TuningConfigError(f"hyperparameterSpecList names must be unique, got {names}")

    objective_obj = resource.get("objectiveMetric")
    objective = _metric_name(objective_obj) if objective_obj else None
    objective = objective or resource.get("objectiveMetricName")
    if not objective:
        raise TuningConfigError("objectiveMetric.name (objectiveMetricName) is required for your own algorithm")
    metric_names = [n for n in (_metric_name(m) for m in resource.get("metricList") or []) if n]
    if len(metric_names) > 10:
        raise TuningConfigError(f"metricList may hold at most 10 metrics, got {len(metric_names)}")
    if objective not in metric_names:
        metric_names.insert(0, str(objective))

    pattern = resource.get("metricRegex") or DEFAULT_METRIC_REGEX
    try:
        regex = re.compile(pattern)
    except re.error as e:
        raise TuningConfigError(f"metricRegex is not a valid regular expression: {e}") from None
    if regex.groups < 2:
        raise TuningConfigError("metricRegex needs two groups: group 1 the metric name, group 2 its value")

    objective_type = str(resource.get("objectiveTypeCode") or "").upper()
    if objective_type not in ("MINIMIZE", "MAXIMIZE"):
        raise TuningConfigError(
            f"objectiveTypeCode must be MINIMIZE or MAXIMIZE, got {resource.get('objectiveTypeCode')!r}"
        )
    goal_raw = resource.get("objectiveGoal")
    goal = None if goal_raw in (None, "") else _number(goal_raw, "objectiveGoal")

    strategy = str(resource.get("tuningStrategyName") or "").upper()
    if strategy not in ("GRID", "RANDOM", "BAYESIAN_OPTIMIZATION"):
        raise TuningConfigError(
            f"tuningStrategyName must be GRID, RANDOM or BAYESIAN_OPTIMIZATION, got {resource.get('tuningStrategyName')!r}"
        )
    if strategy == "GRID":
        for s in specs:
            s.grid()  # raises for a DOUBLE without step

    parallel = _opt_int(resource, "parallelTrialCount", 1, 1, MAX_PARALLEL_TRIALS) or 1
    instances = _opt_int(resource, "instanceCount", parallel, 1, MAX_PARALLEL_TRIALS) or parallel
    early = resource.get("earlyStoppingAlgorithm")
    if early not in (None, "") and str(early).upper() != "MEDIAN":
        raise TuningConfigError(f"earlyStoppingAlgorithm must be MEDIAN or absent, got {early!r}")
    return TuningConfig(
        specs=specs,
        metric_names=metric_names,
        regex=regex,
        objective=str(objective),
        maximize=objective_type == "MAXIMIZE",
        goal=goal,
        max_trials=_opt_int(resource, "maxTrialCount", DEFAULT_MAX_TRIAL_COUNT, 1) or DEFAULT_MAX_TRIAL_COUNT,
        max_failed=_opt_int(resource, "maxFailedTrialCount", None, 0),
        parallel=parallel,
        nodes_per_trial=max(1, instances // parallel),
        strategy=strategy,
        seed=_opt_int(resource, "tuningStrategyRandomState", None, 0),
        early_stopping=early not in (None, ""),
        es_min_trials=_opt_int(resource, "earlyStoppingMinTrialCount", 3, 1) or 3,
        es_start_step=_opt_int(resource, "earlyStoppingStartStep", 4, 1) or 4,
    )
