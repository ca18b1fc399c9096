import type { z } from 'zod';
import {
  DEFAULT_MESSAGES,
  fail,
  isMethodName,
  methods,
  ok,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
  type Result,
} from '../../shared/contract';
import { withCallOrigin } from './call-origin';
import { AppError } from './errors';

export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>> };

export interface DispatchLog {
  error(message: string, error: unknown): void;
}

/**
 * The single entry point of both transports: checks the method name, parses the input against the contract,
 * runs the handler and wraps every outcome in an envelope. Nothing unparsed reaches a handler.
 */
export async function dispatch(handlers: Handlers, method: unknown, input: unknown, log: DispatchLog = console, origin?: string): Promise<Result<unknown>> {
  if (!isMethodName(method)) {
    return fail('UNKNOWN_METHOD', `Ukendt funktion: «${String(method).slice(0, 80)}».`);
  }
  const spec = methods[method];
  const parsed = spec.input.safeParse(input === undefined ? {} : input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    const output = await withCallOrigin(origin, () => handler(parsed.data));
    return ok((spec.output as z.ZodType).parse(output));
  } catch (error) {
    if (error instanceof AppError) return fail(error.code, error.message);
    log.error(`Fejl i ${method}`, error);
    return fail('INTERNAL', DEFAULT_MESSAGES.INTERNAL);
  }
}

function invalidInput(error: z.ZodError): Result<never> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '(input)';
    fields[path] ??= issue.message;
  }
  const first = error.issues[0]?.message ?? '';
  return fail('INVALID_INPUT', `${DEFAULT_MESSAGES.INVALID_INPUT} ${first}`.trim(), fields);
}
