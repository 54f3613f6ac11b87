// The article page's reading panel: a click (or Enter) on a marked mention opens a menu to confirm
// or reject it, or to open its entity. Status changes are POSTed to the mention admin's status
// URL and shown in place, without reloading the page.
(function () {
  "use strict";
  let menu = null;

  function close() {
    if (menu) {
      menu.remove();
      menu = null;
    }
    document.querySelectorAll("mark.mention.open").forEach((mark) => mark.classList.remove("open"));
  }

  function button(label, onClick, name) {
    const element = document.createElement("button");
    element.type = "button";
    element.className = "button";
    element.textContent = label;
    element.name = name;
    element.addEventListener("click", onClick);
    return element;
  }

  async function setStatus(mark, status, panel) {
    const body = new FormData();
    body.append("status", status);
    const response = await fetch(mark.dataset.statusUrl, {
      method: "POST",
      body,
      headers: { "X-CSRFToken": panel.dataset.csrf },
      credentials: "same-origin",
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(answer.error || `The server answered ${response.status}.`);
    }
    mark.classList.remove("status-automatic", "status-confirmed", "status-rejected");
    mark.classList.add(`status-${answer.status}`);
    mark.dataset.status = answer.status;
    mark.title = `${mark.dataset.entity}, ${answer.status}`;
  }

  function open(mark, panel) {
    close();
    mark.classList.add("open");
    menu = document.createElement("div");
    menu.className = "mention-menu";
    menu.setAttribute("role", "dialog");
    menu.setAttribute("aria-label", `Mention of ${mark.dataset.entity}`);
    const name = document.createElement("strong");
    name.textContent = mark.dataset.entity;
    const meta = document.createElement("div");
    meta.className = "meta";
    meta.textContent = `“${mark.textContent}” · ${mark.dataset.status}`;
    const actions = document.createElement("div");
    actions.className = "actions";
    const error = document.createElement("div");
    error.className = "error";
    if (panel.dataset.canChange === "1") {
      for (const [label, status] of [["Confirm", "confirmed"], ["Reject", "rejected"]]) {
        actions.append(button(label, async () => {
          try {
            await setStatus(mark, status, panel);
            close();
            mark.focus();
          } catch (failure) {
            error.textContent = failure.message;
          }
        }, status));
      }
    }
    const entity = document.createElement("a");
    entity.className = "button";
    entity.href = mark.dataset.entityUrl;
    entity.textContent = "Open entity";
    actions.append(entity);
    menu.append(name, meta, actions, error);
    document.body.append(menu);
    const box = mark.getBoundingClientRect();
    menu.style.left = `${window.scrollX + box.left}px`;
    menu.style.top = `${window.scrollY + box.bottom + 6}px`;
    (menu.querySelector("button") || entity).focus();
  }

  document.addEventListener("DOMContentLoaded", () => {
    const panel = document.querySelector(".reading-body");
    if (!panel) {
      return;
    }
    panel.addEventListener("click", (event) => {
      const mark = event.target.closest("mark.mention");
      if (mark) {
        open(mark, panel);
        event.stopPropagation();
      }
    });
    panel.addEventListener("keydown", (event) => {
      const mark = event.target.closest("mark.mention");
      if (mark && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        open(mark, panel);
      }
    });
    document.addEventListener("click", (event) => {
      if (menu && !menu.contains(event.target)) {
        close();
      }
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        close();
      }
    });
  });
})();
