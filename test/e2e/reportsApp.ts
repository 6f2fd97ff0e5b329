import type { FrameLocator, Page } from 'playwright-core';
import { launchApp, type App } from './harness';
import { seedReportArchive } from '../helpers/reportsFixture';

/** The app with one meeting ready to print, and every page dialog (an alert a clerk's text set off) kept. */
export interface ReportsApp {
  app: App;
  meetingId: string;
  /** Messages of the dialogs the page opened: a script in clerk text that ran would show up here. */
  dialogs: string[];
}

/**
 * The Báo cáo e2e tests' common start: the real UI over the web host, an archive seeded with one meeting
 * (its attendees and photos as asked), dialogs recorded and dismissed so a test can prove there were none.
 */
export async function launchReportsApp(seed: { attendees: number; photos: number }): Promise<ReportsApp> {
  const app = await launchApp();
  const meetingId = await seedReportArchive(app.archive, seed);
  // The page read the settings as it opened, racing the seed's agency settings: read them again.
  await app.page.reload();
  const dialogs: string[] = [];
  app.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return { app, meetingId, dialogs };
}

/** The previewed document, inside its frame, exactly as it prints. */
export function reportPreview(page: Page): FrameLocator {
  return page.frameLocator('[data-testid="report-preview"]');
}

/** The requests that left the app's own origin (data:, blob: and about: never leave the machine). */
export function outsideRequests(app: App): string[] {
  return app.requests.filter((u) => !u.startsWith(app.host.origin) && !/^(data|blob|about):/.test(u));
}
