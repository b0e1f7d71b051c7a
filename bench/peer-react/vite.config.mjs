// The React peer of the console's create form, for the cold-start benchmark.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  // zod's sources carry comments Rollup warns about; errors still show.
  logLevel: 'error',
  build: { outDir: 'dist', emptyOutDir: true },
});
