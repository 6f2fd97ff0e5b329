import { useCallback, useEffect, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput, Reply } from '../../../contract/contract';
import type { ErrorPayload } from '../../../contract/errors';
import { api } from './client';

export interface ApiQuery<T> {
  data: T | null;
  error: ErrorPayload | null;
  loading: boolean;
  reload: () => void;
}

/**
 * One call's answer, fetched when the input changes. The input is compared by value (its JSON), so a
 * caller can pass an object literal without re-fetching on every render. An answer for an older input
 * is never shown for the current one.
 */
export function useApiQuery<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): ApiQuery<ChannelOutput<C>> {
  const [nonce, setNonce] = useState(0);
  const inputJson = JSON.stringify(input);
  const key = `${channel} ${inputJson} ${nonce}`;
  const [result, setResult] = useState<{ key: string; reply: Reply<ChannelOutput<C>> } | null>(null);

  useEffect(() => {
    let current = true;
    void api.invoke(channel, JSON.parse(inputJson) as ChannelInput<C>).then((reply) => {
      if (current) setResult({ key, reply });
    });
    return () => {
      current = false;
    };
  }, [channel, inputJson, key]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const reply = result?.key === key ? result.reply : null;
  return {
    data: reply?.ok ? reply.data : null,
    error: reply && !reply.ok ? reply.error : null,
    loading: reply === null,
    reload,
  };
}
