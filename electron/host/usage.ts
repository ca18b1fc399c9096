import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Bad input on the command line: reported on stderr with exit code 2. */
export class UsageError extends Error {}

/**
 * The command line's options, strictly parsed; Node's English complaints become Danish ones naming the option.
 * `helpHint` says where the help is ("--help", "calc --help").
 */
type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

export function parseCommandLine<const O extends Options>(args: string[], options: O, helpHint: string): Parsed<O> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${danishParseError(error)} Se ${helpHint}.`);
  }
}

function danishParseError(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Ukendt tilvalg: ${option}.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('does not take an argument') ? `${option} tager ingen værdi.` : `${option} mangler en værdi.`;
    default:
      return 'Kommandolinjen kunne ikke læses.';
  }
}
