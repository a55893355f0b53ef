"use strict";
// Accessible names that widgets built by script in Django's admin lack: the select2
// boxes of autocomplete fields and the rich-text editor take the text of their field's
// label, and the tabular inlines' unlabelled columns get a hidden header. Applied again
// whenever the page changes, so inline rows added later are named too.
{
    const labelOf = (control) => {
        const label = control.id && document.querySelector(`label[for="${CSS.escape(control.id)}"]`);
        const text = control.getAttribute("aria-label") || (label ? label.textContent : "");
        return text.replace(/:\s*$/, "").trim();
    };

    const name = () => {
        for (const select of document.querySelectorAll("select.admin-autocomplete")) {
            const box = select.nextElementSibling;
            if (!box || !box.classList.contains("select2")) continue;
            for (const part of box.querySelectorAll(".select2-selection, .select2-selection__rendered")) {
                if (!part.hasAttribute("aria-label")) part.setAttribute("aria-label", labelOf(select));
            }
            // A multiple choice (Subjects): its typing box, and the clear button select2
            // puts among the chosen items of its list.
            for (const field of box.querySelectorAll(".select2-search__field")) {
                if (!field.hasAttribute("aria-label")) field.setAttribute("aria-label", labelOf(select));
            }
            for (const clear of box.querySelectorAll("ul > .select2-selection__clear")) {
                if (!clear.hasAttribute("role")) clear.setAttribute("role", "listitem");
            }
        }
        for (const editor of document.querySelectorAll(".prose-editor")) {
            const textarea = editor.querySelector("textarea");
            const surface = editor.querySelector("[contenteditable]");
            if (textarea && surface && !surface.hasAttribute("aria-label")) {
                surface.setAttribute("aria-label", labelOf(textarea));
            }
        }
        for (const header of document.querySelectorAll(".tabular thead th")) {
            if (!header.textContent.trim()) {
                const text = document.createElement("span");
                text.className = "visually-hidden";
                text.textContent = header.classList.contains("original") ? "Record" : "Actions";
                header.append(text);
            }
        }
    };

    document.addEventListener("DOMContentLoaded", () => {
        name();
        new MutationObserver(name).observe(document.body, {childList: true, subtree: true});
    });
}
