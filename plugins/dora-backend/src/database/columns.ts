/** A nullable numeric column: drivers return big integers as strings. */
export const numberOrNull = (v: unknown) =>
  v === null || v === undefined ? null : Number(v);
