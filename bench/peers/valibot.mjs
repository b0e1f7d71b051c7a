// The create-connection rules as a valibot 1 schema.
import * as v from 'valibot';
import { isKafkaAddrList, isWellFormed, maxCodePoints, NAME_PATTERN, noControlChars, noControlCharsInProse, noSurroundingWhitespace, saslCredentialsOk, SECURITY_PROTOCOLS } from './common.mjs';

/** A string UTF-8 can carry. */
const text = () => v.pipe(v.string(), v.check(isWellFormed, 'must be Unicode text'));

const noWhitespace = v.check(noSurroundingWhitespace, 'must not start or end with whitespace');
const noControls = v.check(noControlChars, 'must not contain control characters');
// valibot's maxLength counts UTF-16 units; the contract counts characters.
const maxChars = (max) => v.check(maxCodePoints(max), `must be at most ${max} characters`);
const identifier = (max) => v.pipe(text(), v.minLength(1, 'is required'), maxChars(max), noWhitespace, noControls);
const optionalIdentifier = v.nullish(v.pipe(text(), noWhitespace, noControls));

const kafkaDetail = v.pipe(
  v.strictObject({
    instance_id: identifier(Infinity),
    addr: v.pipe(identifier(Infinity), v.check(isKafkaAddrList, 'must be host:port[,host:port...] with ports 1 to 65535')),
    security_protocol: v.nullish(v.picklist(SECURITY_PROTOCOLS)),
    enable_sasl_ssl: v.nullish(v.boolean()),
    user_name: optionalIdentifier,
    password: v.nullish(text()),
    acks: v.nullish(v.picklist(['0', '1', 'all', ''])),
    sasl_ssl: v.nullish(v.boolean()),
    username: optionalIdentifier,
  }),
  v.check(saslCredentialsOk, 'user name and password are required when SASL_SSL is enabled; older names must agree'),
);

export const schema = v.pipe(
  v.strictObject({
    name: v.pipe(
      text(),
      maxChars(128),
      v.regex(new RegExp(NAME_PATTERN), 'may contain only letters, digits, ".", "_" and "-", starting with a letter or digit'),
      v.check((name) => name !== 'default', 'must not be "default"'),
    ),
    description: v.nullish(v.pipe(text(), maxChars(255), v.check(noControlCharsInProse, 'must not contain control characters'))),
    vpc_id: identifier(128),
    subnet_id: identifier(128),
    type: v.nullish(v.union([v.pipe(text(), v.regex(/^(webhook|kafka)$/i, 'must be WEBHOOK or KAFKA')), v.literal('')])),
    kafka_detail: v.nullish(kafkaDetail),
  }),
  v.check((request) => {
    const type = request.type ? request.type.toUpperCase() : 'WEBHOOK';
    const hasDetail = request.kafka_detail != null;
    return type === 'KAFKA' ? hasDetail : !hasDetail;
  }, 'kafka_detail is required for KAFKA and allowed only for KAFKA'),
);

export const validate = (input) => v.safeParse(schema, input).success;
