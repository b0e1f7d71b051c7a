// The create-connection rules as JSON Schema (draft 2020-12 keywords that
// ajv 8 supports by default), compiled by ajv: `pattern` for the name,
// `if`/`then` for the Kafka part, a format for the address list.
import Ajv from 'ajv';
import { isKafkaAddrList, isWellFormed, NAME_PATTERN, noControlChars, noControlCharsInProse, saslCredentialsOk, SECURITY_PROTOCOLS, WHITESPACE } from './common.mjs';

const NO_SURROUNDING_WHITESPACE = `^(?!${WHITESPACE})[\\s\\S]*(?<!${WHITESPACE})$`;
// `format: 'text'`: no unpaired surrogate (UTF-8 cannot carry one);
// `plain` and `prose` also refuse control characters (`prose` lets line
// breaks through).
const identifier = (maxLength) => ({ type: 'string', minLength: 1, ...(maxLength ? { maxLength } : {}), pattern: NO_SURROUNDING_WHITESPACE, format: 'plain' });
const optionalIdentifier = { type: ['string', 'null'], pattern: NO_SURROUNDING_WHITESPACE, format: 'plain' };
const KAFKA = { type: 'string', pattern: '^[Kk][Aa][Ff][Kk][Aa]$' };
const WEBHOOK_OR_DEFAULT = { anyOf: [{ type: 'null' }, { const: '' }, { type: 'string', pattern: '^[Ww][Ee][Bb][Hh][Oo][Oo][Kk]$' }] };

export const jsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'vpc_id', 'subnet_id'],
  properties: {
    name: { type: 'string', maxLength: 128, pattern: NAME_PATTERN, not: { const: 'default' } },
    description: { type: ['string', 'null'], maxLength: 255, format: 'prose' },
    vpc_id: identifier(128),
    subnet_id: identifier(128),
    type: { anyOf: [WEBHOOK_OR_DEFAULT, KAFKA] },
    kafka_detail: {
      type: ['object', 'null'],
      additionalProperties: false,
      required: ['instance_id', 'addr'],
      properties: {
        instance_id: identifier(),
        addr: { ...identifier(), format: 'kafka-addr-list' },
        security_protocol: { enum: [...SECURITY_PROTOCOLS, null] },
        enable_sasl_ssl: { type: ['boolean', 'null'] },
        user_name: optionalIdentifier,
        password: { type: ['string', 'null'], format: 'text' },
        acks: { enum: ['0', '1', 'all', '', null] },
        sasl_ssl: { type: ['boolean', 'null'] },
        username: optionalIdentifier,
      },
      // SASL credentials under current or older names: a JS keyword, as
      // JSON Schema cannot say "these two agree, null being absent".
      saslCredentials: true,
    },
  },
  allOf: [
    { if: { required: ['type'], properties: { type: KAFKA } }, then: { required: ['kafka_detail'], properties: { kafka_detail: { type: 'object' } } } },
    {
      if: { anyOf: [{ not: { required: ['type'] } }, { properties: { type: WEBHOOK_OR_DEFAULT } }] },
      then: { properties: { kafka_detail: { type: 'null' } } },
    },
  ],
};

export const ajv = new Ajv({
  allErrors: true,
  formats: {
    'kafka-addr-list': isKafkaAddrList,
    text: isWellFormed,
    plain: (value) => isWellFormed(value) && noControlChars(value),
    prose: (value) => isWellFormed(value) && noControlCharsInProse(value),
  },
});
ajv.addKeyword({ keyword: 'saslCredentials', type: 'object', validate: (_, detail) => saslCredentialsOk(detail) });
export const validateSchema = ajv.compile(jsonSchema);
export const validate = (input) => validateSchema(input);
