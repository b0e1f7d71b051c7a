// React Hook Form with the Standard Schema resolver, and no init() call.
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { createConnectionSchema } from 'eg-connections';

const KEYS = ['name', 'vpc_id', 'subnet_id'];

function ConnectionForm() {
  const { register, handleSubmit, formState } = useForm({ resolver: standardSchemaResolver(createConnectionSchema) });
  const [sent, setSent] = useState(null);
  return h(
    'form',
    { onSubmit: handleSubmit((value) => setSent(value)) },
    KEYS.map((key) =>
      h('label', { key }, key, h('input', { id: key, ...register(key) }), h('p', { id: `${key}-error` }, formState.errors[key]?.message ?? '')),
    ),
    h('button', { id: 'submit', type: 'submit' }, 'Create'),
    h('pre', { id: 'sent' }, sent ? JSON.stringify(sent) : ''),
  );
}

createRoot(document.getElementById('root')).render(h(ConnectionForm));
