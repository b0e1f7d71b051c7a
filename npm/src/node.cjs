'use strict';
// Node.js entry (CommonJS; Deno and Bun take it too). The wasm is read and
// instantiated synchronously when this module loads: every validator
// answers at once, and `init()`/`initSync()` are no-ops kept so code runs
// unchanged in browsers and Node.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const core = require('./core.cjs');
const { createStandardSchema } = require('./standard.cjs');

core.attach(core.instantiateSync(readFileSync(join(__dirname, 'eg_connections_bg.wasm'))));
Object.assign(exports, require('./fields.cjs'), require('./limits.cjs'));

exports.init = async function init() {};
exports.initSync = function initSync() {};

const loaded = () => true;
exports.connectionSchema = function connectionSchema(options) {
  return createStandardSchema((value) => core.validateCreateConnection(value, options), loaded, loaded);
};
exports.createConnectionSchema = exports.connectionSchema();
