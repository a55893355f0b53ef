"""An illustration for the demo, drawn with Pillow (the demo ships no photograph)."""

import io

from PIL import Image, ImageDraw, ImageFont

SIZE = (960, 540)


def draw():
    """A factory under a blue sky, with a sawtooth roof and a chimney, as JPEG bytes."""
    width, height = SIZE
    picture = Image.new("RGB", SIZE)
    pen = ImageDraw.Draw(picture)
    for y in range(height):  # sky: deep blue at the top, paler at the horizon
        shade = y / height
        pen.line([(0, y), (width, y)], fill=(40 + int(120 * shade), 110 + int(100 * shade), 200))
    pen.rectangle([0, 400, width, height], fill=(96, 140, 72))  # grass
    pen.rectangle([144, 264, 816, 416], fill=(225, 228, 232))  # hall
    for left in range(144, 816, 96):  # sawtooth roof
        pen.polygon([(left, 264), (left + 96, 264), (left + 96, 216)], fill=(180, 186, 194))
    for left in range(184, 784, 120):  # windows
        pen.rectangle([left, 304, left + 64, 352], fill=(70, 110, 160))
    pen.rectangle([704, 120, 744, 264], fill=(160, 60, 50))  # chimney
    pen.rectangle([432, 352, 528, 416], fill=(90, 90, 100))  # gate
    font = ImageFont.load_default(size=24)
    pen.text((20, height - 40), "Illustration", fill=(255, 255, 255), font=font)
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=85)
    return out.getvalue()
