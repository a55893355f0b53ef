"""Where images are decoded: big ones in a short-lived child process, never in the worker.

Decoding and resizing take memory in proportion to the pixels: a 48-megapixel animated GIF
needs some 300 MB while it is processed, and a web worker that once grew that far stays that
large (the allocator keeps what it freed for later). So an image of more than
IMAGE_INLINE_MEGAPIXELS (frames counted) is checked, processed and resized in a fresh
Python process that exits when it is done, giving all of it back; the worker only reads the
header and handles the bytes in and out. The child may use at most IMAGE_PROCESS_MEMORY_MB
of address space: beyond it, the upload is refused with a message naming the limit.
Small images, the common case in tests and the demo, are done in the worker, where their
cost is small and a process start (a third of a second) would be most of it.

The child gets the file's bytes and the limits on stdin and answers a pickle on stdout; it
reads no settings module, so it needs nothing from the deployment but this package.
"""

import logging
import os
import pickle
import resource
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from newsroom.core import renditions, uploads
from newsroom.core import rights as photo_rights

log = logging.getLogger(__name__)
PACKAGE_ROOT = Path(__file__).resolve().parent.parent.parent  # where `newsroom` is found
LIMITS = ("IMAGE_MAX_FILE_SIZE", "IMAGE_MAX_PIXELS")


def check(file, name):
    """uploads.check_upload, decoding a big image in a child process."""
    upload = uploads.check_upload(file, name, decode=False)
    if small(upload):
        return uploads.check_upload(file, name)
    return in_child("check", file, name)


def prepare(file, upload, focal_x, focal_y, rights):
    """The processed upload and its renditions: (content, width, height, (sets, alpha,
    files), rights), as uploads.process and renditions.renditions make them; `rights` are
    the editor's, blanks filled from the upload's own metadata."""
    if small(upload):
        return _prepare(file, upload, focal_x, focal_y, rights)
    return in_child("prepare", file, upload, focal_x, focal_y, rights)


def rerender(file, kind, focal_x, focal_y, rights):
    """New renditions (sets, alpha, files) of an image we stored."""
    upload = stored(file, kind)
    if small(upload):
        return _rerender(file, kind, focal_x, focal_y, rights)
    return in_child("rerender", file, kind, focal_x, focal_y, rights)


def rewrite(file, kind, rights):
    """The bytes of a stored original carrying `rights` instead of what it had: a JPEG's
    metadata segments are replaced without decoding it; other kinds are encoded again."""
    if kind == "JPEG":
        file.seek(0)
        return photo_rights.rewrite_jpeg(file.read(), rights)
    if small(stored(file, kind)):
        return _rewrite(file, kind, rights)
    return in_child("rewrite", file, kind, rights)


def stored(file, kind):
    return uploads.check_upload(file, f"stored.{uploads.FORMATS[kind][0]}", decode=False)


def small(upload):
    pixels = upload.width * upload.height * upload.frames
    return pixels <= settings.IMAGE_INLINE_MEGAPIXELS * 1_000_000


def _prepare(file, upload, focal_x, focal_y, rights):
    processed = uploads.process(file, upload, rights)
    frame, icc = processed.first_frame, processed.icc_profile
    made = renditions.renditions(frame, icc, focal_x, focal_y, processed.rights)
    return processed.content, processed.width, processed.height, made, processed.rights


def _rerender(file, kind, focal_x, focal_y, rights):
    frame, icc, _ = renditions.open_stored(file, kind)
    return renditions.renditions(frame, icc, focal_x, focal_y, rights)


def _rewrite(file, kind, rights):
    upload = uploads.check_upload(file, f"stored.{uploads.FORMATS[kind][0]}")
    return uploads.process(file, upload, rights, prefill=False).content


TASKS = {
    "check": uploads.check_upload,
    "prepare": _prepare,
    "rerender": _rerender,
    "rewrite": _rewrite,
}


def too_much_memory():
    return (
        "This image needs more memory to process than the server allows "
        f"({settings.IMAGE_PROCESS_MEMORY_MB} MB). Reduce its size or its number of frames "
        "and upload it again."
    )


def in_child(task, file, *args):
    """Runs TASKS[task](file, *args) in a new Python process and returns its result; a
    ValidationError there is raised here, with its message and code."""
    file.seek(0)
    data = file.read()
    file.seek(0)
    limits = {name: getattr(settings, name) for name in (*LIMITS, "IMAGE_PROCESS_MEMORY_MB")}
    path = os.pathsep.join(filter(None, [str(PACKAGE_ROOT), os.environ.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-m", "newsroom.core.imaging"],
        input=pickle.dumps((task, data, args, limits)),
        capture_output=True,
        env={**os.environ, "PYTHONPATH": path},
        check=False,
    )
    if result.returncode == 0:
        status, *answer = pickle.loads(result.stdout)
        if status == "ok":
            return answer[0]
        raise ValidationError(answer[0], code=answer[1])
    # Killed (the kernel's out-of-memory killer) or crashed: the image is what it could not
    # take; what went wrong goes to the log.
    log.error("Image processing failed (%s):\n%s", result.returncode, result.stderr.decode())
    raise ValidationError(too_much_memory(), code="too_much_memory")


def child():
    """The child process: one task from stdin, its answer to stdout, then exit."""
    task, data, args, limits = pickle.load(sys.stdin.buffer)
    answer_to, sys.stdout = sys.stdout.buffer, sys.stderr  # nothing else may write there
    settings.configure(**limits)
    budget = limits["IMAGE_PROCESS_MEMORY_MB"] * 1024 * 1024
    if budget:
        resource.setrlimit(resource.RLIMIT_AS, (budget, budget))
    try:
        answer = ("ok", TASKS[task](ContentFile(data, name="upload"), *args))
    except ValidationError as error:
        answer = ("refused", error.messages[0], error.code)
    except MemoryError:
        answer = ("refused", too_much_memory(), "too_much_memory")
    pickle.dump(answer, answer_to)


if __name__ == "__main__":
    child()
