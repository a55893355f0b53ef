"""A big accepted image costs the web process almost no memory: it is decoded and resized
in a short-lived child process, whose memory is bounded and returned when it exits."""

import subprocess
import sys

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as Pillow

from newsroom.models import Image
from tests.servers import ROOT, environment

# An editor's upload as the admin handles it: the form's checks, then the save.
# The peak is the kernel's VmHWM: getrusage's ru_maxrss would start at this test process's
# own peak, which Linux carries over into a program it starts.
MEASURE = """
import sys, django
django.setup()
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from newsroom.models import Image
from tests import pictures

def peak():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))

call_command("migrate", verbosity=0)
pictures.image()  # a small picture first, so that what is measured is the big one's cost
data = open(sys.argv[1], "rb").read()
before = peak()
image = Image(file=SimpleUploadedFile("big.gif", data), title="Big", alt_text="Big.")
image.full_clean()
image.save()
after = peak()
print(image.width, image.height, before, after)
"""


def animated_gif(path, size=(4000, 4000), frames=3):
    """A 48-megapixel animation (3 frames of 16 megapixels) of 9 MB, under every limit:
    coarse noise, so it compresses as a real picture does and no frame repeats another."""
    pictures = [
        Pillow.effect_noise((size[0] // 16, size[1] // 16), 60 + 10 * n)
        .resize(size, Pillow.Resampling.NEAREST)
        .convert("P")
        for n in range(frames)
    ]
    pictures[0].save(path, "GIF", save_all=True, append_images=pictures[1:], duration=100)
    return path


@pytest.fixture(scope="module")
def big_gif(tmp_path_factory):
    return animated_gif(tmp_path_factory.mktemp("gif") / "big.gif")


def test_accepting_a_48_megapixel_animated_gif_grows_the_web_process_by_under_50_mb(
    tmp_path, big_gif
):
    """Measured in a fresh process, where the peak memory is this upload's alone; before
    images were processed out of the worker it grew by 159 MB; now by 27 MB, the bytes of
    the upload and of what is stored, passing through."""
    env = environment(
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        DJANGO_SETTINGS_MODULE="newsroom.settings",
    )
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(big_gif)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    width, height, before, after = (int(n) for n in result.stdout.split())
    assert (width, height) == (4000, 4000)
    grew = (after - before) // 1024
    assert grew < 50, f"peak memory grew by {grew} MB"


@pytest.mark.django_db
def test_an_image_needing_more_than_the_memory_limit_is_refused_naming_the_limit(settings, big_gif):
    settings.IMAGE_PROCESS_MEMORY_MB = 150  # it needs over 200 MB
    image = Image(
        file=SimpleUploadedFile("big.gif", big_gif.read_bytes()), title="Big", alt_text="Big."
    )
    with pytest.raises(ValidationError) as refused:
        image.full_clean()
    assert refused.value.message_dict["file"] == [
        "This image needs more memory to process than the server allows (150 MB). "
        "Reduce its size or its number of frames and upload it again."
    ]


@pytest.mark.django_db
def test_refusals_found_while_decoding_in_the_child_reach_the_form(settings, big_gif):
    settings.IMAGE_INLINE_MEGAPIXELS = 0  # every image goes to a child process
    damaged = big_gif.read_bytes()[: 2 * 1024 * 1024]
    image = Image(file=SimpleUploadedFile("cut.gif", damaged), title="Cut", alt_text="Cut.")
    with pytest.raises(ValidationError) as refused:
        image.full_clean()
    assert "This file is damaged or incomplete" in refused.value.message_dict["file"][0]


def test_the_limits_of_processing_are_read_from_the_environment():
    show = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.IMAGE_INLINE_MEGAPIXELS, s.IMAGE_PROCESS_MEMORY_MB)"
    )

    def read(**variables):
        own = {"IMAGE_INLINE_MEGAPIXELS", "IMAGE_PROCESS_MEMORY_MB"}
        env = {k: v for k, v in environment().items() if k not in own}
        env |= {**variables, "DJANGO_SETTINGS_MODULE": "newsroom.settings"}
        run = subprocess.run(
            [sys.executable, "-c", show], cwd=ROOT, env=env, capture_output=True, text=True
        )
        return run.stdout.strip() or run.stderr

    assert read() == "2 2048"
    assert read(IMAGE_INLINE_MEGAPIXELS="0", IMAGE_PROCESS_MEMORY_MB="512") == "0 512"
    assert "IMAGE_PROCESS_MEMORY_MB must be an integer" in read(IMAGE_PROCESS_MEMORY_MB="1g")
