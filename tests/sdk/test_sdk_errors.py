"""The error hierarchy: the tree drawn in `easymaker._errors`' docstring is the real one, constructors are
keyword-only after the message, the same facts have the same attribute names, and errors survive pickling."""

from __future__ import annotations

import inspect
import pickle
import re

import pytest

import easymaker
from easymaker import _errors


def _drawn_tree() -> dict[str, list[str]]:
    """child class name -> [parent class name, other bases noted "(also X)"], read from the docstring's drawing."""
    parents: dict[str, list[str]] = {}
    stack: list[tuple[int, str]] = []
    doc = _errors.__doc__ or ""
    for line in doc.splitlines():
        name_at = line.find("── ")
        rest = line[name_at + 3 :] if name_at >= 0 else line.strip()
        match = re.match(r"[A-Z]\w+Error\b", rest)
        if not match or (name_at < 0 and rest != line.lstrip()):
            continue
        depth = name_at if name_at >= 0 else 0
        name = match.group(0)
        while stack and stack[-1][0] >= depth:
            stack.pop()
        if stack:
            also = re.findall(r"\(also ([A-Z]\w+Error)\)", line)
            parents[name] = [stack[-1][1], *(n for n in also if n in vars(_errors))]  # SDK classes, not builtins
        stack.append((depth, name))
    return parents


def test_docstring_draws_every_error_class_with_its_real_parent() -> None:
    drawn = _drawn_tree()
    classes = {
        name: cls
        for name, cls in vars(_errors).items()
        if inspect.isclass(cls) and issubclass(cls, easymaker.EasyMakerError) and cls is not easymaker.EasyMakerError
    }
    assert set(drawn) == set(classes), "the drawing and the module disagree on which errors exist"
    for name, cls in classes.items():
        sdk_bases = [b.__name__ for b in cls.__bases__ if issubclass(b, easymaker.EasyMakerError)]
        assert sdk_bases == drawn[name], f"{name}: drawn as {drawn[name]}, derives from {sdk_bases}"


def test_every_error_is_exported() -> None:
    for name in _errors.__all__:
        assert getattr(easymaker, name) is getattr(_errors, name)


@pytest.mark.parametrize(
    "cls",
    [c for c in vars(_errors).values() if inspect.isclass(c) and issubclass(c, easymaker.EasyMakerError)],
)
def test_constructors_take_keywords_after_the_message(cls: type[Exception]) -> None:
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    # NameLookupError keeps (kind, name, valid): its message is built from them
    limit = 3 if cls is easymaker.NameLookupError else 1
    assert len(positional) <= limit, f"{cls.__name__} takes {[p.name for p in positional]} positionally"


def test_connection_errors_are_api_errors_with_the_same_attribute_names() -> None:
    err = easymaker.APITimeoutError("GET u timed out", request_method="GET", request_url="https://h/x")
    assert isinstance(err, easymaker.APIConnectionError) and isinstance(err, easymaker.APIError)
    assert (err.request_method, err.request_url, err.status_code, err.result_code) == ("GET", "https://h/x", None, None)
    predict = easymaker.PredictError("POST s failed", request_method="POST", request_url="https://s/p", status_code=503)
    assert isinstance(predict, easymaker.APIError)
    assert (predict.request_url, predict.url, predict.status_code) == ("https://s/p", "https://s/p", 503)


def test_status_classes() -> None:
    assert _errors.error_class_for(401) is easymaker.AuthenticationError
    assert _errors.error_class_for(403) is easymaker.PermissionDeniedError
    assert not issubclass(easymaker.PermissionDeniedError, easymaker.AuthenticationError)
    assert _errors.error_class_for(404) is easymaker.NotFoundError
    assert _errors.error_class_for(418) is easymaker.BadRequestError
    assert _errors.error_class_for(502) is easymaker.InternalServerError


def test_api_errors_pickle_with_their_facts() -> None:
    err = easymaker.ConflictError(
        request_method="DELETE", request_url="https://h/t/1", status_code=409, result_code=-5, result_message="busy"
    )
    assert str(err) == "DELETE https://h/t/1 failed: HTTP 409 resultCode -5: busy"
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is easymaker.ConflictError and str(back) == str(err)
    assert (back.status_code, back.result_code, back.result_message) == (409, -5, "busy")
