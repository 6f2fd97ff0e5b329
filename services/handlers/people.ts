import type { ServiceContext } from '../context';
import type { HandlersOf } from './types';
import { createPerson, deletePerson, getPerson, listPeople, updatePerson } from '../../db/people';
import { personMeetings } from '../../db/attendance';
import { mergePeople, previewPersonMerge } from '../../db/peopleMerge';
import { listPeopleTrash, restorePerson } from '../../db/trash';

/** `people/*`: the directory, the meetings each person attended, merging two entries of one person, and
 * the entries in the trash. */
export function peopleHandlers(ctx: ServiceContext): HandlersOf<'people'> {
  const a = ctx.archive;
  return {
    'people/list': (q) => listPeople(a, q),
    'people/get': ({ id }) => getPerson(a, id),
    'people/create': (fields) => createPerson(a, fields, ctx.actor()),
    'people/update': ({ id, version, fields }) => updatePerson(a, id, version, fields, ctx.actor()),
    'people/delete': ({ id, version }) => deletePerson(a, id, version, ctx.actor()),
    'people/merge-preview': ({ keepId, duplicateId }) => previewPersonMerge(a, keepId, duplicateId),
    'people/merge': (input) => mergePeople(a, input, ctx.actor()),
    'people/trash-list': (page) => listPeopleTrash(a, page),
    'people/restore': ({ id }) => restorePerson(a, id, ctx.actor()),
    'people/meetings': ({ personId, offset, limit }) => personMeetings(a, personId, { offset, limit }),
  };
}
