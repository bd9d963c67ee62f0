"""The web console in a real browser (Playwright driving Debian's Chromium) while the quickstart runs against the
same EasyMaker Local: what a user sees after signing in with the token.

Skipped, with the reason, when Playwright or ``/usr/bin/chromium`` is missing (``.ci/run`` installs Chromium with
apt; Playwright's own browser download is not used).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from local_server import REPO, LocalServerHandle

CHROMIUM = os.environ.get("EASYMAKER_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
try:
    from playwright.sync_api import Page, expect, sync_playwright
except ImportError as exc:  # pragma: no cover - depends on the machine
    pytest.skip(f"playwright is not installed ({exc}); pip install playwright", allow_module_level=True)
if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
    pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium", allow_module_level=True)

import easymaker  # noqa: E402

OBS = "obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_consoletest/console"
IMAGE = "Ubuntu 22.04 CPU PyTorch Training"
INSTANCE = "m2.c2m4"
STEPS = 8
# prints one metric line per step, half a second apart: the page must show them while the training runs
STREAM_SCRIPT = f"""
import time
for step in range(1, {STEPS + 1}):
    print(f"step={{step}} loss={{1.0 / step:.4f}} accuracy={{0.5 + step * 0.05:.3f}}", flush=True)
    time.sleep(0.5)
