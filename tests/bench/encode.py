"""Encode time of one image's renditions per format: `python -m tests.bench.encode`.

A 4000 × 3000 photo-like picture (gradients and noise, which compress like a photo, unlike
a flat test card) is resized to every rendition width and card, and each is encoded as
AVIF, WebP and JPEG as newsroom.core.renditions does when an image is saved. The times are
the best of three rounds, in seconds per image, elapsed and of CPU (all threads: the one to
read on a busy machine); `make bench-images` prints them.
"""

import os
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("SECRET_KEY", "bench")
django.setup()

from PIL import Image as Pillow  # noqa: E402

from newsroom.core import renditions  # noqa: E402
from newsroom.core.rights import Rights  # noqa: E402

RIGHTS = Rights("Zhang Wei", "AUX Group / Zhang Wei", "© 2024 AUX Group", "https://example.com/")


def photo(size=(4000, 3000)):
    noise = Pillow.effect_noise(size, 40).convert("RGB")
    gradient = Pillow.linear_gradient("L").resize(size).convert("RGB")
    return Pillow.blend(noise, gradient, 0.6)


def sizes(width, height):
    full = [(w, round(height * w / width)) for w in renditions.widths_for(width, renditions.WIDTHS)]
    cards = [(w, round(w / renditions.CARD_RATIO)) for w in renditions.CARD_WIDTHS]
    return full + cards


def main():
    picture = photo()
    resized = [picture.resize(size, Pillow.Resampling.LANCZOS) for size in sizes(*picture.size)]
    print(f"{len(resized)} renditions of a {picture.width} × {picture.height} photo")
    print("| Format | Seconds per image | CPU seconds per image | KB per image |")
    print("|---|--:|--:|--:|")
    for kind in ("avif", "webp", "jpg"):
        elapsed = cpu = float("inf")
        for _ in range(3):
            start, start_cpu = time.perf_counter(), time.process_time()
            size = sum(len(renditions.encode(image, kind, RIGHTS)) for image in resized)
            elapsed = min(elapsed, time.perf_counter() - start)
            cpu = min(cpu, time.process_time() - start_cpu)
        print(f"| {kind} | {elapsed:.2f} | {cpu:.2f} | {size // 1024} |")


if __name__ == "__main__":
    main()
