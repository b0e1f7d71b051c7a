// A minimal equivalent of the console's create form: the same fields and
// the same rules (the zod peer schema), validated on leaving a field and
// then as the user types, with React + react-hook-form + zod. No styling.
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { schema } from '../../peers/zod.mjs';

function Field({ id, label, register, error, type = 'text' }) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <input id={id} type={type} aria-invalid={error ? 'true' : 'false'} aria-describedby={`${id}-error`} {...register} />
      <p id={`${id}-error`} role="alert">{error?.message}</p>
    </div>
  );
}

// Empty inputs are absent, as in the console.
const clean = (values) => JSON.parse(JSON.stringify(values, (key, value) => (value === '' ? undefined : value)));

function CreateForm() {
  const { register, handleSubmit, watch, formState: { errors } } = useForm({
    mode: 'onTouched',
    resolver: (values, context, options) => zodResolver(schema)(clean(values), context, options),
    defaultValues: { type: 'WEBHOOK', kafka_detail: { enable_sasl_ssl: false, acks: '1' } },
    shouldUnregister: true,
  });
  const type = watch('type');
  const sasl = watch('kafka_detail.enable_sasl_ssl');
  const kafka = errors.kafka_detail ?? {};
  return (
    <form id="create-form" noValidate onSubmit={handleSubmit((request) => console.log(request))}>
      <h1>Create connection</h1>
      <Field id="name" label="Name" register={register('name')} error={errors.name} />
      <Field id="description" label="Description" register={register('description')} error={errors.description} />
      <Field id="vpc_id" label="VPC ID" register={register('vpc_id')} error={errors.vpc_id} />
      <Field id="subnet_id" label="Subnet ID" register={register('subnet_id')} error={errors.subnet_id} />
      <fieldset>
        <legend>Type</legend>
        <label><input type="radio" value="WEBHOOK" {...register('type')} /> WEBHOOK</label>
        <label><input type="radio" value="KAFKA" {...register('type')} /> KAFKA</label>
      </fieldset>
      {type === 'KAFKA' && (
        <fieldset>
          <legend>Kafka</legend>
          <Field id="instance_id" label="Instance ID" register={register('kafka_detail.instance_id')} error={kafka.instance_id} />
          <Field id="addr" label="Addresses" register={register('kafka_detail.addr')} error={kafka.addr} />
          <Field id="security_protocol" label="Security protocol" register={register('kafka_detail.security_protocol')} error={kafka.security_protocol} />
          <label><input type="checkbox" {...register('kafka_detail.enable_sasl_ssl')} /> SASL_SSL</label>
          {sasl && (
            <>
              <Field id="user_name" label="User name" register={register('kafka_detail.user_name')} error={kafka.user_name} />
              <Field id="password" label="Password" type="password" register={register('kafka_detail.password')} error={kafka.password} />
            </>
          )}
          <fieldset>
            <legend>Acks</legend>
            {['0', '1', 'all'].map((acks) => (
              <label key={acks}><input type="radio" value={acks} {...register('kafka_detail.acks')} /> {acks}</label>
            ))}
          </fieldset>
        </fieldset>
      )}
      <p role="alert">{errors.kafka_detail?.message}</p>
      <button type="submit">Create connection</button>
    </form>
  );
}

function App() {
  // The same mark the console sets once it is mounted.
  useEffect(() => {
    performance.mark('eg-console-interactive');
  }, []);
  return <CreateForm />;
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
