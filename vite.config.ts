import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      // monaco-worker-manager (inside monaco-yaml's worker) imports
      // 'monaco-editor/esm/vs/editor/editor.worker.js'; monaco-editor >= 0.56's exports map
      // ("./*": "./esm/vs/*.js") turns that into esm/vs/esm/vs/..., which cannot resolve.
      { find: /^monaco-editor\/esm\/vs\//, replacement: 'monaco-editor/' },
    ],
  },
  // Deps reached only from workers are discovered late in dev; without this the optimizer
  // re-runs after the first load and the page reloads in full.
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js', 're2js', 'yaml', 'comlink'] },
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 5000 },
});
