"""Shared fixtures of the notebook tests: the freshly built Tunebook jar and a live JJava kernel."""
import glob
import os
import pathlib
import time

import pytest
from jupyter_client.manager import start_new_kernel

KERNEL_NAME = os.environ.get("TUNEBOOK_KERNEL_NAME", "java")
ROOT = pathlib.Path(__file__).resolve().parents[4]


@pytest.fixture(scope="session")
def jar():
    """The shaded jar built by `mvn verify` (kernel-ext/target/tunebook-kernel-ext-*-all.jar)."""
    explicit = os.environ.get("TUNEBOOK_KERNEL_JAR")
    if explicit:
        path = pathlib.Path(explicit)
    else:
        found = sorted(glob.glob(str(ROOT / "kernel-ext" / "target" / "tunebook-kernel-ext-*-all.jar")))
        assert found, "no kernel-ext/target/tunebook-kernel-ext-*-all.jar: run mvn -B -ntp verify first"
        path = pathlib.Path(found[-1])
    assert path.is_file(), f"{path} does not exist: run mvn -B -ntp verify first"
    return str(path.resolve())


class Kernel:
    """A JJava kernel driven message by message (jupyter_client), to see every iopub message."""

    def __init__(self, workdir):
        self.km, self.kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=120, cwd=str(workdir))

    def execute(self, code, timeout=120, on_message=None):
        """Runs a cell; returns (reply content, iopub messages of that cell)."""
        msg_id = self.kc.execute(code)
        messages = []
        deadline = time.monotonic() + timeout
        while True:
            msg = self.kc.get_iopub_msg(timeout=max(1, deadline - time.monotonic()))
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            messages.append(msg)
            if on_message:
                on_message(msg)
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        while True:
            reply = self.kc.get_shell_msg(timeout=max(1, deadline - time.monotonic()))
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply["content"], messages

    def value(self, code, timeout=120):
        """The text/plain of a cell's result; fails on an error."""
        reply, messages = self.execute(code, timeout)
        assert reply["status"] == "ok", f"cell failed: {code}\n{reply}\n{streams(messages)}"
        results = [m for m in messages if m["msg_type"] == "execute_result"]
        assert results, f"no result for: {code}\n{streams(messages)}"
        return results[-1]["content"]["data"]["text/plain"]

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


def streams(messages):
    return "".join(m["content"].get("text", "") for m in messages if m["msg_type"] == "stream")


@pytest.fixture(scope="module")
def kernel(jar, tmp_path_factory):
    k = Kernel(tmp_path_factory.mktemp("kernel"))
    try:
        reply, messages = k.execute(f"%classpath {jar}")
        assert reply["status"] == "ok", streams(messages)
        yield k
    finally:
        k.close()
