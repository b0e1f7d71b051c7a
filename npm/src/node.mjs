// Node.js entry (ESM): the CommonJS build, re-exported by name, so `import`
// and `require` share one wasm instance.
import api from './node.cjs';

export const {
  init,
  initSync,
  validateCreateConnection,
  validateUpdateConnection,
  validateName,
  validateDescription,
  validateVpcId,
  validateSubnetId,
  validateType,
  validateInstanceId,
  validateAddr,
  validateSecurityProtocol,
  validateUserName,
  validatePassword,
  validateAcks,
  validateRocketmqInstanceId,
  validateRocketmqAddr,
  validateRocketmqUserName,
  validateRocketmqPassword,
  connectionSchema,
  createConnectionSchema,
  NAME_MAX_LENGTH,
  DESCRIPTION_MAX_LENGTH,
  VPC_ID_MAX_LENGTH,
  SUBNET_ID_MAX_LENGTH,
  ROCKETMQ_INSTANCE_ID_MAX_LENGTH,
  PORT_MIN,
  PORT_MAX,
} = api;
