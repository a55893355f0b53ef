"use strict";
// The reading of an amount as it is typed, shown beside the "as stated" input before the
// form is saved, so that "5 billion" read as 50 billion is caught by eye. The server reads
// it (projects/admin/amounts.py), so the browser and the saved figure never disagree.
// Delegated from the document, so inline rows added later are read too.
{
    const timers = new WeakMap();

    const outputFor = (input) => {
        let output = input.parentElement.querySelector("output.amount-reading");
        if (!output) {
            output = document.createElement("output");
            output.className = "amount-reading";
            output.setAttribute("aria-live", "polite");
            if (input.id) output.htmlFor = input.id;
            input.insertAdjacentElement("afterend", output);
        }
        return output;
    };

    const show = async (input) => {
        const output = outputFor(input);
        const text = input.value.trim();
        output.classList.remove("amount-error");
        if (!text) {
            output.textContent = "";
            return;
        }
        const url = new URL(input.dataset.readingUrl, window.location.href);
        url.searchParams.set("text", text);
        url.searchParams.set("kind", input.dataset.amountKind);
        try {
            const response = await fetch(url, { headers: { Accept: "application/json" } });
            const body = await response.json();
            if (input.value.trim() !== text) return; // typed on since; a newer reading follows
            output.textContent = body.reading ? `Reads as: ${body.reading}` : body.error;
            output.classList.toggle("amount-error", !body.reading);
        } catch {
            output.textContent = ""; // the reading shows after saving instead
        }
    };

    document.addEventListener("input", (event) => {
        const input = event.target;
        if (!(input instanceof HTMLInputElement) || !input.dataset.amountKind || !input.dataset.readingUrl) return;
        clearTimeout(timers.get(input));
        timers.set(input, setTimeout(() => show(input), 300));
    });
}
