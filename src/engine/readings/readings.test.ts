import { describe, expect, test } from 'vitest';
import { analyze } from '../analyze';
import { compileRouter } from '../routing/compileRouter';
import { traceRequest } from '../simulate/traceRequest';
import type { AnalyzeOptions, RouteStatus } from '../types';
import { parseReadings } from './readings';

const base = (backendRefs: string, servicePort = 80) => `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/c}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: gc
  listeners: [{name: http, protocol: HTTP, port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: svc, namespace: default}
spec: {ports: [{port: ${servicePort}}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: default}
spec:
  parentRefs: [{name: gw}]
  rules:
    - backendRefs: [${backendRefs}]
`;

function run(text: string, options: AnalyzeOptions = {}) {
  const analysis = analyze([{ name: 'in.yaml', text }], options);
  const resolved = (analysis.status['HTTPRoute/default/r'] as RouteStatus).parents[0]?.conditions.find((c) => c.type === 'ResolvedRefs');
  const outcome = traceRequest(compileRouter(analysis), { scheme: 'http', gateway: 'default/gw', host: 'a.example.com', path: '/' }).outcome;
  const notes = analysis.diagnostics.filter((d) => d.code === 'reading.applied');
  return { resolved, outcome, notes };
}

describe('reading backendPortNotInService', () => {
  const text = base('{name: svc, port: 8080}');

  test('default BackendNotFound: ResolvedRefs=False and the request gets 500', () => {
    const r = run(text);
    expect(r.resolved).toMatchObject({ status: 'False', reason: 'BackendNotFound' });
    expect(r.resolved?.message).toContain('has no port 8080 (ports: 80)');
    expect(r.outcome.status).toBe(500);
    expect(r.notes).toEqual([]);
  });

  test('unchecked: the reference resolves, the request is forwarded, and a located note names the reading', () => {
    const r = run(text, { readings: { backendPortNotInService: 'unchecked' } });
    expect(r.resolved).toMatchObject({ status: 'True', reason: 'ResolvedRefs' });
    expect(r.outcome).toMatchObject({ kind: 'forwarded', status: 200 });
    expect(r.outcome.backends.map((b) => b.target)).toEqual(['default/svc:8080']);
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toMatchObject({ severity: 'info', line: 24, path: 'spec.rules[0].backendRefs[0].port' });
    expect(r.notes[0]?.message).toContain('reading backendPortNotInService=unchecked');
  });

  test('a Service that does not exist is BackendNotFound under either reading', () => {
    const r = run(base('{name: gone, port: 80}'), { readings: { backendPortNotInService: 'unchecked' } });
    expect(r.resolved).toMatchObject({ status: 'False', reason: 'BackendNotFound' });
    expect(r.notes).toEqual([]);
  });
});

describe('reading loneBackendZeroWeight', () => {
  const text = base('{name: svc, port: 80, weight: 0}');

  test('default no-traffic: the rule answers 500', () => {
    const r = run(text);
    expect(r.outcome.status).toBe(500);
    expect(r.notes).toEqual([]);
  });

  test('all-traffic: the lone backend takes every request, and a note names the reading', () => {
    const r = run(text, { readings: { loneBackendZeroWeight: 'all-traffic' } });
    expect(r.outcome).toMatchObject({ kind: 'forwarded', status: 200 });
    expect(r.outcome.backends.map((b) => [b.target, b.share])).toEqual([['default/svc:80', 1]]);
    expect(r.notes[0]?.message).toContain('reading loneBackendZeroWeight=all-traffic');
  });

  test('all-traffic changes nothing when another backend has weight: 0 stays 0 in a split', () => {
    const r = run(base('{name: svc, port: 80, weight: 0}, {name: svc, port: 80, weight: 1}'), { readings: { loneBackendZeroWeight: 'all-traffic' } });
    expect(r.outcome.backends.map((b) => b.share)).toEqual([0, 1]);
    expect(r.notes).toEqual([]);
  });
});

describe('parseReadings', () => {
  test('name=value pairs; unknown names, bad values and repeats are errors that say what exists', () => {
    expect(parseReadings(['loneBackendZeroWeight=all-traffic'])).toEqual({ readings: { loneBackendZeroWeight: 'all-traffic' }, errors: [] });
    const bad = parseReadings(['nope=1', 'loneBackendZeroWeight=maybe', 'backendPortNotInService=unchecked', 'backendPortNotInService=unchecked', '__proto__=x']);
    expect(bad.readings).toEqual({ backendPortNotInService: 'unchecked' });
    expect(bad.errors[0]).toMatch(/^unknown reading "nope": known readings are backendPortNotInService, loneBackendZeroWeight/);
    expect(bad.errors[1]).toBe('reading loneBackendZeroWeight takes no-traffic or all-traffic (gwsim\'s default: no-traffic); got "maybe"');
    expect(bad.errors[2]).toBe('reading backendPortNotInService was given twice');
    expect(bad.errors[3]).toMatch(/^unknown reading "__proto__"/);
  });
});
