'use strict';
// Node.js entry (CommonJS). The wasm is read synchronously when this module
// loads, so `init()` is not needed here; it exists so code runs unchanged in
// browsers and Node.
const wasm = require('./eg_connections_node.cjs');
const { createStandardSchema } = require('./standard.cjs');

Object.assign(exports, require('./limits.cjs'));

exports.init = async function init() {};
exports.initSync = function initSync() {};

exports.validateCreateConnection = wasm.validateCreateConnection;
exports.validateUpdateConnection = wasm.validateUpdateConnection;
exports.validateName = wasm.validateName;
exports.validateDescription = wasm.validateDescription;
exports.validateVpcId = wasm.validateVpcId;
exports.validateSubnetId = wasm.validateSubnetId;
exports.validateType = wasm.validateType;
exports.validateInstanceId = wasm.validateInstanceId;
exports.validateAddr = wasm.validateAddr;
exports.validateSecurityProtocol = wasm.validateSecurityProtocol;
exports.validateUserName = wasm.validateUserName;
exports.validatePassword = wasm.validatePassword;
exports.validateAcks = wasm.validateAcks;

exports.connectionSchema = function connectionSchema(options) {
  return createStandardSchema((value) => wasm.validateCreateConnection(value, options));
};
exports.createConnectionSchema = exports.connectionSchema();
