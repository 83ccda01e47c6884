/*
 * Accessibility fixes to markup that Material's own script adds to the page, so
 * they cannot be made in a template:
 * - each code block's copy button sits in an unnamed <nav>, so a page with several
 *   code blocks has several landmarks with the same empty name: a button next to
 *   its code block needs no landmark, so the <nav> is made a plain container;
 * - wide tables and display formulas scroll sideways, which keyboard users cannot
 *   do unless the scrolling region can take focus: make each one that overflows
 *   focusable.
 */
(function () {
  "use strict";

  var SCROLLERS = ".md-typeset__scrollwrap, .md-typeset div.arithmatex";

  /* A ResizeObserver reports sizes after the browser's own layout, and again when
     fonts or the window change them, so reading them here forces no extra layout. */
  var sizes = new ResizeObserver(function (entries) {
    /* Read every size first: a write in between would make the next read lay out again. */
    entries
      .map(function (entry) {
        return entry.target;
      })
      .filter(function (region) {
        return region.scrollWidth > region.clientWidth && !region.hasAttribute("tabindex");
      })
      .forEach(function (region) {
        region.tabIndex = 0;
      });
  });
  var watched = new WeakSet();

  function fix() {
    document.querySelectorAll("nav.md-code__nav:not([role])").forEach(function (nav) {
      nav.setAttribute("role", "none");
    });
    document.querySelectorAll(SCROLLERS).forEach(function (region) {
      if (!watched.has(region)) {
        watched.add(region);
        sizes.observe(region);
      }
    });
  }

  /* Material adds this markup after the page loads, and again after each instant
     navigation. */
  new MutationObserver(fix).observe(document.body, { childList: true, subtree: true });
  fix();

  /* KaTeX's fonts can widen a formula without resizing its box, which the observer
     would not report: look at every region again once they have loaded. */
  document.fonts.addEventListener("loadingdone", function () {
    document.querySelectorAll(SCROLLERS).forEach(function (region) {
      sizes.unobserve(region);
      sizes.observe(region);
    });
  });
})();
