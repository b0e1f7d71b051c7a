// The create-connection rules as a zod 4 schema.
import { z } from 'zod';
import { isKafkaAddrList, isWellFormed, NAME_PATTERN, noControlChars, noControlCharsInProse, noSurroundingWhitespace, saslCredentialsOk, SECURITY_PROTOCOLS } from './common.mjs';

/** A string UTF-8 can carry. */
const text = () => z.string().refine(isWellFormed, 'must be Unicode text');

const identifier = (max) =>
  text()
    .min(1, 'is required')
    .max(max)
    .refine(noSurroundingWhitespace, 'must not start or end with whitespace')
    .refine(noControlChars, 'must not contain control characters');
const optionalIdentifier = text()
  .refine(noSurroundingWhitespace, 'must not start or end with whitespace')
  .refine(noControlChars, 'must not contain control characters')
  .nullish();
const TYPE = /^(webhook|kafka)$/i;

const kafkaDetail = z
  .strictObject({
    instance_id: identifier(Infinity),
    addr: identifier(Infinity).refine(isKafkaAddrList, 'must be host:port[,host:port...] with ports 1 to 65535'),
    security_protocol: z.enum(SECURITY_PROTOCOLS).nullish(),
    enable_sasl_ssl: z.boolean().nullish(),
    user_name: optionalIdentifier,
    password: text().nullish(),
    acks: z.enum(['0', '1', 'all', '']).nullish(),
    sasl_ssl: z.boolean().nullish(),
    username: optionalIdentifier,
  })
  .refine(saslCredentialsOk, 'user name and password are required when SASL_SSL is enabled; older names must agree');

export const schema = z
  .strictObject({
    name: text()
      .max(128)
      .regex(new RegExp(NAME_PATTERN), 'may contain only letters, digits, ".", "_" and "-", starting with a letter or digit')
      .refine((name) => name !== 'default', 'must not be "default"'),
    description: text().max(255).refine(noControlCharsInProse, 'must not contain control characters').nullish(),
    vpc_id: identifier(128),
    subnet_id: identifier(128),
    type: z.union([text().regex(TYPE, 'must be WEBHOOK or KAFKA'), z.literal('')]).nullish(),
    kafka_detail: kafkaDetail.nullish(),
  })
  .superRefine((request, context) => {
    const type = request.type ? request.type.toUpperCase() : 'WEBHOOK';
    const hasDetail = request.kafka_detail != null;
    if (type === 'KAFKA' && !hasDetail) {
      context.addIssue({ code: 'custom', path: ['kafka_detail'], message: 'is required when the type is KAFKA' });
    }
    if (type === 'WEBHOOK' && hasDetail) {
      context.addIssue({ code: 'custom', path: ['kafka_detail'], message: 'is allowed only when the type is KAFKA' });
    }
  });

export const validate = (input) => schema.safeParse(input).success;
