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

log = logging.getLogger(__name__)
PACKAGE_ROOT = Path(__file__).resolve().parent.parent.parent  # where `newsroom` is found
LIMITS = ("IMAGE_MAX_FILE_SIZE", "IMAGE_MAX_PIXELS")


def check(file, name):
    """uploads.check_upload, decoding a big image in a child process."""
    upload = uploads.check_upload(file, name, decode=False)
    if small(upload):
        return uploads.check_upload(file, name)
    return in_child("check", file, name)


def prepare(file, upload, focal_x, focal_y):
    """The processed upload and its renditions: (content, width, height, (sets, alpha,
    files)), as uploads.process and renditions.renditions make them."""
    if small(upload):
        return _prepare(file, upload, focal_x, focal_y)
    return in_child("prepare", file, upload, focal_x, focal_y)


def rerender(file, kind, focal_x, focal_y):
    """New renditions (sets, alpha, files) of an image we stored."""
    upload = uploads.check_upload(file, f"stored.{uploads.FORMATS[kind][0]}", decode=False)
    if small(upload):
        return _rerender(file, kind, focal_x, focal_y)
    return in_child("rerender", file, kind, focal_x, focal_y)


def small(upload):
    pixels = upload.width * upload.height * upload.frames
    return pixels <= settings.IMAGE_INLINE_MEGAPIXELS * 1_000_000


def _prepare(file, upload, focal_x, focal_y):
    processed = uploads.process(file, upload)
    made = renditions.renditions(processed.first_frame, processed.icc_profile, focal_x, focal_y)
    return processed.content, processed.width, processed.height, made


def _rerender(file, kind, focal_x, focal_y):
    frame, icc, _ = renditions.open_stored(file, kind)
    return renditions.renditions(frame, icc, focal_x, focal_y)


TASKS = {"check": uploads.check_upload, "prepare": _prepare, "rerender": _rerender}


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
