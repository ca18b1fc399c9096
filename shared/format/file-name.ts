/** A file name's extension with its dot, as Node's path.extname gives it ("" for ".bashrc" or none). */
const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
};

export const MAX_FILE_NAME_LENGTH = 255;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * A file name as the user knows it, safe to store, show and write to disk on Windows, macOS and Linux:
 * the last path segment only, NFC, without control characters or the characters Windows forbids, without
 * trailing dots or spaces, at most 255 characters (keeping the extension). Empty when nothing is left.
 */
export function cleanFileName(raw: string): string {
  const lastSegment = raw.split(/[\\/]/).pop() ?? '';
  let name = lastSegment
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  if (name === '.' || name === '..') name = '';
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  if (name.length > MAX_FILE_NAME_LENGTH) {
    const ext = extensionOf(name).slice(0, 16);
    name = name.slice(0, MAX_FILE_NAME_LENGTH - ext.length).trimEnd() + ext;
  }
  return name;
}

/**
 * A document's file name from text the user typed (a code, a scenario name): a slash becomes a dash rather than a
 * folder, and `fallback` is used when nothing but punctuation is left.
 */
export function documentFileName(base: string, extension: string, fallback: string): string {
  const stem = (text: string) => cleanFileName(text.replace(/[\\/]/g, '-'));
  const name = /^[-_ .]*$/.test(stem(base)) ? stem(fallback) : stem(base);
  return cleanFileName(`${name}.${extension}`);
}
