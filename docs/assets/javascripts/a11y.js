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

  function fix() {
    document.querySelectorAll("nav.md-code__nav:not([role])").forEach(function (nav) {
      nav.setAttribute("role", "none");
    });
    document.querySelectorAll(SCROLLERS).forEach(function (region) {
      if (region.scrollWidth > region.clientWidth && !region.hasAttribute("tabindex")) {
        region.tabIndex = 0;
      }
    });
  }

  /* Material and KaTeX add this markup after the page loads, and again after each
     instant navigation; KaTeX's fonts or a resize can make a region overflow. */
  new MutationObserver(fix).observe(document.body, { childList: true, subtree: true });
  window.addEventListener("resize", fix);
  document.fonts.addEventListener("loadingdone", fix);
  fix();
})();
