import { validateTemplate, type TemplateResult } from "./validateTemplate";

/**
 * Reads a template file's text (import, product.md §6). Text that is not JSON gives one error with path ""
 * and the parser's message with the line and column; JSON that is not a valid template gives
 * validateTemplate's errors. A byte-order mark (Windows editors) is ignored.
 */
export function parseTemplateJson(text: string): TemplateResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    return { ok: false, errors: [{ path: "", message: `not valid JSON: ${describeJsonError(error, source)}` }] };
  }
  return validateTemplate(json);
}

/** The parser's message, plus the line and column when it only gives a character position. */
function describeJsonError(error: unknown, source: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  if (!position || /line \d+/i.test(message)) return message;
  const offset = Number(position[1]);
  const before = source.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return `${message} (line ${line}, column ${column})`;
}
