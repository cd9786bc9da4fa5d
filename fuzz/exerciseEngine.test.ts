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
});
