"""``python -m easymaker`` / ``easymaker``: list what an EasyMaker account (or EasyMaker Local) holds.

The flags are those of the user's guide, single-dash long flags included::

    python -m easymaker --region kr1 --appkey EM_APPKEY --access_token EM_ACCESS_TOKEN -instance
    python -m easymaker --profile local -experiment -training
    python -m easymaker --profile local --output json -model

Several section flags print several sections, in the order of the guide. Credentials come from the flags, else
from the ``EM_*`` environment variables; in the local profile they are optional. ``python -m easymaker logs
<job id> [-f]`` prints (or follows) the output of a job run by EasyMaker Local; ``python -m easymaker experiment
compare <experiment id> --sort val_loss`` prints an experiment's runs side by side.

The command is a thin face over the SDK: every section is listed by a public resource class (`SECTIONS` maps
each flag to ``easymaker.Training.get_list``, ``easymaker.Training.get_image_list``...; the flags of the resource
kinds come from the spec's registry, ``easymaker_api.kinds``), the runs table is
``Experiment.get_run_table`` and followed logs are ``resource_logs``; nothing here builds an API URL or reads a
payload key. The one exception is ``logs <job id>`` without ``-f``/``--source``/``--offset``: it reads EasyMaker
Local's admin endpoint (``/admin/jobs/<id>/logs``, stdout and stderr apart), which no SDK call covers.

Exit status: 0 on success, 1 when the API cannot be reached or refuses the request (one line on stderr, no
traceback), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx
from easymaker_api.kinds import KINDS, ResourceKind

import easymaker
from easymaker._client import Client

if TYPE_CHECKING:
    from easymaker.items import Algorithm, Image, InstanceType
    from easymaker.resources.record import Record

__all__ = ["SECTIONS", "Section", "build_parser", "main"]

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


@dataclass(frozen=True)
class Section:
    """One listing: the guide's flag, its title, the resource class method that lists it, how to print an item."""

    flag: str
    title: str
    items: Callable[[Client], Sequence[Record]]
    columns: tuple[tuple[str, Callable[[Any], Any]], ...]


def _shown(value: Any) -> Any:
    """An empty string prints as a missing value."""
    return None if value == "" else value


def _gpu(item: InstanceType) -> Any:
    if item.gpu_count:
        return item.gpu_count
    return 0 if item.gpu_flavor in (False, None) else "yes"


def _framework(item: Image) -> Any:
    return " ".join(str(v) for v in (item.framework_code, item.framework_version) if v) or None


def _training_images(item: Algorithm) -> Any:
    """The names of the algorithm's CPU and GPU training images (their ids where the image list lacks them)."""
    names: list[Any] = [
        getattr(item, f"{kind}_training_image_name") or getattr(item, f"{kind}_training_image_id")
        for kind in ("cpu", "gpu")
    ]
    listed = item.get("availableTrainingImageList")  # not in the spec: sent by some service versions
    if isinstance(listed, list):
        names += [str(i.get("imageName") or i.get("name") or i) if isinstance(i, dict) else str(i) for i in listed]
    return ", ".join(dict.fromkeys(str(n) for n in names if n)) or None


_STANDARD: tuple[tuple[str, Callable[[Any], Any]], ...] = (
    ("NAME", lambda r: _shown(r.name)),
    ("ID", lambda r: _shown(r.id)),
    ("STATUS", lambda r: _shown(r.status)),
    ("CREATED", lambda r: _shown(r.get("createdDatetime"))),
)


def _listing(kind: ResourceKind) -> Section:
    """The section listing a kind of the spec's registry (`easymaker_api.kinds`) with its resource class."""

    def items(client: Client) -> Sequence[Record]:
        from easymaker.resources.base import resource_class

        return resource_class(kind.class_name).get_list(client=client)

    assert kind.cli_flag is not None
    return Section(kind.cli_flag, kind.plural, items, _STANDARD)


