/**
 * yazl computes every entry's CRC-32 with buffer-crc32, a JavaScript loop that took about a quarter of a whole-database
 * export (4 s of 17 s for 1 GB of attachments). Node's zlib has the same checksum natively (same polynomial, same
 * chaining from a previous value), so the `unsigned` function yazl calls at run time is pointed at it. yazl has no
 * option to pass a checksum in; this is the one place that reaches into it.
 */
import bufferCrc32 from 'buffer-crc32';
import { crc32 } from 'node:zlib';

bufferCrc32.unsigned = (data: Buffer | string, previous?: number) => crc32(data, previous ?? 0);
