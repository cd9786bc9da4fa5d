/**
 * The comments of the generated YAML quote names and annotation values from the Ingresses: a
 * control character in one is written as `\uXXXX`, so `gwsim migrate --out FILE` writes valid YAML
 * (YAML admits no C0 control but tab and line breaks) and `cat FILE` cannot drive the terminal.
 */
import { describe, expect, test } from "vitest";
import { parseAllDocuments } from "yaml";
import { loadManifests } from "../load/loadManifests";
import { convertIngresses } from "./convertIngresses";
import { printConversion } from "./printConversion";

const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: "sh\\e[31mop"
  namespace: shop
  annotations:
    nginx.ingress.kubernetes.io/app-root: "/home\\e]0;owned\\a"
spec:
  ingressClassName: nginx
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend: {service: {name: web, port: {number: 80}}}
`;

describe("printConversion", () => {
  test("a control character from a name or an annotation is escaped in the comments; the YAML stays valid", () => {
    const conversion = convertIngresses(
      loadManifests([{ name: "in.yaml", text: ingress }]).manifests,
    );
    const yaml = printConversion(conversion);
    // eslint-disable-next-line no-control-regex
    expect(yaml).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(yaml).toContain("# Replaces IngressClass nginx: the Ingresses shop/sh\\u001b[31mop.");
    expect(yaml).toContain("app-root /home\\u001b]0;owned\\u0007");
    const docs = parseAllDocuments(yaml);
    expect(docs.flatMap((d) => d.errors)).toEqual([]);
    expect(docs.length).toBe(conversion.objects.length);
  });
});
