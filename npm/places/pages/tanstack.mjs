// TanStack Form with the Standard Schema as its form validator.
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useForm } from '@tanstack/react-form';
import { createConnectionSchema } from 'eg-connections';

const KEYS = ['name', 'vpc_id', 'subnet_id'];

function ConnectionForm() {
  const [sent, setSent] = useState(null);
  const form = useForm({
    defaultValues: { name: '', vpc_id: '', subnet_id: '' },
    validators: { onSubmitAsync: createConnectionSchema },
    onSubmit: ({ value }) => setSent(value),
  });
  return h(
    'form',
    {
      onSubmit: (event) => {
        event.preventDefault();
        form.handleSubmit();
      },
    },
    KEYS.map((key) =>
      h(form.Field, {
        key,
        name: key,
        children: (field) =>
          h(
            'label',
            null,
            key,
            h('input', { id: key, value: field.state.value, onChange: (event) => field.handleChange(event.target.value) }),
            h('p', { id: `${key}-error` }, field.state.meta.errors.map((error) => error?.message ?? String(error)).join('; ')),
          ),
      }),
    ),
    h('button', { id: 'submit', type: 'submit' }, 'Create'),
    h('pre', { id: 'sent' }, sent ? JSON.stringify(sent) : ''),
  );
}

createRoot(document.getElementById('root')).render(h(ConnectionForm));
