// Everyday requests, the small ones a console or a script sends all day,
// apart from the corpus (whose 20,000-character names and 200 unknown keys
// hide the per-call cost): a typical WEBHOOK, a typical KAFKA with SASL,
// and a form with one defect. 64 variants of each, from a fixed seed.

function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const next = random(0x0e6c2026);
const pick = (items) => items[Math.floor(next() * items.length)];
const hex = (length) => Array.from({ length }, () => pick('0123456789abcdef')).join('');
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick('89ab')}${hex(3)}-${hex(12)}`;
const name = () => `${pick(['orders', 'billing', 'audit', 'events', 'payments'])}-${pick(['webhook', 'hook', 'sink', 'relay'])}-${Math.floor(next() * 100)}`;

const webhook = () => ({
  name: name(),
  ...(next() < 0.6 ? { description: pick(['Order events to the fulfilment service', 'Audit trail', 'Billing callbacks for the finance team']) } : {}),
  vpc_id: uuid(),
  subnet_id: uuid(),
  ...(next() < 0.5 ? { type: 'WEBHOOK' } : {}),
});

const kafka = () => ({
  name: name().replace('webhook', 'kafka'),
  vpc_id: uuid(),
  subnet_id: uuid(),
  type: 'KAFKA',
  kafka_detail: {
    instance_id: uuid(),
    addr: `192.168.${Math.floor(next() * 255)}.11:9093,192.168.${Math.floor(next() * 255)}.12:9093,192.168.${Math.floor(next() * 255)}.13:9093`,
    security_protocol: 'SASL_SSL',
    enable_sasl_ssl: true,
    user_name: pick(['eg-producer', 'orders-writer']),
    password: `S3cure-${hex(10)}!`,
    acks: pick(['1', 'all']),
  },
});

// One defect, of the kinds a person makes filling the form.
const defects = [
  (x) => { x.name = x.name.replace('-', ' '); },
  (x) => { delete x.subnet_id; },
  (x) => { x.vpc_id = ` ${x.vpc_id}`; },
  (x) => { x.name = `.${x.name}`; },
  (x) => { x.type = 'HTTP'; },
];
const oneDefect = () => {
  const input = webhook();
  pick(defects)(input);
  return input;
};

const variants = (make) => Array.from({ length: 64 }, make);

/** Name -> { inputs, valid }: the everyday rows of the benchmark. */
export const everyday = {
  'typical WEBHOOK': { inputs: variants(webhook), valid: true },
  'typical KAFKA with SASL': { inputs: variants(kafka), valid: true },
  'one-defect form': { inputs: variants(oneDefect), valid: false },
};
