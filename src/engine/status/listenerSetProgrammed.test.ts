/**
 * A ListenerSet is programmed by the same rule as its Gateway: at least one of its listeners must
 * be ready, and its parent must be programmed.
 */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import type { ConditionsStatus } from "../types";

const head = `apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: c}\nspec: {controllerName: example.com/c}\n---\n`;
// An HTTPS listener whose certificate Secret holds no certificate: accepted, but not programmed.
const badSecret = `apiVersion: v1\nkind: Secret\nmetadata: {name: cert, namespace: infra}\ntype: kubernetes.io/tls\ndata: {tls.crt: "", tls.key: ""}\n---\n`;
const httpsListener = (name: string, hostname: string) =>
  `  - name: ${name}\n    port: 443\n    protocol: HTTPS\n    hostname: ${hostname}\n    tls: {certificateRefs: [{name: cert}]}\n`;

function programmed(text: string) {
  const a = analyze([{ name: "in.yaml", text }]);
  const of = (key: string) => {
    const c = (a.status[key] as ConditionsStatus | undefined)?.conditions.find(
      (x) => x.type === "Programmed",
    );
    return `${c?.status}/${c?.reason}`;
  };
  return { gateway: of("Gateway/infra/gw"), listenerSet: of("ListenerSet/infra/ls") };
}

const gateway = (listeners: string) =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: infra}\nspec:\n  gatewayClassName: c\n  allowedListeners: {namespaces: {from: Same}}\n  listeners:\n${listeners}---\n`;
const listenerSet = (listeners: string) =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: ListenerSet\nmetadata: {name: ls, namespace: infra}\nspec:\n  parentRef: {name: gw}\n  listeners:\n${listeners}`;

describe("ListenerSet Programmed follows the Gateway rule", () => {
  test("a Gateway and a ListenerSet whose only listener is not programmed are both Programmed=False", () => {
    expect(
      programmed(
        head +
          badSecret +
          gateway(httpsListener("a", "a.example.com")) +
          listenerSet(httpsListener("b", "b.example.com")),
      ),
    ).toEqual({
      gateway: "False/Invalid",
      listenerSet: "False/ParentNotProgrammed",
    });
    const ok = `  - {name: http, port: 80, protocol: HTTP}\n`;
    expect(
      programmed(head + badSecret + gateway(ok) + listenerSet(httpsListener("b", "b.example.com"))),
    ).toEqual({ gateway: "True/Programmed", listenerSet: "False/Invalid" });
  });

  test("one ready listener is enough for both", () => {
    const ok = `  - {name: http, port: 80, protocol: HTTP}\n`;
    expect(
      programmed(
        head +
          badSecret +
          gateway(ok) +
          listenerSet(
            httpsListener("b", "b.example.com") + `  - {name: c, port: 8080, protocol: HTTP}\n`,
          ),
      ),
    ).toEqual({ gateway: "True/Programmed", listenerSet: "True/Programmed" });
  });
});
