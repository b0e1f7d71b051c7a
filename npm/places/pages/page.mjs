// A browser page, bundled by each bundler with its defaults.
import * as eg from 'eg-connections';
import { run } from '../cases.mjs';

run(eg).then(
  (report) => {
    window.report = report;
  },
  (error) => {
    window.report = { error: String(error?.stack ?? error) };
  },
);
