import { afterEach, describe, expect, test, vi } from "vitest";

afterEach(() => {
  vi.doUnmock("./namedWorkspaces");
});

describe("named-workspace actions, loaded on first use", () => {
  test("a failed load is an error notice and does nothing; the next click tries again", async () => {
    vi.resetModules();
    vi.doMock("./namedWorkspaces", () => {
      throw new Error("net::ERR_FAILED");
    });
    const { withNamedWorkspaces, loadNamedWorkspaces } = await import("./namedWorkspacesOnDemand");
    const { useGwsimStore } = await import("../../store");
    useGwsimStore.getState().replaceWorkspace("kind: Service\n", "file");
    const action = vi.fn(() => Promise.resolve(true));
    expect(await withNamedWorkspaces(action, false)).toBe(false);
    expect(action).not.toHaveBeenCalled();
    expect(useGwsimStore.getState().notice).toMatchObject({
      kind: "error",
      message: expect.stringMatching(/^Could not load the code for saved workspaces: ./),
    });
    expect(useGwsimStore.getState().text).toBe("kind: Service\n");
    vi.doUnmock("./namedWorkspaces");
    expect(typeof (await loadNamedWorkspaces()).startEmptyWorkspace).toBe("function");
  });

  test("once loaded, the action runs with the module and its result is returned", async () => {
    vi.resetModules();
    const { withNamedWorkspaces } = await import("./namedWorkspacesOnDemand");
    const { checkWorkspaceName } = await import("./namedWorkspaces");
    expect(
      await withNamedWorkspaces((m) => Promise.resolve(m.checkWorkspaceName(" a  b ")), undefined),
    ).toEqual(checkWorkspaceName("a b"));
  });

  test("the Open saved list's reader comes with the on-demand module, not the first chunk's storage", async () => {
    vi.resetModules();
    const { loadNamedWorkspaces } = await import("./namedWorkspacesOnDemand");
    const storage = await import("./workspaceStorage");
    expect(typeof (await loadNamedWorkspaces()).listNamedWorkspaces).toBe("function");
    expect("listNamedWorkspaces" in storage).toBe(false);
  });
});
