// monaco-yaml's language service, loaded through Vite's ?worker (monaco-yaml's README for Vite).
import "monaco-yaml/yaml.worker.js";