# flag -> title, the public class (method) that lists it, and the columns of its table; printed in this order.
SECTIONS: tuple[Section, ...] = (
    Section(
        "instance",
        "Instance types",
        lambda client: easymaker.Training.get_instance_type_list(client=client),
        (
            ("NAME", lambda r: _shown(r.name)),
            ("ID", lambda r: _shown(r.id)),
            ("VCPUS", lambda r: _shown(r.vcpus)),
            ("RAM (MiB)", lambda r: _shown(r.ram)),
            ("GPU", _gpu),
        ),
    ),
    Section(
        "image",
        "Training images",
        lambda client: easymaker.Training.get_image_list(client=client),
        (
            ("NAME", lambda r: _shown(r.image_name)),
            ("ID", lambda r: _shown(r.image_id)),
            ("CORE", lambda r: _shown(r.core_type_code)),
            ("FRAMEWORK", _framework),
            ("PYTHON", lambda r: _shown(r.python_version)),
        ),
    ),
    Section(
        "algorithm",
        "NHN Cloud algorithms",
        lambda client: easymaker.Training.get_algorithm_list(client=client),
        (
            ("NAME", lambda r: _shown(r.algorithm_name)),
            ("ID", lambda r: _shown(r.algorithm_id)),
            ("AVAILABLE TRAINING IMAGES", _training_images),
        ),
    ),
    # then every kind the registry gives a CLI flag, in the registry's order
    *(_listing(kind) for kind in KINDS if kind.cli_flag),
)


