// Compiled with `tsc --noEmit --strict`: the types are exact, not `any`.
import {
  validateCreateConnection,
  validateName,
  createConnectionSchema,
  connectionSchema,
  NAME_MAX_LENGTH,
  type CreateConnectionRequest,
  type Issue,
  type IssueCode,
  type KafkaConnectionDetail,
  type RocketmqConnectionDetail,
  type UpdateConnectionRequest,
  validateUpdateConnection,
  validateRocketmqPassword,
  type StandardSchemaV1,
  type ValidationResult,
} from 'eg-connections';

const result: ValidationResult<CreateConnectionRequest> = validateCreateConnection({ name: 'n' }, { locale: 'zh-CN' });
if (result.success) {
  const request: CreateConnectionRequest = result.value;
  if (request.type === 'ROCKETMQ') {
    const detail: RocketmqConnectionDetail = request.rocketmq_detail;
    const acl: boolean = detail.enable_acl;
    void acl;
  } else if (request.type === 'KAFKA') {
    // Narrowed by the discriminant: kafka_detail is present.
    const detail: KafkaConnectionDetail = request.kafka_detail;
    const acks: '0' | '1' | 'all' = detail.acks;
    void acks;
  } else {
    // @ts-expect-error a WEBHOOK request has no kafka_detail
    void request.kafka_detail;
  }
} else {
  const first: Issue = result.issues[0];
  const code: IssueCode = first.code;
  const path: string[] = first.path;
  void code;
  void path;
}

// @ts-expect-error the locale is a closed set
validateName('x', { locale: 'fr' });

const max: 128 = NAME_MAX_LENGTH;
void max;

// The schema satisfies the Standard Schema v1 interface, with inferable types.
const schema: StandardSchemaV1<unknown, CreateConnectionRequest> = createConnectionSchema;
type Output = NonNullable<(typeof createConnectionSchema)['~standard']['types']>['output'];
const output: Output | undefined = undefined as CreateConnectionRequest | undefined;
void output;
// `validate` gives a Promise while the wasm loads (browsers), a result after.
async function schemaOutcome(): Promise<void> {
  const outcome = await connectionSchema({ locale: 'en' })['~standard'].validate({});
  if (outcome.issues) {
    const message: string = outcome.issues[0].message;
    const code: IssueCode = outcome.issues[0].code;
    void message;
    void code;
  } else {
    const value: CreateConnectionRequest = outcome.value;
    void value;
  }
}
void schemaOutcome;
void schema;

const update = validateUpdateConnection({ kafka_detail: { user_name: 'u', password: 'p' } });
if (update.success) {
  const body: UpdateConnectionRequest = update.value;
  const user: string | undefined = body.kafka_detail?.user_name;
  void user;
}
validateRocketmqPassword('x', { enableAcl: true });
// @ts-expect-error the ACL validators take enableAcl, not enableSaslSsl
validateRocketmqPassword('x', { enableSaslSsl: true });
