import { isObject, printPath, type ValidationIssue } from "./validationIssue";

type Path = (string | number)[];

/** A backendRef to a Service (the default kind) must say which port: CEL "Must have port for Service reference". */
export function checkServicePort(ref: unknown, at: Path): ValidationIssue[] {
  if (!isObject(ref)) return [];
  const group = typeof ref.group === "string" ? ref.group : "";
  const kind = typeof ref.kind === "string" ? ref.kind : "Service";
  if (group !== "" || kind !== "Service" || (ref.port !== undefined && ref.port !== null))
    return [];
  return [
    {
      code: "schema.rule",
      path: [...at, "port"],
      message: `${printPath(at)}: Must have port for Service reference${typeof ref.name === "string" ? ` (Service ${ref.name})` : ""}.`,
      hint: "Add `port:` with the Service port to send traffic to.",
    },
  ];
}
