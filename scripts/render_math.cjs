// Typesets TeX with the pinned KaTeX (node_modules) for overrides/hooks/typeset_math.py.
// Protocol: each line on stdin is a JSON array of [tex, displayMode] pairs; the answer
// is one JSON line with, for each pair, {"html": ...} or {"error": ...}.
"use strict";
const katex = require("katex");
const readline = require("readline");

function typeset([tex, displayMode]) {
  try {
    return { html: katex.renderToString(tex, { displayMode, throwOnError: true, output: "htmlAndMathml" }) };
  } catch (error) {
    return { error: String(error.message || error) };
  }
}

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  process.stdout.write(JSON.stringify(JSON.parse(line).map(typeset)) + "\n");
});
