import { describe, expect, test } from "vitest";
import { captureConsole, exerciseEngine } from "./exerciseEngine";

describe("exerciseEngine", () => {
  test("what is written to the console while it runs is recorded, and the console is restored", () => {
    const written: string[] = [];
    const { warn } = console;
    const { emitWarning } = process;
    const restore = captureConsole(written);
    console.warn("a", 1);
    process.emitWarning("careful");
    restore();
    expect(written).toEqual(["a 1", "careful"]);
    expect(console.warn).toBe(warn);
    expect(process.emitWarning).toBe(emitWarning);
  });

  test("a key the yaml library converts lossily (!!binary) is no console output (the campaign found it)", () => {
    const text =
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  ? !!binary aGVsbG8=\n  : x\nspec:\n  ports: [{port: 80}]\n";
    expect(exerciseEngine([{ name: "binary-key.yaml", text }])).toEqual([]);
  });

  test("with a times map, each stage it ran adds its time under its name", () => {
    const text =
      "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: g\nspec:\n  gatewayClassName: c\n  listeners:\n  - name: http\n    port: 80\n    protocol: HTTP\n";
    const times = new Map<string, number>();
    expect(exerciseEngine([{ name: "gateway.yaml", text }], times)).toEqual([]);
    for (const stage of ["analyze", "compileRouter", "requestForListener", "traceRequest"])
      expect(times.get(stage), stage).toBeGreaterThanOrEqual(0);
  });
});
