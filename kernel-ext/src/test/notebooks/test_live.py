"""Live progress and the stop button, message by message on a real JJava kernel (jupyter_client)."""
import re
import threading
import time

from conftest import streams


def progress_messages(messages):
    shown = [m for m in messages if m["msg_type"] == "display_data"
             and "tunebook-progress" in m["content"]["data"].get("text/html", "")]
    updates = [m for m in messages if m["msg_type"] == "update_display_data"]
    return shown, updates


def test_progress_display_is_updated_in_place_and_throttled(kernel):
    # 60 trials of ~25 ms: about 1.5 s, so a 0.5 s throttle allows a few updates, not 60
    started = time.monotonic()
    reply, messages = kernel.execute("""
import org.tunebook.study.*;
System.setProperty("tunebook.progress.final-chart", "always");
Study live = Study.builder("live").minimize().create();
live.optimize(t -> { double x = t.suggestFloat("x", -1, 1); Thread.sleep(25); return x * x; }, 60);
System.clearProperty("tunebook.progress.final-chart");
""")
    took = time.monotonic() - started
    assert reply["status"] == "ok", streams(messages)
    shown, updates = progress_messages(messages)
    assert len(shown) == 1, "one progress display"
    display_id = shown[0]["content"]["transient"]["display_id"]
    assert updates, "the progress display was updated"
    assert all(u["content"]["transient"]["display_id"] == display_id for u in updates)
    assert 2 <= len(updates) <= 8, f"{len(updates)} updates in {took:.1f}s: throttled to ~2 per second plus the final state"
    final = updates[-1]["content"]["data"]
    assert "done" in final["text/html"] and "60 / 60 trials" in final["text/html"]
    assert "image/png" in final and "best" in final["text/plain"]
    first = shown[0]["content"]["data"]["text/html"]
    assert "0 / 60 trials" in first and "running" in first
    print(f"\n[live progress] 60 trials in {took:.2f}s: 1 display + {len(updates)} update_display_data")


def interrupt_running_study(kernel, name, objective):
    """Runs a 1000-trial study, presses the stop button once progress shows, returns what the study kept."""
    seen_update = threading.Event()

    def watch(msg):
        if msg["msg_type"] == "update_display_data":
            seen_update.set()

    def interrupt_when_running():
        seen_update.wait(30)
        time.sleep(0.5)
        kernel.km.interrupt_kernel()

    interrupter = threading.Thread(target=interrupt_when_running)
    interrupter.start()
    started = time.monotonic()
    reply, messages = kernel.execute(f"""
import org.tunebook.study.*;
Study {name} = Study.builder("{name}").minimize().create();
{name}.optimize(t -> {{ double x = t.suggestFloat("x", -1, 1); {objective} return x * x; }}, 1000);
""", on_message=watch)
    interrupter.join()
    took = time.monotonic() - started
    assert reply["status"] == "error", "the interrupted cell ends with an error"
    assert "interrupt" in (reply.get("ename", "") + reply.get("evalue", "")).lower(), reply
    assert took < 30, f"the cell returned {took:.1f}s after start: the interrupt did not end it"

    # the study stopped by itself: its trial count does not grow any more
    first = int(kernel.value(f"{name}.trials().size()"))
    time.sleep(1.0)
    counts = kernel.value(f"{name}.trials().size() + \" \" + {name}.describeCounts()")
    total = int(counts.split(" ", 1)[0])
    assert total == first, f"the study kept running after the interrupt: {first} then {counts}"
    complete = int(re.search(r"(\d+) COMPLETE", counts).group(1))
    assert 3 <= complete < 1000, counts
    failed = re.search(r"(\d+) FAIL", counts)
    assert failed is None or failed.group(1) == "1", f"at most the running trial fails: {counts}"
    if failed:
        reason = kernel.value(f"{name}.trials(java.util.EnumSet.of(TrialState.FAIL)).get(0).failReason()")
        # a trial in sleep() fails as interrupted; one writing output when the interrupt lands gets JJava's
        # own output error, ZMQException: Errno 4 (EINTR), from System.out
        assert "interrupt" in reason.lower() or "Errno 4" in reason, reason
    # the kernel is usable and the finished trials are there for %trials
    table = kernel.execute(f"%trials {name} --sort value --top 3")[1]
    html = [m for m in table if m["msg_type"] == "execute_result"][0]["content"]["data"]["text/html"]
    assert html.split("<tbody>", 1)[1].count("<tr>") == 3
    return took, counts


def test_interrupt_stops_the_study_and_fails_the_running_trial(kernel):
    took, counts = interrupt_running_study(kernel, "sleepy", "Thread.sleep(100);")
    print(f"\n[interrupt, sleeping objective] cell ended {took:.2f}s after start; study kept {counts}")


def test_interrupt_stops_a_study_whose_objective_prints_and_ignores_interrupts(kernel):
    # printing goes through the kernel's output path, which clears the thread's interrupt flag; the
    # busy loop never looks at it: the study must still stop after the current trial
    took, counts = interrupt_running_study(kernel, "chatty",
        "long end = System.nanoTime() + 80_000_000L, next = 0; double s = 0; "
        "while (System.nanoTime() < end) { s += Math.sqrt(end - System.nanoTime()); "
        "if (System.nanoTime() > next) { System.out.println(\"trial \" + t.number() + \" working\"); next = System.nanoTime() + 5_000_000L; } }")
    print(f"\n[interrupt, printing busy objective] cell ended {took:.2f}s after start; study kept {counts}")
