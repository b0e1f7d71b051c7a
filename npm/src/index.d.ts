// Hand-written types for eg-connections (checked by `tsc --strict` in the tests).

export * from './limits.js';

/** A language the messages are available in. Unknown tags fall back to English. */
export type Locale = 'en' | 'zh-CN';

/** Options every validator takes. */
export interface ValidateOptions {
  /** Language of `message`; default `"en"`. */
  locale?: Locale;
}

/** Options of the Kafka SASL credential validators. */
export interface CredentialOptions extends ValidateOptions {
  /** Whether SASL_SSL is on (then the credential is required); default false. */
  enableSaslSsl?: boolean;
}

/** Options of the RocketMQ ACL credential validators. */
export interface AclCredentialOptions extends ValidateOptions {
  /** Whether ACL is on (then the credential is required); default false. */
  enableAcl?: boolean;
}

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

/** What `validate*Connection` returns, in the shape zod's and valibot's `safeParse` use. */
export type ValidationResult<T> = { success: true; value: T } | { success: false; issues: Issue[] };

/** Kafka producer acknowledgements: none, the leader, or all in-sync replicas. */
export type Acks = '0' | '1' | 'all';

/** `kafka_detail` of a normalized KAFKA request. */
export interface KafkaConnectionDetail {
  instance_id: string;
  /** `host:port[,host:port...]`. */
  addr: string;
  security_protocol?: string;
  enable_sasl_ssl: boolean;
  user_name?: string;
  password?: string;
  acks: Acks;
}

/** `rocketmq_detail` of a normalized ROCKETMQ request (and of an update). */
export interface RocketmqConnectionDetail {
  instance_id: string;
  /** Name servers, `host:port` separated by `;` (or `,`). */
  addr: string;
  use_tls: boolean;
  enable_acl: boolean;
  /** Present when ACL is on. */
  user_name?: string;
  password?: string;
}

interface ConnectionRequestBase {
  name: string;
  description?: string;
  vpc_id: string;
  subnet_id: string;
}

/** A normalized WEBHOOK request: the exact body to send. */
export interface WebhookConnectionRequest extends ConnectionRequestBase {
  type: 'WEBHOOK';
}

/** A normalized KAFKA request: the exact body to send. */
export interface KafkaConnectionRequest extends ConnectionRequestBase {
  type: 'KAFKA';
  kafka_detail: KafkaConnectionDetail;
}

/** A normalized ROCKETMQ request: the exact body to send. */
export interface RocketmqConnectionRequest extends ConnectionRequestBase {
  type: 'ROCKETMQ';
  rocketmq_detail: RocketmqConnectionDetail;
}

/** The normalized body of `POST /v1/{project_id}/connections`. */
export type CreateConnectionRequest = WebhookConnectionRequest | KafkaConnectionRequest | RocketmqConnectionRequest;

/** What a caller may pass as `rocketmq_detail`. */
export interface RocketmqDetailInput {
  instance_id: string;
  addr: string;
  use_tls?: boolean | null;
  enable_acl?: boolean | null;
  user_name?: string | null;
  password?: string | null;
}

/** What a caller may pass in (type in either case, defaults left out). */
export interface CreateConnectionInput {
  name: string;
  description?: string | null;
  vpc_id: string;
  subnet_id: string;
  type?: 'WEBHOOK' | 'KAFKA' | 'ROCKETMQ' | 'webhook' | 'kafka' | 'rocketmq' | null;
  kafka_detail?: {
    instance_id: string;
    addr: string;
    security_protocol?: string | null;
    enable_sasl_ssl?: boolean | null;
    user_name?: string | null;
    password?: string | null;
    acks?: Acks | null;
    /** Older name of `enable_sasl_ssl` (Terraform sends it); must agree if both are given. */
    sasl_ssl?: boolean | null;
    /** Older name of `user_name` (Terraform sends it); must agree if both are given. */
    username?: string | null;
  } | null;
  rocketmq_detail?: RocketmqDetailInput | null;
}

/**
 * The normalized body of `PUT /v1/{project_id}/connections/{connection_id}`:
 * what is absent stays as it is on the server.
 */
export interface UpdateConnectionRequest {
  /** `""` clears the description. */
  description?: string;
  /** New SASL credentials of a KAFKA connection (both, replacing the pair). */
  kafka_detail?: { user_name: string; password: string };
  /** New settings of a ROCKETMQ connection (the whole detail). */
  rocketmq_detail?: RocketmqConnectionDetail;
}

/** What a caller may pass to `validateUpdateConnection`. */
export interface UpdateConnectionInput {
  description?: string | null;
  kafka_detail?: { user_name: string; password: string; username?: string | null } | null;
  rocketmq_detail?: RocketmqDetailInput | null;
}

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

/** Per-field validators for live form feedback: `[]` when valid. */
export declare function validateName(value: unknown, options?: ValidateOptions): Issue[];
export declare function validateDescription(value: unknown, options?: ValidateOptions): Issue[];
export declare function validateVpcId(value: unknown, options?: ValidateOptions): Issue[];
export declare function validateSubnetId(value: unknown, options?: ValidateOptions): Issue[];
export declare function validateType(value: unknown, options?: ValidateOptions): Issue[];
export declare function validateInstanceId(value: unknown, options?: ValidateOptions): Issue[];
export declare function validateAddr(value: unknown, options?: ValidateOptions): Issue[];
export declare function validateSecurityProtocol(value: unknown, options?: ValidateOptions): Issue[];
export declare function validateUserName(value: unknown, options?: CredentialOptions): Issue[];
export declare function validatePassword(value: unknown, options?: CredentialOptions): Issue[];
export declare function validateAcks(value: unknown, options?: ValidateOptions): Issue[];
export declare function validateRocketmqInstanceId(value: unknown, options?: ValidateOptions): Issue[];
export declare function validateRocketmqAddr(value: unknown, options?: ValidateOptions): Issue[];
export declare function validateRocketmqUserName(value: unknown, options?: AclCredentialOptions): Issue[];
export declare function validateRocketmqPassword(value: unknown, options?: AclCredentialOptions): Issue[];

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

/** This package's `~standard` props: `validate` is synchronous and its issues carry `code`. */
export interface ConnectionSchemaProps extends StandardSchemaV1.Props<CreateConnectionInput, CreateConnectionRequest> {
  readonly vendor: 'eg-connections';
  readonly validate: (value: unknown) => { value: CreateConnectionRequest; issues?: undefined } | { issues: Issue[] };
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
 * Loads the wasm. Required once in browsers and bundlers before validating
 * (the `.wasm` is fetched next to the module unless given); a no-op in Node.
 */
export declare function init(moduleOrPath?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<void>;

/** Loads the wasm synchronously from its bytes or module; a no-op in Node. */
export declare function initSync(module: BufferSource | WebAssembly.Module): void;
