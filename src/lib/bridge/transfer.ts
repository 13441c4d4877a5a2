import { transferHandlers, type TransferHandler } from 'comlink';
import { LoupeError, isErrorCode } from '../core/errors';

interface ThrownValue {
  value: unknown;
}

interface SerializedThrow {
  isError: boolean;
  value: { message?: string; name?: string; stack?: string; code?: string } | unknown;
}

/**
 * comlink sends a thrown Error as its name, message and stack only, so a LoupeError's code would
 * be lost on the way to the page. This replaces comlink's `throw` handler with one that keeps the
 * code and rebuilds the LoupeError on the other side; every other value is sent as comlink would.
 * Both sides (the page and each worker) install it.
 */
const throwHandler: TransferHandler<ThrownValue, SerializedThrow> = {
  canHandle: (value): value is ThrownValue =>
    typeof value === 'object' && value !== null && Object.getOwnPropertySymbols(value).length > 0,
  serialize({ value }) {
    if (value instanceof LoupeError)
      return [{ isError: true, value: { ...value.toJSON(), name: value.name } }, []];
    if (value instanceof Error)
      return [
        { isError: true, value: { message: value.message, name: value.name, stack: value.stack } },
        [],
      ];
    return [{ isError: false, value }, []];
  },
  deserialize(serialized) {
    if (!serialized.isError) throw serialized.value;
    const data = serialized.value as { message: string; name: string; code?: string };
    if (isErrorCode(data.code)) {
      const error = new LoupeError(data.code, data.message);
      error.name = data.name;
      throw error;
    }
    throw Object.assign(new Error(data.message), data);
  },
};

let installed = false;

export function installErrorTransfer(): void {
  if (installed) return;
  installed = true;
  const original = transferHandlers.get('throw');
  transferHandlers.set('throw', {
    canHandle: (value: unknown) => original?.canHandle(value) ?? throwHandler.canHandle(value),
    serialize: throwHandler.serialize,
    deserialize: throwHandler.deserialize,
  } as TransferHandler<unknown, unknown>);
}
