/** A CHECK's list of allowed values, written as the migrations wrote it: `'a', 'b'`. */
export const sqlValues = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');
