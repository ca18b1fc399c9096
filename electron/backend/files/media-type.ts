import { extname } from 'node:path';

/** How many leading bytes the detection looks at (the store keeps this much of every upload). */
export const SNIFF_BYTES = 4096;

export const OCTET_STREAM = 'application/octet-stream';

/** The kinds of file the app knows; anything else is stored as application/octet-stream. */
export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  txt: 'text/plain',
  csv: 'text/csv',
  /** A program or script (by its bytes or its name): stored so, never shown inline nor opened by the system. */
  executable: 'application/x-executable',
} as const;

/**
 * Extensions the operating system would run (or open in a browser that runs script) rather than show. A file with
 * one of these names is a program unless its bytes are a PDF or an image (then it is shown as that).
 */
export const RUNNABLE_EXTENSIONS: ReadonlySet<string> = new Set(
  (
    'exe com bat cmd scr pif cpl msi msp mst msc jar js jse mjs cjs vbs vbe vb wsf wsh ws wsc ps1 ps1xml ps2 psc1 psd1 psm1 hta lnk url ' +
    'scf reg inf application appref-ms gadget sct shb shs chm hlp dll sys ocx drv settingcontent-ms library-ms search-ms ' +
    'appx appxbundle msix msixbundle iso img vhd vhdx xll sh bash zsh csh ksh command tool app pkg dmg desktop run bin ' +
    'appimage py pyw pl rb php html htm xhtml shtml svg svgz xml xsl mht mhtml website diagcab'
  ).split(' '),
);

/** True for a type the app must never hand to the operating system to open. */
export const isRunnable = (mediaType: string) => mediaType === MEDIA_TYPES.executable;

/** True when a file name ends in an extension the operating system would run. */
export const hasRunnableExtension = (fileName: string) => RUNNABLE_EXTENSIONS.has(extname(fileName).toLowerCase().slice(1));

/**
 * The type to send a stored file with: one the app detected itself, or application/octet-stream. A row written
 * by an older version may hold whatever a package declared (even control characters); that never reaches a header.
 */
export function servedMediaType(stored: string): string {
  return KNOWN.has(stored) && !isRunnable(stored) ? stored : OCTET_STREAM;
}

/** The usual extension of each known type (used when a copy is opened in the system viewer). */
export const EXTENSION_OF: Readonly<Record<string, string>> = {
  [MEDIA_TYPES.pdf]: '.pdf',
  [MEDIA_TYPES.docx]: '.docx',
  [MEDIA_TYPES.xlsx]: '.xlsx',
  [MEDIA_TYPES.pptx]: '.pptx',
  [MEDIA_TYPES.odt]: '.odt',
  [MEDIA_TYPES.doc]: '.doc',
  [MEDIA_TYPES.xls]: '.xls',
  [MEDIA_TYPES.png]: '.png',
  [MEDIA_TYPES.jpeg]: '.jpg',
  [MEDIA_TYPES.gif]: '.gif',
  [MEDIA_TYPES.txt]: '.txt',
  [MEDIA_TYPES.csv]: '.csv',
};

/** The files the app exports, by extension: their media type and how a save dialog names them. */
const EXPORT_TYPES: Readonly<Record<string, { mediaType: string; label: string }>> = {
  '.pdf': { mediaType: MEDIA_TYPES.pdf, label: 'PDF-dokument' },
  '.docx': { mediaType: MEDIA_TYPES.docx, label: 'Word-dokument' },
  '.xlsx': { mediaType: MEDIA_TYPES.xlsx, label: 'Excel-regneark' },
  '.csv': { mediaType: `${MEDIA_TYPES.csv}; charset=utf-8`, label: 'CSV-fil (semikolonsepareret)' },
};

/** The media type and save-dialog label of an exported file, from its name (octet-stream for anything else). */
export function exportFileType(fileName: string): { mediaType: string; label: string; extension: string } {
  const extension = extname(fileName).toLowerCase();
  const known = EXPORT_TYPES[extension];
  return { mediaType: known?.mediaType ?? OCTET_STREAM, label: known?.label ?? 'Fil', extension: extension.slice(1) };
}

