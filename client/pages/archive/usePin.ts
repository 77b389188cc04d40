/** Pinning from the archive: posts the pin and tells the person how it went. */
import { useCallback, useState } from 'react';
import type { PinDto, PinKind } from '../../../shared/knowledge/pins.ts';
import { api, errorMessage } from '../../api/http.ts';
import { useToast } from '../../components/Toast.tsx';

/** `pin(kind, itemId)` and the key of the item being pinned (for its button's busy state). */
export function usePin(communityId: string, sessionId: string) {
  const toast = useToast();
  const [busy, setBusy] = useState<string | null>(null);
  const pin = useCallback(
    async (kind: PinKind, itemId: string) => {
      setBusy(`${kind}:${itemId}`);
      try {
        await api.post<PinDto>(`/api/communities/${encodeURIComponent(communityId)}/pins`, { sessionId, kind, itemId });
        toast('Pinned to the community page.');
      } catch (err) {
        toast(errorMessage(err), 'error');
      } finally {
        setBusy(null);
      }
    },
    [communityId, sessionId, toast],
  );
  return { pin, busy };
}
