// The baseline of the activation benchmark (test/bench/activation.test.ts): an extension that does nothing.
'use strict';

function activate() {}

function deactivate() {}

module.exports = { activate, deactivate };