print("done streaming", flush=True)
"""
SLEEP_SCRIPT = "import time\nprint('sleeping', flush=True)\ntime.sleep(300)\n"


@pytest.fixture(scope="module")
def page(local_server_module: LocalServerHandle) -> Iterator[Page]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1360, "height": 900})
        pg = context.new_page()
        pg.set_default_timeout(30_000)
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        yield pg
        browser.close()
        assert not errors, f"script errors in the page: {errors}"


def quickstart_env(local_server_module: LocalServerHandle) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EM_")}
    env.update(
        EM_LOCAL_URL=local_server_module.url,
        EASYMAKER_LOCAL_HOME=str(local_server_module.home),
        EASYMAKER_LOCAL_TOKEN=local_server_module.token,
        PYTHONPATH=f"{REPO}{os.pathsep}{REPO / 'generated'}",
    )
    return env


def run_training(experiment_id: str, name: str, script: str, work: Path) -> Any:
    src = work / name
    src.mkdir()
    (src / "train.py").write_text(script)
    uri = f"{OBS}/{name}/src"
    easymaker.upload(uri, str(src), show_progress=False)
    return easymaker.Training().run(
        experiment_id=experiment_id,
        training_name=name,
        image_name=IMAGE,
        instance_type_name=INSTANCE,
        source_dir_uri=uri,
        entry_point="train.py",
        model_upload_uri=f"{OBS}/{name}/model",
        timeout_hours=1,
        wait=False,
    )


def sign_in(page: Page, local_server_module: LocalServerHandle) -> None:
    page.goto(local_server_module.url + "/")
    token = page.get_by_label("Access token")
    expect(token).to_have_attribute("type", "password")
    token.fill("not-the-token")
    token.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Wrong access token")
    page.get_by_label("Access token").fill(local_server_module.token)
    page.get_by_label("Access token").press("Enter")
    expect(page.get_by_role("heading", name="Experiments")).to_be_visible()
    cookie = next(c for c in page.context.cookies() if c["name"] == "em_console")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert page.evaluate("document.cookie") == ""  # the page's scripts cannot read the session


def test_quickstart_seen_in_the_console(
    local_server_module: LocalServerHandle, local_sdk_module: Any, page: Page, tmp_path: Path
) -> None:
    sign_in(page, local_server_module)
    quickstart = subprocess.Popen(
        [sys.executable, str(REPO / "examples" / "quickstart.py"), "--keep"],
        cwd=REPO,
        env=quickstart_env(local_server_module),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        # the experiment appears (the list is read again on each visit), then its training turns COMPLETE
        deadline = time.monotonic() + 60
        exp_link = page.get_by_role("link", name=re.compile(r"^quickstart-experiment-"))
        while not exp_link.count():
            assert time.monotonic() < deadline, "the quickstart's experiment never appeared"
            page.wait_for_timeout(500)
            page.evaluate("location.hash = '#/x'; location.hash = '#/'")
        exp_link.click()
        row = page.locator("tr", has=page.get_by_role("link", name=re.compile(r"^quickstart-training-")))
        expect(row).to_be_visible(timeout=60_000)
        expect(row.locator(".status")).to_have_attribute("data-status", "COMPLETE", timeout=90_000)
        expect(row).to_contain_text("C=1.0")
        out, _ = quickstart.communicate(timeout=240)
    finally:
        if quickstart.poll() is None:
            quickstart.kill()
            quickstart.wait()
    assert quickstart.returncode == 0, out
    predicted = re.search(r"predict \[6\.0, 3\.4, 4\.5, 1\.6\] -> (\{.*\})", out)
    assert predicted, out

    experiment = easymaker.Experiment().create(experiment_name="console-browser", description="browser test")
    exp_id = experiment.experiment_id
    assert exp_id is not None

    # logs stream: the page shows the first steps while the training still runs, then all of them
    stream = run_training(exp_id, "console-stream", STREAM_SCRIPT, tmp_path)
    page.goto(f"{local_server_module.url}/#/training/local/{stream.training_id}")
    logs = page.get_by_test_id("logs")
    expect(logs).to_contain_text("step=1 ", timeout=60_000)
    seen_partial = "done streaming" not in logs.inner_text()
    expect(logs).to_contain_text("done streaming", timeout=60_000)
    assert seen_partial, "the logs appeared only after the training had ended"
    expect(page.locator(".status").first).to_have_attribute("data-status", "COMPLETE", timeout=30_000)
    # the metric curve has every logged point
    page.get_by_label("Metric").select_option("loss")
    chart = page.get_by_test_id("metric-chart")
    expect(chart).to_have_attribute("data-points", str(STEPS))
    expect(chart).to_have_attribute("aria-label", re.compile(rf"loss: console-stream \({STEPS} points\)"))
    # search in the logs
    page.get_by_label("Search the logs").fill("step=3 ")
    expect(logs.locator("div")).to_have_count(1)
    expect(logs.locator("mark")).to_have_text("step=3 ")

    # the predict box returns the model's answer
    page.goto(f"{local_server_module.url}/#/endpoints")
    page.get_by_role("link", name=re.compile(r"^quickstart-endpoint-")).click()
    page.get_by_label("Request body (JSON)").fill('{"instances": [[6.0, 3.4, 4.5, 1.6]]}')
    page.get_by_role("button", name="Predict").click()
    answer = page.get_by_test_id("predict-answer")
    expect(answer).to_be_visible()
    expected = eval(predicted.group(1), {})  # the quickstart printed the SDK's answer as a Python dict
    assert eval(answer.inner_text().replace("true", "True").replace("false", "False"), {}) == expected
    expect(page.locator(".latency")).to_contain_text(re.compile(r"HTTP 200 · [0-9.]+ ms round trip"))

    # the pipeline graph has its steps, each with the run's status
    page.goto(f"{local_server_module.url}/#/pipelines")
    page.get_by_role("link", name=re.compile(r"^quickstart-pipeline-run-")).click()
    graph = page.get_by_test_id("pipeline-graph")
    expect(graph.locator("g.node")).to_have_count(2)
    expect(graph.locator("g.node[data-step=add]")).to_contain_text("SUCCEEDED")
    expect(graph.locator("g.node[data-step=show]")).to_contain_text("SUCCEEDED")
    expect(graph).to_have_attribute("aria-label", re.compile(r"show \(SUCCEEDED\) after add"))

    # stop, then delete, with confirmation
    sleeper = run_training(exp_id, "console-sleeper", SLEEP_SCRIPT, tmp_path)
    page.goto(f"{local_server_module.url}/#/training/local/{sleeper.training_id}")
    expect(page.get_by_test_id("logs")).to_contain_text("sleeping", timeout=60_000)
    page.get_by_role("button", name="Stop").click()
    page.get_by_role("button", name="Cancel").click()  # the dialog's first choice does nothing
    assert easymaker.Training(sleeper.training_id).training_status_code == "RUNNING"
    page.get_by_role("button", name="Stop").click()
    page.locator("#confirm-ok").click()
    expect(page.locator(".status").first).to_have_attribute("data-status", "STOPPED", timeout=60_000)
    page.get_by_role("button", name="Delete").click()
    page.locator("#confirm-ok").click()
    expect(page.locator("#notice")).to_contain_text("Deleted training console-sleeper")
    expect(page.get_by_role("heading", name="console-browser")).to_be_visible()
    gone = local_server_module.api("local").get(f"/trainings/{sleeper.training_id}")
    assert gone.status_code == 404

    # a refused delete shows the server's reason: the model is served by the endpoint
    page.goto(f"{local_server_module.url}/#/models")
    page.get_by_role("link", name=re.compile(r"^quickstart-model-")).click()
    model_id = page.url.rsplit("/", 1)[1]
    reason = local_server_module.api("local").delete(f"/models/{model_id}")
    assert reason.status_code == 409
    message = reason.json()["header"]["resultMessage"]
    page.get_by_role("button", name="Delete").click()
    page.locator("#confirm-ok").click()
    expect(page.locator("#notice")).to_have_text(f"Delete refused: {message}")


def test_console_link_signs_in_once(local_server_module: LocalServerHandle, page: Page) -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "easymaker.local",
            "console",
            "--home",
            str(local_server_module.home),
            "--port",
            str(local_server_module.port),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=quickstart_env(local_server_module),
        timeout=60,
    )
    link = out.stdout.strip().splitlines()[-1]
    page.context.clear_cookies()
    page.goto(link)
    expect(page.get_by_role("heading", name="Experiments")).to_be_visible()
    page.context.clear_cookies()
    page.goto(link)
    expect(page.get_by_role("alert")).to_contain_text("already used or has expired")


def test_keyboard_only(local_server_module: LocalServerHandle, page: Page) -> None:
    """Sign in and reach an experiment's page with the keyboard alone."""
    made = local_server_module.api("keyboard-ak").post("/experiments", json={"experimentName": "keyboard-experiment"})
    assert made.status_code == 200, made.text
    page.context.clear_cookies()
    page.goto(local_server_module.url + "/")
    expect(page.get_by_label("Access token")).to_be_focused()  # autofocus: no click needed
    page.keyboard.type(local_server_module.token)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Experiments")).to_be_visible()
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent")
        if focused == "keyboard-experiment":
            break
    else:
        pytest.fail("no experiment link reachable with Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="keyboard-experiment")).to_be_visible()


def test_storage_upload_and_download(local_server_module: LocalServerHandle, page: Page, tmp_path: Path) -> None:
    token = local_server_module.client().get("/token/v1.0/appkeys/storage-ak/groups/g/iaas-token")
    swift_token = token.json()["access"]["token"]["id"]
    made = httpx.put(f"{local_server_module.url}/v1/AUTH_browsertenant/box", headers={"X-Auth-Token": swift_token})
    assert made.status_code in (201, 202), made.text
    page.context.clear_cookies()
    sign_in(page, local_server_module)
    page.goto(f"{local_server_module.url}/#/storage")
    page.get_by_role("link", name="box").click()
    sample = tmp_path / "hello.txt"
    sample.write_text("hello from the console\n")
    page.get_by_label("Files to upload").set_input_files(str(sample))
    page.get_by_role("button", name="Upload", exact=True).click()
    expect(page.locator("#notice")).to_contain_text("Uploaded 1 file(s).")
    row = page.locator("tr", has_text="hello.txt")
    expect(row).to_be_visible()
    stored = httpx.get(
        f"{local_server_module.url}/v1/AUTH_browsertenant/box/hello.txt", headers={"X-Auth-Token": swift_token}
    )
    assert stored.text == "hello from the console\n"
    with page.expect_download() as info:
        row.get_by_role("button", name="Download").click()
    target = tmp_path / "downloaded.txt"
    info.value.save_as(target)
    assert target.read_text() == "hello from the console\n"
