/**
 * Text for the terminal. Names and titles can come from a package made elsewhere: a control character in them (ESC
 * starting an escape sequence, BEL, NUL, a C1 code, a bidirectional override) would act on the user's terminal
 * instead of being shown. Each is written as a visible escape (`\x1b`, `\u202e`); line breaks and tabs stay.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what is looked for
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
