/**
 * Template paths as finance staff read them: `kpis[2].bands[1].min`, from ajv's JSON pointers
 * (`/kpis/2/bands/1/min`) or built up by the semantic checks.
 */
export function pointerToPath(pointer: string): string {
  if (pointer === "") return "";
  return pointer
    .split("/")
    .slice(1)
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce(joinPath, "");
}

/** Appends a property name or an array index to a path. */
export function joinPath(path: string, segment: string | number): string {
  if (typeof segment === "number" || /^\d+$/.test(segment)) return `${path}[${segment}]`;
  return path === "" ? segment : `${path}.${segment}`;
}
