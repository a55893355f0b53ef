"""import_wordpress on a 50,000-post synthetic export: memory stays flat (the file is
streamed, the report is streamed to its file) and the importer's numbers are printed.
No timing assertion: the machine is shared; the memory bound is generous."""

import io
import json
import time
from pathlib import Path

import pytest
from django.core.management import call_command

from newsroom.importers import wordpress
from newsroom.models import Article
from tests import wxr_support as wxr

POSTS = 50_000
PARAGRAPH = "<p>The Wuhu plant adds a line of 3 million compressors a year. 芜湖工厂新增产线。</p>"


def synthetic_export(path, posts=POSTS):
    with open(path, "w", encoding="utf-8") as out:
        head, tail = wxr.export("@@POSTS@@").split("@@POSTS@@")
        out.write(head)
        out.write(wxr.category("news", "News") + wxr.tag("plants", "Plants"))
        for n in range(1, posts + 1):
            body = PARAGRAPH * 6 + f"[caption]Photo {n}[/caption]"
            out.write(wxr.post(n, f"Story {n} 第{n}篇", body, tags=(("plants", "Plants"),)))
        out.write(tail)
    return path


def memory_mb(field):
    """This process's resident memory (VmRSS) or its peak (VmHWM), in MB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no {field}")


def reset_peak():
    # Linux resets the peak (VmHWM) to the current size when "5" is written here.
    Path("/proc/self/clear_refs").write_text("5")


@pytest.mark.django_db
def test_a_50000_post_export_is_read_in_flat_memory_with_its_numbers_printed(tmp_path):
    export = synthetic_export(tmp_path / "big.xml")
    size_mb = export.stat().st_size / 1024 / 1024
    lines = []
    reset_peak()
    before = memory_mb("VmRSS")
    started = time.monotonic()
    _, totals = wordpress.run(
        export, dry_run=True, report_path=tmp_path / "report.json", say=lines.append
    )
    elapsed = time.monotonic() - started
    grown = memory_mb("VmHWM") - before  # the run's peak, above what the process held
    print(
        f"\n{POSTS:,} posts, {size_mb:.0f} MB export, dry run: {elapsed:.1f} s, "
        f"{totals['posts_per_second']:,} posts/s; peak memory {grown:.1f} MB above the start"
    )
    print("\n".join(lines[:3]))
    assert totals["posts"] == {"imported": POSTS}
    assert len(json.loads((tmp_path / "report.json").read_text())["posts"]) == POSTS
    assert grown < size_mb / 2  # far less than the file: it was streamed
    assert lines[0].startswith("… 10% of the file, 5,000 items")  # progress was shown


@pytest.mark.django_db
def test_a_500_post_import_writes_every_article_and_prints_its_rate(tmp_path):
    export = synthetic_export(tmp_path / "small.xml", posts=500)
    out = io.StringIO()
    call_command("import_wordpress", str(export), stdout=out)
    print("\n500 posts written:", out.getvalue().splitlines()[-1])
    assert Article.objects.count() == 500
