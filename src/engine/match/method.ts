/** HTTPRoute method matching (Extended): exact, case-sensitive, against the request method. */
import type { MatchOutcome } from "./types";

export function matchMethod(method: string | undefined, requestMethod: string): MatchOutcome {
  if (method === undefined) return { pass: true, detail: "any method" };
  const pass = method === requestMethod;
  return {
    pass,
    detail: pass
      ? `method ${requestMethod} equals ${method}`
      : `method ${requestMethod} is not ${method}`,
  };
}