const KNOWN: ReadonlySet<string> = new Set(Object.values(MEDIA_TYPES));

/** Types whose text is extracted for search. */
const TEXT_SOURCES: ReadonlySet<string> = new Set([MEDIA_TYPES.pdf, MEDIA_TYPES.docx, MEDIA_TYPES.txt]);
export const hasSearchableText = (mediaType: string) => TEXT_SOURCES.has(mediaType);

/** Types a browser may show inline without running anything of ours (never HTML, SVG or XML). */
const INLINE: ReadonlySet<string> = new Set([MEDIA_TYPES.pdf, MEDIA_TYPES.png, MEDIA_TYPES.jpeg, MEDIA_TYPES.gif, MEDIA_TYPES.txt, MEDIA_TYPES.csv]);
export const isInlineSafe = (mediaType: string) => INLINE.has(mediaType);

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
const ascii = (head: Uint8Array, from: number, to: number) => Buffer.from(head.subarray(from, to)).toString('latin1');

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Windows (MZ), Linux (ELF), macOS (Mach-O, both byte orders, and universal) programs, and Windows shortcuts. */
const PROGRAMS: readonly (readonly number[])[] = [
  [0x4d, 0x5a],
  [0x7f, 0x45, 0x4c, 0x46],
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe],
  [0x4c, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00],
];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Text if there is no NUL byte and it decodes as UTF-8 (the last few bytes may be a cut character). */
function looksLikeText(head: Uint8Array): boolean {
  if (head.includes(0)) return false;
  for (let cut = 0; cut < 4 && cut < head.length; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut));
      return true;
    } catch {
      // try again without a possibly cut multi-byte character at the end
    }
  }
  // Windows-1252 text (older Danish files) has no NUL bytes and few control characters.
  return !head.some((b) => b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b));
}

/**
 * The media type of a file from its first bytes (magic numbers) and its name. The content decides;
 * the extension only tells apart formats that share a container (zip: docx/xlsx/pptx; OLE2: doc/xls)
 * and confirms plain text. A name that lies about the content gives application/octet-stream. A program (by its
 * bytes, or a script or program by its name) is `MEDIA_TYPES.executable`, whatever else it claims to be.
 */
export function detectMediaType(head: Uint8Array, fileName: string): string {
  const ext = extname(fileName).toLowerCase();
  if (PROGRAMS.some((magic) => startsWith(head, magic)) || ascii(head, 0, 2) === '#!') return MEDIA_TYPES.executable;
  if (ascii(head, 0, Math.min(head.length, 1024)).includes('%PDF-')) return MEDIA_TYPES.pdf;
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return MEDIA_TYPES.png;
  if (startsWith(head, [0xff, 0xd8, 0xff])) return MEDIA_TYPES.jpeg;
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return MEDIA_TYPES.gif;
  if (hasRunnableExtension(fileName)) return MEDIA_TYPES.executable;
  if (startsWith(head, ZIP)) {
    // OpenDocument puts an uncompressed "mimetype" entry first.
    if (ascii(head, 30, 38) === 'mimetype' && ascii(head, 38, 38 + MEDIA_TYPES.odt.length) === MEDIA_TYPES.odt) return MEDIA_TYPES.odt;
    if (ext === '.docx') return MEDIA_TYPES.docx;
    if (ext === '.xlsx') return MEDIA_TYPES.xlsx;
    if (ext === '.pptx') return MEDIA_TYPES.pptx;
    return OCTET_STREAM;
  }
  if (startsWith(head, OLE2)) {
    if (ext === '.doc') return MEDIA_TYPES.doc;
    if (ext === '.xls') return MEDIA_TYPES.xls;
    return OCTET_STREAM;
  }
  if ((ext === '.txt' || ext === '.csv') && looksLikeText(head)) return ext === '.txt' ? MEDIA_TYPES.txt : MEDIA_TYPES.csv;
  return OCTET_STREAM;
}
