import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { vi, type Messages } from './vi';
import { en } from './en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

/**
 * Both languages are bundled (the app is offline), so initialisation is synchronous and the first paint
 * is already translated. Vietnamese is the starting language until settings say otherwise.
 */
void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: 'vi',
  fallbackLng: 'vi',
  supportedLngs: ['vi', 'en'],
  initAsync: false,
  // React already escapes text it renders.
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
  returnNull: false,
  // No console advertising in an offline clerk's app.
  showSupportNotice: false,
});

export default i18n;
