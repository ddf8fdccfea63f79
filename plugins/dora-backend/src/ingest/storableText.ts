/**
 * Text no database stores as sent. PostgreSQL refuses NUL in text columns
 * (failing the whole batch) while SQLite and MySQL keep it; a lone UTF-16
 * surrogate cannot be encoded as UTF-8, so drivers either fail the statement
 * or store U+FFFD, which silently changes an id. Checking before the database
 * makes all three engines answer alike, one item at a time.
 */
const NUL = /\u0000/;
const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problemOf(text: string): string | null {
  if (NUL.test(text)) return 'contains a NUL character';
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate';
  return null;
}

/**
 * `path: reason` for the first string in `value` (at any depth, keys
 * included) that cannot be stored, or null when every string can.
 */
export function unstorableText(value: unknown, path = ''): string | null {
  if (typeof value === 'string') {
    const problem = problemOf(value);
    return problem ? `${path || 'item'}: ${problem}` : null;
  }
  if (!value || typeof value !== 'object') return null;
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : Object.entries(value);
  for (const [key, inner] of entries) {
    const at = path ? `${path}.${key}` : key;
    const keyProblem = Array.isArray(value) ? null : problemOf(key);
    if (keyProblem) return `${path || 'item'}: a field name ${keyProblem}`;
    const found = unstorableText(inner, at);
    if (found) return found;
  }
  return null;
}
