/**
 * What a failed zod parse says, as messages: the contract's own checks carry an encoded message
 * (message.ts `issue()`); the issues zod raises itself (its defaults are English sentences) are worded
 * from their code, naming the field by the last key of the issue's path when the catalog knows it.
 */
import type { z } from 'zod';
import { decodeMessage, msg, type Message } from './message';
import { isMessageKey } from './translate';

type Issue = z.core.$ZodIssue;

/** How many issues one reply reports: the first few say what to fix; a fuzzed payload may raise thousands. */
export const MAX_ISSUES_REPORTED = 5;

function fieldOf(path: readonly PropertyKey[]): Message | string {
  const last = [...path].reverse().find((p): p is string => typeof p === 'string');
  if (last === undefined) return msg('field.input');
  const key = `field.${last}`;
  return isMessageKey(key) ? msg(key) : path.map(String).join('.');
}

function fromCode(issue: Issue): Message {
  const field = fieldOf(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return msg('zod.notInteger', { field });
      return msg(/received undefined/.test(issue.message) ? 'zod.missing' : 'zod.wrongType', { field });
    case 'too_big':
      if (issue.origin === 'string') return msg('zod.stringTooLong', { field, max: Number(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set')
        return msg('zod.tooManyItems', { field, max: Number(issue.maximum) });
      return msg('zod.numberTooBig', { field, max: Number(issue.maximum) });
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? msg('zod.empty', { field })
          : msg('zod.stringTooShort', { field, min: Number(issue.minimum) });
      }
      if (issue.origin === 'array' || issue.origin === 'set')
        return msg('zod.tooFewItems', { field, min: Number(issue.minimum) });
      return msg('zod.numberTooSmall', { field, min: Number(issue.minimum) });
    case 'invalid_format':
      return msg(issue.format === 'uuid' ? 'input.idInvalid' : 'zod.badFormat', { field });
    case 'invalid_value':
      return msg('zod.notAllowed', { field });
    case 'unrecognized_keys':
      return msg('zod.unknownFields', { keys: issue.keys.slice(0, 10).join(', ') });
    default:
      return msg('zod.invalid', { field });
  }
}

/** One message per issue (the first MAX_ISSUES_REPORTED, without repeats). */
export function issueMessages(issues: readonly Issue[]): Message[] {
  const out: Message[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const m = decodeMessage(issue.message) ?? fromCode(issue);
    const id = JSON.stringify(m);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(m);
    if (out.length === MAX_ISSUES_REPORTED) break;
  }
  return out;
}
