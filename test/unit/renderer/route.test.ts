import { describe, expect, it } from 'vitest';
import { hrefOf, pageOf, parseRoute, sectionOf, SECTIONS } from '../../../renderer/src/router/route';

const ID = '01945a3c-7d2e-7c4f-9a1b-2c3d4e5f6a7b';

describe('parseRoute', () => {
  it('opens on the meetings list', () => {
    expect(parseRoute('')).toEqual({ name: 'meetings' });
    expect(parseRoute('#')).toEqual({ name: 'meetings' });
    expect(parseRoute('#/')).toEqual({ name: 'meetings' });
  });

  it('knows every section', () => {
    for (const s of SECTIONS) expect(parseRoute(hrefOf({ name: s }))).toEqual({ name: s });
  });

  it('USB: export and import are two pages; the old links keep working', () => {
    expect(parseRoute('#/usb')).toEqual({ name: 'usb' });
    expect(parseRoute('#/usb?q=ngân sách')).toEqual({ name: 'usb' });
    expect(parseRoute('#/usb/export')).toEqual({ name: 'usb' });
    expect(parseRoute('#/usb/merge')).toEqual({ name: 'usbMerge' });
    expect(parseRoute('#/usb/import')).toEqual({ name: 'usbMerge' });
    expect(hrefOf({ name: 'usbMerge' })).toBe('#/usb/merge');
    expect(sectionOf({ name: 'usbMerge' })).toBe('usbMerge');
    expect(SECTIONS.indexOf('usbMerge')).toBe(SECTIONS.indexOf('usb') + 1);
  });

  it('tells a new meeting from an existing one', () => {
    expect(parseRoute('#/meetings/new')).toEqual({ name: 'meetingNew' });
    expect(parseRoute(`#/meetings/${ID}`)).toEqual({ name: 'meeting', id: ID });
    expect(parseRoute(`#/meetings/${ID}/`)).toEqual({ name: 'meeting', id: ID });
  });

  it("reads a person's page", () => {
    expect(parseRoute(`#/people/${ID}`)).toEqual({ name: 'person', id: ID });
  });

  it('ignores a query string after the path', () => {
    expect(parseRoute('#/people?x=1')).toEqual({ name: 'people' });
  });

  it('reports anything else as not found instead of guessing', () => {
    expect(parseRoute('#/nowhere')).toEqual({ name: 'notFound', path: '/nowhere' });
    expect(parseRoute(`#/people/${ID}/extra`)).toEqual({ name: 'notFound', path: `/people/${ID}/extra` });
    expect(parseRoute(`#/meetings/${ID}/photos`)).toEqual({
      name: 'notFound',
      path: `/meetings/${ID}/photos`,
    });
    expect(parseRoute('#/meetings/%E0%A4%A')).toEqual({ name: 'notFound', path: '/meetings/%E0%A4%A' });
  });
});

describe('hrefOf', () => {
  it('round-trips through parseRoute', () => {
    const routes = [
      { name: 'meetings' },
      { name: 'meetingNew' },
      { name: 'meeting', id: ID },
      { name: 'people' },
      { name: 'person', id: ID },
      { name: 'settings' },
      { name: 'search' },
      { name: 'reports' },
      { name: 'usb' },
      { name: 'tasks' },
      { name: 'trash' },
    ] as const;
    for (const r of routes) expect(parseRoute(hrefOf(r))).toEqual(r);
  });

  it('escapes an id so it cannot change the path', () => {
    expect(hrefOf({ name: 'meeting', id: 'a/b' })).toBe('#/meetings/a%2Fb');
  });
});

describe('sectionOf', () => {
  it('highlights Hội nghị for the meeting form too', () => {
    expect(sectionOf({ name: 'meetingNew' })).toBe('meetings');
    expect(sectionOf({ name: 'meeting', id: ID })).toBe('meetings');
    expect(sectionOf({ name: 'usb' })).toBe('usb');
    expect(sectionOf({ name: 'person', id: ID })).toBe('people');
    expect(sectionOf({ name: 'notFound', path: '/x' })).toBeNull();
  });
});

describe('pageOf', () => {
  it('names the page without its query: a new page scrolls to the top, a new query does not', () => {
    expect(pageOf('#/meetings/new')).toBe('/meetings/new');
    expect(pageOf('#/search?q=a')).toBe(pageOf('#/search?q=b&page=2'));
    expect(pageOf('#/meetings/abc?tab=history')).toBe('/meetings/abc');
    expect(pageOf('')).toBe('/');
    expect(pageOf('#/')).toBe('/');
    expect(pageOf('#/usb/')).toBe('/usb');
  });
});
