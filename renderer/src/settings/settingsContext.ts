import { createContext, useContext } from 'react';
import type { Settings, SettingsPatch } from '../../../contract/contract';
import type { z } from 'zod';
import type { ErrorPayload } from '../../../contract/errors';
import type { Language } from '../format/language';

export type SettingsPatchInput = z.input<typeof SettingsPatch>;

export interface SettingsContextValue {
  settings: Settings;
  /** Saves a patch; resolves with the stored settings or throws an ApiError. */
  save: (patch: SettingsPatchInput) => Promise<Settings>;
  /** Switches the UI language at once and stores the choice. */
  setLanguage: (language: Language) => void;
  /** Why the last language switch could not be stored, until dismissed. */
  languageError: ErrorPayload | null;
  dismissLanguageError: () => void;
}

export const SettingsContext = createContext<SettingsContextValue | null>(null);

/** The archive's settings; only usable below SettingsProvider, which renders nothing until they load. */
export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings() outside <SettingsProvider>');
  return value;
}
