// Types for eg-connections (checked by `tsc --strict` and attw in the
// tests). The request types and the per-field validators follow from the
// Rust field table and are generated into fields.d.ts; this file holds the rest.

import type {
  CreateConnectionInput,
  CreateConnectionRequest,
  KafkaCredentialOptions,
  RocketmqCredentialOptions,
  UpdateConnectionRequest,
} from './fields.js';

export * from './limits.js';
export * from './fields.js';

/** A language the messages are available in. Unknown tags fall back to English. */
export type Locale = 'en' | 'zh-CN';

/** Options every validator takes. */
export interface ValidateOptions {
  /** Language of `message`; default `"en"`. */
  locale?: Locale;
}

/** @deprecated Use `KafkaCredentialOptions`. */
export type CredentialOptions = KafkaCredentialOptions;

/** @deprecated Use `RocketmqCredentialOptions`. */
export type AclCredentialOptions = RocketmqCredentialOptions;

/** Stable, machine-readable issue codes. */
export type IssueCode =
  | 'required'
  | 'invalid_type'
  | 'too_big'
  | 'invalid_format'
  | 'invalid_value'
  | 'not_allowed'
  | 'unrecognized_keys';

/** One problem with one field. */
export interface Issue {
  /** Property path of the field, e.g. `["kafka_detail", "addr"]`; `[]` for the whole object. */
  path: string[];
  code: IssueCode;
  /** A sentence for people, in the requested locale. */
  message: string;
}

/**
 * What `validate*Connection` returns: this package's own shape, close to
 * the Standard Schema's result (zod's `safeParse` returns `data`/`error`,
 * valibot's `output`/`issues`).
 */
export type ValidationResult<T> = { success: true; value: T } | { success: false; issues: Issue[] };

/** Kafka producer acknowledgements: none, the leader, or all in-sync replicas. */
export type Acks = '0' | '1' | 'all';

/** Validates any value as a create request; never throws once initialized. */
export declare function validateCreateConnection(
  input: unknown,
  options?: ValidateOptions,
): ValidationResult<CreateConnectionRequest>;

/** Validates any value as an update request (description, Kafka credentials, RocketMQ settings). */
export declare function validateUpdateConnection(
  input: unknown,
  options?: ValidateOptions,
): ValidationResult<UpdateConnectionRequest>;

/** The Standard Schema v1 interface (https://standardschema.dev), as the spec defines it. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}

export declare namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
  interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
}

/** What this package's `~standard.validate` gives: the value, or issues that carry their `code`. */
export type ConnectionSchemaResult = { value: CreateConnectionRequest; issues?: undefined } | { issues: Issue[] };

/**
 * This package's `~standard` props. `validate` answers synchronously once
 * the wasm is loaded (always in Node, Deno, Bun and Workers), and with a
 * Promise while it loads, as the Standard Schema allows.
 */
export interface ConnectionSchemaProps extends StandardSchemaV1.Props<CreateConnectionInput, CreateConnectionRequest> {
  readonly vendor: 'eg-connections';
  readonly validate: (value: unknown) => ConnectionSchemaResult | Promise<ConnectionSchemaResult>;
}

/** A Standard Schema v1 for create requests. */
export interface ConnectionSchema extends StandardSchemaV1<CreateConnectionInput, CreateConnectionRequest> {
  readonly '~standard': ConnectionSchemaProps;
}

/** A Standard Schema for create requests with messages in `options.locale`. */
export declare function connectionSchema(options?: ValidateOptions): ConnectionSchema;

/** The Standard Schema for create requests (English messages). */
export declare const createConnectionSchema: ConnectionSchema;

/**
 * Loads the wasm, once: browser entries start loading when imported, and
 * `await init()` waits for it before validating synchronously (the
 * Standard Schema waits by itself). Given a URL, `Response`, bytes or
 * module, loads that instead of the entry's own. Resolves at once when the
 * wasm is already loaded (always in Node, Deno, Bun and Workers); never
 * throws for being called twice or after `initSync`.
 */
export declare function init(moduleOrPath?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<void>;

/**
 * Loads the wasm synchronously from its bytes or module (browsers allow
 * compiling bytes synchronously only off the main thread or for small
 * modules: prefer a `WebAssembly.Module`). Does nothing when already loaded.
 */
export declare function initSync(module: BufferSource | WebAssembly.Module): void;
