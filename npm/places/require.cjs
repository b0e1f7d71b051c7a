// Node (CommonJS).
const eg = require('eg-connections');

import('./cases.mjs')
  .then(({ run }) => run(eg))
  .then((report) => console.log(JSON.stringify(report)));
