/*
 * Math (KaTeX) and diagrams (Mermaid) are served by this site and loaded only
 * on the pages that use them. Both files are copied from the npm registry's
 * packages into assets/vendor/ by `make install`.
 */
(function () {
  "use strict";

  var vendor = new URL("../vendor/", document.currentScript.src);
  var pending = {};
  var sheets = {};

  /* Load a stylesheet or script once; resolve when it has loaded. */
  function load(file) {
    /* Instant navigation drops head elements the next page lacks: put it back. */
    if (sheets[file] && !sheets[file].isConnected) {
      document.head.appendChild(sheets[file]);
    }
    if (!pending[file]) {
      pending[file] = new Promise(function (resolve, reject) {
        var url = new URL(file, vendor).href;
        var el;
        if (file.endsWith(".css")) {
          el = document.createElement("link");
          el.rel = "stylesheet";
          el.href = url;
          sheets[file] = el;
        } else {
          el = document.createElement("script");
          el.src = url;
        }
        el.onload = resolve;
        el.onerror = function () {
          reject(new Error("Could not load " + url));
        };
        document.head.appendChild(el);
      });
    }
    return pending[file];
  }

  /*
   * Material renders Mermaid fences with a global `mermaid` if one exists and
   * fetches the library from a CDN otherwise. This stand-in keeps the library
   * on our host: it loads it the first time a page asks for a diagram, then
   * hands over to it.
   */
  var mermaidConfig = {};
  window.mermaid = {
    initialize: function (config) {
      mermaidConfig = config;
    },
    render: function (id, text) {
      return load("mermaid/mermaid.min.js").then(function () {
        window.mermaid.initialize(mermaidConfig);
        return window.mermaid.render(id, text);
      });
    }
  };

  /* Typeset the math that pymdownx.arithmatex marked on this page, if any. */
  function typeset() {
    var blocks = document.querySelectorAll(".arithmatex");
    if (blocks.length === 0) {
      return;
    }
    Promise.all([load("katex/katex.min.css"), load("katex/katex.min.js")])
      .then(function () {
        return load("katex/contrib/auto-render.min.js");
      })
      .then(function () {
        blocks.forEach(function (block) {
          window.renderMathInElement(block, {
            delimiters: [
              { left: "\\(", right: "\\)", display: false },
              { left: "\\[", right: "\\]", display: true }
            ]
          });
        });
      });
  }

  /* document$ emits on the first load and after each instant navigation. */
  window.document$.subscribe(typeset);
})();
