import { useApiQuery } from '../../api/useApiQuery';
import { useSettings } from '../../settings/settingsContext';
import { FirstRunSetup } from './FirstRunSetup';
import { opensByItself } from './setupSteps';

/**
 * Opens the first-run setup by itself on a fresh archive (no meeting, setup neither done nor skipped).
 * Once it closes the stored state says so, and it never opens by itself again.
 */
export function FirstRunGate() {
  const { settings } = useSettings();
  const info = useApiQuery('app/info', {});
  if (!opensByItself(settings.setup, info.data?.counts.meetings)) return null;
  return <FirstRunSetup onClose={() => undefined} />;
}
