#!/usr/bin/env python3
"""Formats e2e/target/e2e-preview-metrics.json (PreviewUpdateTest with -De2e.preview.bench=true)
as the preview's figures: the broken releases' answers to production under load with the preview
off (the post-swap check alone) and on, and the time the preview adds to a good update."""
import json
import sys

m = json.load(open(sys.argv[1]))


def row(name):
    return m.get(name, {})


def ans(name):
    r = row(name)
    return "%s of %s" % (r.get("answered_by_broken_release", "?"), r.get("requests", "?"))


out = []
out.append("| release under load (4 threads on the production URL) | preview off (post-swap check only) | preview on (nginx link) | ratio on/off |")
out.append("|---|---|---|---|")
for label, off, on in [
        ("cannot boot (PHP fatal in the HTTP kernel)", "cannot_boot_1.7.5_preview_off", "cannot_boot_1.7.1_preview_link"),
        ("breaks only once `current`", "breaks_after_swap_1.7.6_preview_off", "breaks_after_swap_1.7.2_preview_link")]:
    a, b = row(off).get("answered_by_broken_release"), row(on).get("answered_by_broken_release")
    ratio = "%.2f" % (b / a) if a and b is not None else ("0 (none on)" if b == 0 else "-")
    out.append("| %s: requests answered by the broken release | %s | %s | %s |" % (label, ans(off), ans(on), ratio))
    out.append("| %s: run ended | %s | %s | |" % (label, row(off).get("end_state"), row(on).get("end_state")))
out.append("")
out.append("| good update (1.5.0's files, no migration) | preview off | preview on: nginx link | preview on: php -S |")
out.append("|---|---|---|---|")
good = ["good_update_preview_off_1.7.7", "good_update_preview-link_1.7.8", "good_update_preview-command_1.7.9"]
for key, label in [("preview_ms", "preview_health step (ms)"), ("run_ms", "run, first step to last (ms)"),
                   ("process_ms", "thingyan process (ms)")]:
    vals = [row(g).get(key, "?") for g in good]
    out.append("| %s | %s | %s | %s |" % (label, *vals))
base = row(good[0]).get("run_ms")
if base:
    out.append("| run ratio to preview off | 1.00 | %s | %s |" % tuple(
        "%.2f" % (row(g).get("run_ms", 0) / base) for g in good[1:]))
print("\n".join(out))
