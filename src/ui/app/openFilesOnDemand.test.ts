import { afterEach, describe, expect, test, vi } from "vitest";

afterEach(() => {
  vi.doUnmock("./openFiles");
});

describe("reading picked or dropped files, loaded on first use", () => {
  test("a failed load is an error notice and opens nothing; the next pick tries again", async () => {
    vi.resetModules();
    vi.doMock("./openFiles", () => {
      throw new Error("net::ERR_FAILED");
    });
    const { openFilesOnDemand, loadOpenFiles } = await import("./openFilesOnDemand");
    const { useGwsimStore } = await import("../../store");
    const before = useGwsimStore.getState().text;
    const file = new File(["kind: Service\n"], "svc.yaml");
    await openFilesOnDemand([file], "add");
    expect(useGwsimStore.getState().notice).toMatchObject({
      kind: "error",
      message: expect.stringMatching(/^Could not load the code that reads files: ./),
    });
    expect(useGwsimStore.getState().text).toBe(before);
    vi.doUnmock("./openFiles");
    expect(typeof (await loadOpenFiles()).openFiles).toBe("function");
  });

  test("once loaded, the files are read and added to the workspace", async () => {
    vi.resetModules();
    const { openFilesOnDemand } = await import("./openFilesOnDemand");
    const { useGwsimStore } = await import("../../store");
    const file = new File(
      ["apiVersion: v1\nkind: Service\nmetadata: { name: added }\n"],
      "svc.yaml",
    );
    await openFilesOnDemand([file], "add");
    expect(useGwsimStore.getState().text).toContain("name: added");
  });
});