class CliError(Exception):
    """A failure reported as one line on stderr."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m easymaker",
        description="List the instance types, images, algorithms and resources of an AI EasyMaker account "
        "(or of EasyMaker Local with --profile local).",
        epilog="Credentials default to EM_APPKEY, EM_REGION, EM_ACCESS_TOKEN (or EM_TOKEN) and EM_PROFILE. "
        "'python -m easymaker logs <job id>' prints a job's output from EasyMaker Local; "
        "'easymaker sample list|download' copies the sample notebooks.",
    )
    parser.add_argument("--version", action="version", version=f"easymaker {easymaker.__version__}")
    parser.add_argument("--region", help="region, e.g. kr1 (default: EM_REGION or kr1)")
    parser.add_argument("--appkey", help="EasyMaker appkey (default: EM_APPKEY; 'local' in the local profile)")
    parser.add_argument(
        "--access_token", "--access-token", dest="access_token", help="access token (default: EM_ACCESS_TOKEN)"
    )
    parser.add_argument("--profile", help="'local' for EasyMaker Local; another name selects that environment")
    parser.add_argument("--api_url", "--api-url", dest="api_url", help="full API base URL (default: EM_API_URL)")
    parser.add_argument("--output", choices=("table", "json"), default="table", help="output format")
    group = parser.add_argument_group("sections (any number, printed in this order)")
    for section in SECTIONS:
        group.add_argument(f"-{section.flag}", action="store_true", help=f"list: {section.title}")
    return parser


def _build_client(args: argparse.Namespace) -> Client:
    return Client(
        appkey=args.appkey,
        region=args.region,
        access_token=args.access_token,
        profile=args.profile,
        api_url=args.api_url,
        max_retries=1,
    )


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


def _describe(exc: BaseException, base_url: str) -> str:
    """A one-line explanation of a failure that names the URL and the cause."""
    status = getattr(exc, "status_code", None)
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, httpx.ConnectError):
            reason = "connection refused" if "refused" in str(cause).lower() else _one_line(cause)
            hint = ""
            if base_url.startswith("http://127.0.0.1") or base_url.startswith("http://localhost"):
                hint = " (is EasyMaker Local running? start it with `easymaker-local` or `--profile local`)"
            return f"cannot connect to {base_url}: {reason}{hint}"
        if isinstance(cause, httpx.TimeoutException):
            return f"{base_url} did not answer in time ({type(cause).__name__})"
        cause = cause.__cause__ or cause.__context__
    if status in (401, 403):
        message = getattr(exc, "result_message", None) or "invalid or expired access token"
        return f"{status} {'Unauthorized' if status == 401 else 'Forbidden'} from {base_url}: {message}"
    return _one_line(exc)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return " ".join(str(value).split())


def format_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return "\n".join(lines)


def _print_section(section: Section, items: Sequence[Record], first: bool) -> None:
    if not first:
        print()  # noqa: T201
    print(f"{section.title} ({len(items)})")  # noqa: T201
    if not items:
        print(f"  (no {section.title.lower()})")  # noqa: T201
        return
    headers = [name for name, _ in section.columns]
    rows = [[_cell(get(item)) for _, get in section.columns] for item in items]
    print(format_table(headers, rows))  # noqa: T201


def _run_sections(args: argparse.Namespace, chosen: list[Section]) -> int:
    client = _build_client(args)
    base_url = client.base_url
    try:
        if args.output == "json":
            out = {section.flag: [item.to_dict() for item in section.items(client)] for section in chosen}
            print(json.dumps(out, ensure_ascii=False, indent=2))  # noqa: T201
            return EXIT_OK
        for n, section in enumerate(chosen):
            _print_section(section, section.items(client), first=n == 0)
        return EXIT_OK
    except CliError:
        raise
    except Exception as exc:
        raise CliError(_describe(exc, base_url)) from exc
    finally:
        client.close()


def _run_logs(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m easymaker logs",
        description="Print the captured output of a job (training, tuning trial, batch inference, ...) "
        "run by EasyMaker Local.",
    )
    parser.add_argument("job_id", help="the training (or other job) id")
    parser.add_argument(
        "-f",
        "--follow",
        action="store_true",
        help="print lines as the job writes them, until it reaches a final status",
    )
    parser.add_argument("--source", help="a trial id (tuning), a step name (pipeline run) or a model worker")
    parser.add_argument("--offset", type=int, default=0, help="the byte offset to start at (with -f or --source)")
    _add_connection_flags(parser, profile_help="only 'local' serves job logs")
    args = parser.parse_args(argv)
    client = _build_client(args)
    base_url = client.base_url
    try:
        if args.follow or args.source or args.offset:
            return _print_followed(client, args)
        if not client.config.local:
            raise CliError("logs reads EasyMaker Local's admin endpoint: use --profile local (or EM_PROFILE=local)")
        http = client.api.get_httpx_client()
        response = http.get(f"/admin/jobs/{args.job_id}/logs")
        try:
            document = response.json()
        except ValueError:
            document = response.text
        sys.stdout.write(_logs_text(document))
        return EXIT_OK
    except CliError:
        raise
    except Exception as exc:
        raise CliError(_describe(exc, base_url)) from exc
    finally:
        client.close()


def _add_connection_flags(parser: argparse.ArgumentParser, profile_help: str) -> None:
    parser.add_argument("--profile", default="local", help=profile_help)
    parser.add_argument("--appkey")
    parser.add_argument("--access_token", "--access-token", dest="access_token")
    parser.add_argument("--api_url", "--api-url", dest="api_url")
    parser.add_argument("--region")


def _print_followed(client: Client, args: argparse.Namespace) -> int:
    from easymaker.resources.observe import resource_logs

    lines = resource_logs(
        client, args.job_id, "job", follow=bool(args.follow), source=args.source, offset=max(args.offset, 0)
    )
    for line in lines:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()
    return EXIT_OK


def _run_experiment(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m easymaker experiment",
        description="'compare <experiment id>': the experiment's trainings and trials side by side (status, "
        "hyperparameters, final metrics, duration, model).",
    )
    parser.add_argument("action", choices=["compare"])
    parser.add_argument("experiment_id")
    parser.add_argument("--sort", help="order by this column, e.g. a metric such as val_loss (smallest first)")
    parser.add_argument("--desc", action="store_true", help="largest first")
    parser.add_argument("--output", choices=["table", "json"], default="table")
    _add_connection_flags(parser, profile_help="local (default) or a region's service")
    args = parser.parse_args(argv)
    client = _build_client(args)
    base_url = client.base_url
    try:
        from easymaker.resources.experiment import Experiment

        experiment = Experiment(args.experiment_id, client=client)
        rows = experiment.get_run_table(args.sort, ascending=not args.desc, as_dataframe=False)
        if args.output == "json":
            print(json.dumps(rows, ensure_ascii=False, indent=2, default=str))  # noqa: T201
            return EXIT_OK
        print(f"Runs of experiment {experiment.name or args.experiment_id} ({len(rows)})")  # noqa: T201
        if not rows:
            print("  (no trainings or tunings)")  # noqa: T201
            return EXIT_OK
        headers = list(rows[0])
        print(format_table(headers, [[_cell(row.get(h)) for h in headers] for row in rows]))  # noqa: T201
        return EXIT_OK
    except CliError:
        raise
    except KeyError as exc:
        raise CliError(str(exc.args[0]) if exc.args else str(exc)) from exc
    except Exception as exc:
        raise CliError(_describe(exc, base_url)) from exc
    finally:
        client.close()


def _logs_text(document: Any) -> str:
    """The text to print for the admin endpoint's answer: the job's stdout, then its stderr under a rule."""
    if not isinstance(document, dict):
        return _with_newline(str(document))
    logs = document.get("jobLogs", document)
    if not isinstance(logs, dict):
        return _with_newline(str(logs))
    out = _with_newline(str(logs.get("stdout") or ""))
    err = str(logs.get("stderr") or "")
    if err.strip():
        out += "--- stderr ---\n" + _with_newline(err)
    if not out:
        status = logs.get("status")
        out = f"(no output captured for job {logs.get('jobId', '')}{f', status {status}' if status else ''})\n"
    return out


def _run_sample(argv: list[str]) -> int:
    """``easymaker sample list`` and ``easymaker sample download (--name N | --all) [-o DIR] [--overwrite]``."""
    parser = argparse.ArgumentParser(prog="easymaker sample", description="The sample notebooks of the SDK.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="list the sample notebooks")
    download = commands.add_parser("download", help="copy sample notebooks (with their companion files)")
    which = download.add_mutually_exclusive_group(required=True)
    which.add_argument("--name", help="the notebook to copy, as listed (e.g. endpoint, training/training_iris)")
    which.add_argument("--all", dest="download_all", action="store_true", help="copy every sample notebook")
    download.add_argument("-o", "--output-dir", "--output_dir", dest="output_dir", default=".", help="target folder")
    download.add_argument("--overwrite", action="store_true", help="replace files that exist")
    args = parser.parse_args(argv)

    from easymaker.sample import download_sample_notebook, list_sample_notebooks

    if args.command == "list":
        names = list_sample_notebooks()
        print(f"Sample notebooks ({len(names)})")  # noqa: T201
        for name in names:
            print(f"  {name}")  # noqa: T201
        return EXIT_OK
    try:
        written = download_sample_notebook(
            name=None if args.download_all else args.name, output_dir=args.output_dir, overwrite=args.overwrite
        )
    except OSError as exc:
        raise CliError(str(exc)) from exc
    for path in written:
        print(f"Downloaded: {path}")  # noqa: T201
    if not written:
        print("Nothing downloaded: the files exist (--overwrite replaces them).")  # noqa: T201
    return EXIT_OK


def _with_newline(text: str) -> str:
    return text if not text or text.endswith("\n") else text + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list and args_list[0] == "logs":
            return _run_logs(args_list[1:])
        if args_list and args_list[0] == "sample":
            return _run_sample(args_list[1:])
        if args_list and args_list[0] == "experiment":
            return _run_experiment(args_list[1:])
        parser = build_parser()
        args = parser.parse_args(args_list)
        chosen = [s for s in SECTIONS if getattr(args, s.flag)]
        if not chosen:
            parser.print_usage(sys.stderr)
            flags = " ".join(f"-{s.flag}" for s in SECTIONS)
            print(f"{parser.prog}: error: nothing to list; pass one or more of {flags}", file=sys.stderr)  # noqa: T201
            return EXIT_USAGE
        return _run_sections(args, chosen)
    except CliError as exc:
        print(f"error: {exc}", file=sys.stderr)  # noqa: T201
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # configuration errors and anything unexpected: one line, no traceback
        print(f"error: {_one_line(exc)}", file=sys.stderr)  # noqa: T201
        return EXIT_FAILURE


from easymaker.cli import cli as cli  # noqa: E402 - the 2.1.x submodule easymaker.cli.cli (needs main above)

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
