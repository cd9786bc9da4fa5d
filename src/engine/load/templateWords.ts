/**
 * What gwsim says of a line holding a Go template action (yamlSlips.ts finds it), wherever the
 * YAML it breaks fails: loaded with the diagnostic words (modules/engineModules.ts).
 */

/** Said of a line holding a template action, wherever the YAML it breaks fails. */
export const TEMPLATE: { readonly message: string; readonly hint: string } = {
  message:
    "This line is Go template syntax (`{{ … }}`), as in a Helm chart's templates/ folder: a template is not YAML until it is rendered.",
  hint: "Render the chart and check its output: `helm template RELEASE CHART -f values.yaml | gwsim check -` (or paste the rendered manifests).",
};
