import type { ServiceContext } from '../context';
import type { HandlersOf } from './types';
import { createPerson, deletePerson, getPerson, listPeople, updatePerson } from '../../db/people';
import { personMeetings } from '../../db/attendance';

/** `people/*`: the directory, and the meetings each person attended. */
export function peopleHandlers(ctx: ServiceContext): HandlersOf<'people'> {
  const a = ctx.archive;
  return {
    'people/list': (q) => listPeople(a, q),
    'people/get': ({ id }) => getPerson(a, id),
    'people/create': (fields) => createPerson(a, fields, ctx.actor()),
    'people/update': ({ id, version, fields }) => updatePerson(a, id, version, fields, ctx.actor()),
    'people/delete': ({ id, version }) => deletePerson(a, id, version, ctx.actor()),
    'people/meetings': ({ personId, offset, limit }) => personMeetings(a, personId, { offset, limit }),
  };
}
