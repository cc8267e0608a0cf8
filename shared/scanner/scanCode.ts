/** C0 controls, DEL and C1 controls. */
function isControl(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}

/**
 * A code never begins or ends with a control character: at the ends they are terminators a
 * scanner appends (CR, LF), pad bytes, or strays a key chord left behind (Ctrl+Shift+J types LF).
 * Inside a code they are data (GS1's group separator) and stay.
 */
export function trimControlCharacters(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isControl(text.charCodeAt(start))) start++;
  while (end > start && isControl(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
