'use strict';
// Node.js entry (CommonJS). The wasm is read synchronously when this module
// loads, so `init()` is not needed here; it exists so code runs unchanged in
// browsers and Node.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const core = require('./core.cjs');
const { createStandardSchema } = require('./standard.cjs');

core.attach(core.instantiateSync(readFileSync(join(__dirname, 'eg_connections_bg.wasm'))));
Object.assign(exports, require('./fields.cjs'), require('./limits.cjs'));

exports.init = async function init() {};
exports.initSync = function initSync() {};

exports.connectionSchema = function connectionSchema(options) {
  return createStandardSchema((value) => core.validateCreateConnection(value, options));
};
exports.createConnectionSchema = exports.connectionSchema();
