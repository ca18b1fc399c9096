import JSZip from 'jszip';

/**
 * A workbook read from its XML parts, as Excel and LibreOffice read it, not through the library that wrote it:
 * each sheet's raw XML, its rows (height and cells) and the cells' number formats.
 */
export interface RawCell {
  ref: string;
  /** The `t` attribute: absent for a number (and a date), `s` for shared text, `str` for a formula's text result. */
  type: string | null;
  formula: string | null;
  /** The stored value; shared text resolved. */
  value: string | null;
  numFmt: string | null;
}

export interface RawRow {
  r: number;
  height: number | null;
  customHeight: boolean;
  cells: RawCell[];
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Excel's built-in date formats (ids 14–22) have no entry of their own in styles.xml. */
const BUILT_IN: Record<number, string> = { 0: 'General', 14: 'mm-dd-yy', 22: 'm/d/yy h:mm' };

export async function openXlsx(bytes: Uint8Array | Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} mangler i regnearket`);
    return file.async('string');
  };
  const workbook = await part('xl/workbook.xml');
  const rels = await part('xl/_rels/workbook.xml.rels');
  const strings = zip.file('xl/sharedStrings.xml')
    ? [...(await part('xl/sharedStrings.xml')).matchAll(/<si>(.*?)<\/si>/gs)].map((m) => unescape([...m[1]!.matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join('')))
    : [];
  const styles = await part('xl/styles.xml');
  const formats = new Map([...styles.matchAll(/<numFmt [^>]*>/g)].map((m) => [Number(attr(m[0], 'numFmtId')), unescape(attr(m[0], 'formatCode') ?? '')]));
  const xfs = [...(/<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)?.[1] ?? '').matchAll(/<xf [^>]*>/g)].map((m) => Number(attr(m[0], 'numFmtId') ?? 0));

  const sheetNames = [...workbook.matchAll(/<sheet [^>]*>/g)].map((m) => ({ name: unescape(attr(m[0], 'name')!), rid: attr(m[0], 'r:id')! }));
  const target = (rid: string) => {
    const rel = [...rels.matchAll(/<Relationship [^>]*>/g)].map((m) => m[0]).find((tag) => attr(tag, 'Id') === rid)!;
    return `xl/${attr(rel, 'Target')!.replace(/^\/?xl\//, '')}`;
  };

  return {
    core: await part('docProps/core.xml'),
    workbook,
    sheetNames: sheetNames.map((s) => s.name),
    async sheet(name: string) {
      const found = sheetNames.find((s) => s.name === name);
      if (!found) throw new Error(`Arket ${name} findes ikke`);
      const xml = await part(target(found.rid));
      const rows: RawRow[] = [...xml.matchAll(/<row ([^>]*?)(?:\/>|>(.*?)<\/row>)/gs)].map((m) => ({
        r: Number(attr(` ${m[1]}`, 'r')),
        height: attr(` ${m[1]}`, 'ht') === null ? null : Number(attr(` ${m[1]}`, 'ht')),
        customHeight: attr(` ${m[1]}`, 'customHeight') === '1',
        cells: [...(m[2] ?? '').matchAll(/<c ([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)].map((c) => {
          const tag = ` ${c[1]}`;
          const type = attr(tag, 't');
          const raw = /<v>(.*?)<\/v>/s.exec(c[2] ?? '')?.[1] ?? null;
          const formula = /<f>(.*?)<\/f>/s.exec(c[2] ?? '')?.[1];
          const style = attr(tag, 's');
          const id = style === null ? 0 : xfs[Number(style)]!;
          return {
            ref: attr(tag, 'r')!,
            type,
            formula: formula === undefined ? null : unescape(formula),
            value: raw === null ? null : type === 's' ? strings[Number(raw)]! : unescape(raw),
            numFmt: formats.get(id) ?? BUILT_IN[id] ?? null,
          };
        }),
      }));
      const cell = (ref: string) => rows.flatMap((row) => row.cells).find((c) => c.ref === ref);
      return { xml, rows, cell };
    },
  };
}

/** An Excel date serial (days since 30 December 1899) as the ISO date and time it shows. */
export const fromSerial = (serial: number) => new Date(Math.round((serial - 25569) * 86_400_000)).toISOString().slice(0, 16);
