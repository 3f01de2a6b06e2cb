/** Checks of the numeric options of the robustness analyses, with the project's message shape. */

/** `value` if it is a whole number in [min, max], else `invalid <name>: <value> (expected ...)`. */
export function wholeNumber(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!(Number.isInteger(value) && value >= min && value <= max)) {
    const range = max === Number.MAX_SAFE_INTEGER ? `from ${min} up` : `from ${min} to ${max}`;
    throw new Error(`invalid ${name}: ${value} (expected a whole number ${range})`);
  }
  return value;
}

/** `value` if it is a share strictly between 0 and 1 (open) or in [0, 1] (closed). */
export function share(name: string, value: number, open = false, example = ''): number {
  const ok = open ? value > 0 && value < 1 : value >= 0 && value <= 1;
  if (!ok) {
    const range = open ? 'between 0 and 1' : 'from 0 to 1';
    throw new Error(`invalid ${name}: ${value} (expected a share ${range}${example ? `, e.g. ${example}` : ''})`);
  }
  return value;
}
