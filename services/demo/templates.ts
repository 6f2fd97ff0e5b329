// The demo's text templating: `{placeholder}` filling for the phrases in vocabulary.ts.

type VarValue = string | number | (() => string);
export type Vars = Record<string, VarValue>;

export const capitalize = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
export const lowerFirst = (s: string) => (s ? s[0]!.toLowerCase() + s.slice(1) : s);

/**
 * Fills `{key}` placeholders; `{Key}` gives the value with a capital first letter. A function value is
 * called for each occurrence, so "{directive}; {directive}" can say two different things. Values may
 * themselves hold placeholders (a topic naming {year}). An unknown key throws: a template typo must fail
 * the tests, not reach a clerk's screen as "{huyen}".
 */
export function fill(template: string, vars: Vars): string {
  let out = template;
  for (let depth = 0; depth < 5 && out.includes('{'); depth++) {
    out = out.replace(/\{(\w+)\}/g, (_m, key: string) => {
      let value = vars[key];
      let upper = false;
      if (value === undefined) {
        const lower = lowerFirst(key);
        value = vars[lower];
        upper = lower !== key;
      }
      if (value === undefined)
        throw new Error(`demo template: unknown placeholder {${key}} in "${template}"`);
      const text = typeof value === 'function' ? value() : String(value);
      return upper ? capitalize(text) : text;
    });
  }
  return out;
}
