/*
 * Checked boxes in task lists (the study plans, the final checklist) are kept
 * in this browser's localStorage, one entry per page, keyed by the task text.
 * Nothing leaves the browser.
 */
(function () {
  "use strict";

  var PREFIX = "mle-guide:tasks:";

  /* The task's own text, without the text of any nested list. */
  function taskText(item) {
    var text = "";
    item.childNodes.forEach(function (node) {
      if (node.nodeName !== "UL" && node.nodeName !== "OL") {
        text += node.textContent;
      }
    });
    return text.replace(/\s+/g, " ").trim();
  }

  function read(key) {
    try {
      var saved = JSON.parse(window.localStorage.getItem(key));
      return saved !== null && typeof saved === "object" && !Array.isArray(saved) ? saved : null;
    } catch (error) {
      return null; /* corrupt or unavailable storage: start from the page's defaults */
    }
  }

  function restore() {
    var boxes = document.querySelectorAll("article li.task-list-item input[type=checkbox]");
    if (boxes.length === 0) {
      return;
    }
    var key = PREFIX + window.location.pathname;
    var saved = read(key);
    boxes.forEach(function (box) {
      var text = taskText(box.closest("li.task-list-item"));
      box.disabled = false;
      if (saved !== null && Object.prototype.hasOwnProperty.call(saved, text)) {
        box.checked = saved[text] === true;
      }
      box.addEventListener("change", function () {
        var state = read(key) || {};
        state[text] = box.checked;
        try {
          window.localStorage.setItem(key, JSON.stringify(state));
        } catch (error) {
          /* storage full or blocked: the box still works for this visit */
        }
      });
    });
  }

  /* document$ emits on the first load and after each instant navigation. */
  window.document$.subscribe(restore);
})();
