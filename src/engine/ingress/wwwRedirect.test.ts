/**
 * from-to-www-redirect as ingress-nginx builds it (pkg/util/ingress BuildRedirects, nginx.tmpl's
 * redirect servers, ngx_srv_redirect.lua), and its conversion to an HTTPRoute RequestRedirect.
 */
import { describe, expect, test } from "vitest";
import { compareMigration } from "./compareMigration";
import { endOf, ingressYaml, nginxConfig, send, type IngressSpecInput } from "./ingressTestKit";

const APEX: IngressSpecInput = {
  name: "site",
  host: "example.com",
  annotations: { "from-to-www-redirect": "true" },
  paths: [["/", "Prefix", "web"]],
};

describe("from-to-www-redirect in the ingress-nginx model", () => {
  test("www. of the host answers 308 to it, scheme and port kept, one trailing / dropped, query kept", () => {
    const config = nginxConfig(APEX);
    expect(endOf(send(config, "/a/b/", "www.example.com"))).toBe("308 → http://example.com:80/a/b");
    expect(endOf(send(config, "/", "www.example.com"))).toBe("308 → http://example.com:80");
    expect(endOf(send(config, "/a?x=1", "WWW.example.com:8080"))).toBe(
      "308 → http://example.com:80/a?x=1",
    );
    expect(endOf(send(config, "/a", "www.example.com", { scheme: "https" }))).toBe(
      "308 → https://example.com:443/a",
    );
    expect(endOf(send(config, "/a", "example.com"))).toBe("web/web:80");
  });

  test("a www. host redirects from its apex", () => {
    const config = nginxConfig({ ...APEX, host: "www.example.com" });
    expect(endOf(send(config, "/a", "example.com"))).toBe("308 → http://www.example.com:80/a");
  });

  test("no redirect when the other name has its own server, or without the annotation", () => {
    const both = nginxConfig(APEX, {
      name: "www",
      host: "www.example.com",
      paths: [["/", "Prefix", "other"]],
    });
    expect(endOf(send(both, "/a", "www.example.com"))).toBe("web/other:80");
    expect(both.findings.map((f) => f.message).join("\n")).toContain(
      "www.example.com has its own server",
    );
    const off = nginxConfig({ ...APEX, annotations: { "from-to-www-redirect": "false" } });
    expect(endOf(send(off, "/a", "www.example.com"))).toBe("404 default-backend");
  });

  test("HTTPS to www. with a certificate that does not name it: ingress-nginx's default certificate", () => {
    const tls = { hosts: ["example.com"], secretName: "cert" };
    const uncovered = send(nginxConfig({ ...APEX, tls: [tls] }), "/", "www.example.com", {
      scheme: "https",
    });
    expect(uncovered.steps.map((s) => s.step)).toEqual(["www-redirect", "certificate"]);
    const covered = send(
      nginxConfig({ ...APEX, tls: [{ ...tls, hosts: ["example.com", "www.example.com"] }] }),
      "/",
      "www.example.com",
      { scheme: "https" },
    );
    expect(covered.steps.map((s) => s.step)).toEqual(["www-redirect"]);
  });
});

describe("from-to-www-redirect in the migration", () => {
  test("converted to an HTTPRoute redirect for www.: the generated requests agree except the trailing slash", () => {
    const report = compareMigration([{ name: "in.yaml", text: ingressYaml(APEX) }]);
    expect(report.notSimulated).toEqual([]);
    expect(report.gatewayApi).toContain("hostname: example.com");
    expect(report.gatewayApi).toContain("- www.example.com");
    const www = report.equivalence.different.filter((d) => d.request.host === "www.example.com");
    expect(www.map((d) => d.request.path)).toEqual(["/x/"]);
    expect(www[0]?.why).toContain('drops one trailing "/"');
  });

  test("with a certificate naming www., the Gateway gets an HTTPS listener for it and HTTPS agrees", () => {
    const text = ingressYaml({
      ...APEX,
      tls: [{ hosts: ["example.com", "www.example.com"], secretName: "cert" }],
    });
    const report = compareMigration([{ name: "in.yaml", text }]);
    expect(report.gatewayApi).toContain("name: https-www-example-com");
    const https = report.equivalence.different.filter(
      (d) => d.request.host === "www.example.com" && d.request.scheme === "https",
    );
    expect(https.map((d) => d.request.path)).toEqual(["/x/"]);
  });

  test("with a certificate not naming www.: a finding, and HTTPS differs with the reason", () => {
    const text = ingressYaml({ ...APEX, tls: [{ hosts: ["example.com"], secretName: "cert" }] });
    const report = compareMigration([{ name: "in.yaml", text }]);
    expect(report.findings.map((f) => f.message).join("\n")).toContain(
      "does not name www.example.com",
    );
    const https = report.equivalence.different.filter(
      (d) => d.request.host === "www.example.com" && d.request.scheme === "https",
    );
    expect(https.length).toBeGreaterThan(0);
    expect(https[0]?.why).toContain("no HTTPS listener for www.example.com");
  });
});
