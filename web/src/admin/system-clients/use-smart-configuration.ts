// useSmartConfiguration: the SMART discovery document, loaded once for the system-client screens.
import { useEffect, useState } from 'react';
import {
  readSmartConfiguration,
  SMART_CONFIGURATION_PATH,
  type SmartConfiguration,
} from './smart-configuration.ts';

export type SmartConfigurationState =
  { state: 'loading' } | { state: 'loaded'; configuration: SmartConfiguration } | { state: 'failed' };

/** Loads the discovery document once (it is public, outside /api/v1, so not through the API client). */
export function useSmartConfiguration(): SmartConfigurationState {
  const [state, setState] = useState<SmartConfigurationState>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    void fetch(SMART_CONFIGURATION_PATH, {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    })
      .then(async (res) => (res.ok ? readSmartConfiguration(await res.json()) : null))
      .catch(() => null)
      .then((configuration) => {
        if (current) setState(configuration ? { state: 'loaded', configuration } : { state: 'failed' });
      });
    return () => {
      current = false;
    };
  }, []);
  return state;
}
