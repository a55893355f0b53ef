// Click the preview of an image to set its focal point; the marker follows the fields.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const box = document.querySelector(".focal-preview");
  const across = document.getElementById("id_focal_x");
  const down = document.getElementById("id_focal_y");
  if (!box || !across || !down) return;
  const marker = box.querySelector(".focal-marker");
  const place = () => {
    marker.style.left = `${Number(across.value) * 100}%`;
    marker.style.top = `${Number(down.value) * 100}%`;
  };
  box.querySelector("img").addEventListener("click", (event) => {
    const rect = event.target.getBoundingClientRect();
    across.value = ((event.clientX - rect.left) / rect.width).toFixed(3);
    down.value = ((event.clientY - rect.top) / rect.height).toFixed(3);
    place();
  });
  across.addEventListener("input", place);
  down.addEventListener("input", place);
  place();
});
