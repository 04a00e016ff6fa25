// The `vscode` module's top-level names, read from @types/vscode: declarations indented once
// inside `declare module 'vscode'`. The build binds them once; the activation benchmark's stand-in
// for the module has the same names.
const fs = require('fs');
const path = require('path');

exports.vscodeApiNames = (repo) => {
  const dts = fs.readFileSync(path.join(repo, 'node_modules/@types/vscode/index.d.ts'), 'utf8');
  return [...new Set([...dts.matchAll(/^(?:\t| {4})export (?:class|namespace|enum|function|const|let) (\w+)/gm)].map((m) => m[1]))];
};
